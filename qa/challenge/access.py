"""Who may see which challenge event.

Admins all, visitors their own, an agency lead only their agency's outcome. Anything else is a 404,
recorded.
"""

from flask import abort
from flask_login import current_user

from qa.challenge.models import OUTCOME, ChallengeEvent, Finding, Recommendation, Visitor
from qa.cycles.models import Cycle
from qa.people.models import Agency, Sector
from qa.security import deny


def is_visitor(user, event_id):
    return Visitor.select().where((Visitor.event == event_id) & (Visitor.user == user.id)).exists()


def is_own_agency(user, event):
    return (
        user.role == "agency_lead"
        and user.agency_id is not None
        and user.agency_id == event.agency_id
    )


def _event(event_id):
    query = (
        ChallengeEvent.select(ChallengeEvent, Agency, Sector, Cycle)
        .join(Agency)
        .join(Sector)
        .switch(ChallengeEvent)
        .join(Cycle)
        .where(ChallengeEvent.id == event_id)
    )
    event = query.first()
    if event is None:
        abort(404)
    return event


def event_for(event_id):
    """The event for anyone involved in it: an admin, one of its visitors, or its own agency's
    lead."""
    event = _event(event_id)
    if not (
        current_user.is_admin
        or is_own_agency(current_user, event)
        or is_visitor(current_user, event.id)
    ):
        deny("ChallengeEvent", event_id, event.agency.name)
    return event


def findings_for(event_id):
    """The event's findings are for admins and its own visitors only; an agency lead sees the agreed
    outcome elsewhere."""
    event = _event(event_id)
    if not (current_user.is_admin or is_visitor(current_user, event.id)):
        deny("ChallengeEvent", event_id, event.agency.name)
    return event


def outcome_for(event_id):
    """The agreed outcome: admins, visitors, and the agency's own lead once the findings are
    agreed."""
    event = event_for(event_id)
    if is_own_agency(current_user, event) and event.status not in OUTCOME:
        deny("ChallengeEvent", event_id, event.agency.name)
    return event


def finding_to_edit(finding_id):
    """A finding only its event's visitors may change (admins read, and reopen)."""
    finding = Finding.get_or_none(Finding.id == finding_id)
    if finding is None:
        abort(404)
    event = _event(finding.event_id)
    if not is_visitor(current_user, event.id):
        deny("Finding", finding_id, event.agency.name)
    finding.event = event
    return finding


def event_to_record(event_id):
    """The event, for a visitor writing its summary or agreeing its findings."""
    event = _event(event_id)
    if not is_visitor(current_user, event.id):
        deny("ChallengeEvent", event_id, event.agency.name)
    return event


def recommendation_to_edit(recommendation_id):
    recommendation = Recommendation.get_or_none(Recommendation.id == recommendation_id)
    if recommendation is None:
        abort(404)
    return recommendation, finding_to_edit(recommendation.finding_id)
