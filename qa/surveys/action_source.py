"""How the action register describes an action raised by survey feedback ("You said, we did")."""

from flask import url_for

from qa.surveys.models import YouSaidWeDid


def describe(statement_id, user):
    """(detail, url) of the "You said" statement that raised the action, or None if it is gone.

    Only admins get the link: the statements page is theirs.
    """
    return describe_many([statement_id], user).get(statement_id)


def describe_many(statement_ids, user):
    """{statement id: (detail, url)} as `describe` gives each, in one query."""
    statements = YouSaidWeDid.select(
        YouSaidWeDid.id, YouSaidWeDid.survey, YouSaidWeDid.you_said
    ).where(YouSaidWeDid.id.in_(list(statement_ids)))
    return {
        statement.id: (
            f"You said: {statement.you_said}",
            url_for("surveys.statements", survey_id=statement.survey_id) if user.is_admin else None,
        )
        for statement in statements
    }
