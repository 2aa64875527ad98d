"""Where an action came from, in words and as a link back to the record that raised it.

(for whoever is looking).
"""

from flask import url_for

from qa.actions.models import SOURCES
from qa.challenge.models import Finding
from qa.section11.models import Rating
from qa.surveys.models import YouSaidWeDid


def source_of(action, user):
    """{'label', 'detail', 'url'}: the url is None when the person may not open the source."""
    label, detail, url = SOURCES.get(action.source, action.source), "", None
    if action.source == "section11" and action.source_id:
        rating = Rating.get_or_none(Rating.id == action.source_id)
        if rating:
            detail = f"An amber or red self-rating ({rating.rag or 'not rated'})"
            if user.role == "agency_lead":
                url = url_for("section11.rating", rating_id=rating.id)
            elif user.is_admin or user.subgroup_member:
                url = url_for("scrutiny.review", rating_id=rating.id)
    elif action.source == "challenge" and action.source_id:
        finding = Finding.get_or_none(Finding.id == action.source_id)
        if finding:
            detail = "A recommendation of the challenge event"
            url = url_for("challenge.event", event_id=finding.event_id)
    elif action.source == "survey" and action.source_id:
        statement = YouSaidWeDid.get_or_none(YouSaidWeDid.id == action.source_id)
        if statement:
            detail = f"You said: {statement.you_said}"
            if user.is_admin:
                url = url_for("surveys.statements", survey_id=statement.survey_id)
    return {"label": label, "detail": detail, "url": url}
