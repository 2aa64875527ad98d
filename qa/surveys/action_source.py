"""How the action register describes an action raised by survey feedback ("You said, we did")."""

from flask import url_for

from qa.surveys.models import YouSaidWeDid


def describe(statement_id, user):
    """(detail, url) of the "You said" statement that raised the action, or None if it is gone.

    Only admins get the link: the statements page is theirs.
    """
    statement = YouSaidWeDid.get_or_none(YouSaidWeDid.id == statement_id)
    if statement is None:
        return None
    url = None
    if user.is_admin:
        url = url_for("surveys.statements", survey_id=statement.survey_id)
    return f"You said: {statement.you_said}", url
