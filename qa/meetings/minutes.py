"""What a meeting's page, its minutes and its calendar invitation show: attendance and quorum,
the agenda with decisions and actions, and what is due that is not on it yet."""

from datetime import date
from zoneinfo import ZoneInfo

from qa.invites import Invite, uid
from qa.meetings import agenda, queries, rules, service
from qa.meetings.forms import AgendaItemForm
from qa.people.models import User


def page(meeting, item_form=None):
    attendance = queries.attendance(meeting)
    items = queries.agenda(meeting)
    held = meeting.starts_at.date() < date.today()  # what is due is offered until the day
    for item in items:
        item.link = agenda.link_for(item.source, item.source_id)
    return {
        "meeting": meeting,
        "attendance": attendance,
        "came": [row for row in attendance if row.present],
        "apologies": [row for row in attendance if not row.present],
        "quorum": queries.quorum_of(attendance),
        "agenda": items,
        "held": held,
        "waiting": [] if held else rules.not_yet_on(agenda.due_on(meeting.starts_at.date()), items),
        "item_form": item_form or AgendaItemForm(formdata=None),
        "sources": rules.SOURCES,
    }


def form_data(meeting):
    return {
        "version": str(meeting.version),
        "day": meeting.starts_at.date(),
        "starts": meeting.starts_at.time(),
        "ends": meeting.ends_at.time(),
        "kind": meeting.kind,
        "location": meeting.location,
    }


def conflict_rows(form, current):
    """The rows of a meeting's conflict: each of date, times, kind and place that differs."""
    saved = form_data(current)
    return [
        {"label": label, "mine": getattr(form, name).data, "theirs": saved.get(name)}
        for name, label in service.LABELS.items()
        if getattr(form, name).data != saved.get(name)
    ]


def agency_of(user_id):
    """The agency a person works for (None for none)."""
    return User.select(User.agency).where(User.id == user_id).scalar()


def time_zone(settings):
    return ZoneInfo(settings.time_zone)


def invite_of(meeting, partnership_name, url):
    """The meeting's calendar invitation, to everyone recorded as expected at it."""
    expected = [row.user for row in queries.attendance(meeting)]
    lines = [f"{meeting} of the quality assurance sub-group.", f"The agenda and papers: {url}"]
    return Invite(
        uid=uid("meeting", meeting.id, partnership_name),
        sequence=meeting.ics_sequence,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        summary=f"QA sub-group: {meeting.kind_label.lower()} meeting",
        location=meeting.location,
        description="\n".join(lines),
        attendees=expected,
    )
