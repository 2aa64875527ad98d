"""Changes to meetings: each one write transaction with its audit line."""

from qa import audit, editing
from qa.actions.models import Action
from qa.cycles.models import Cycle
from qa.db import db
from qa.ids import parse_id
from qa.meetings import agenda, rules
from qa.meetings.models import AgendaItem, Attendance, Meeting

# The meeting form's fields: a date and two times make the one `starts_at` and `ends_at`.
LABELS = {
    "day": "Date",
    "starts": "Start time",
    "ends": "End time",
    "kind": "Kind",
    "location": "Where",
}


def create_meeting(data):
    return editing.create(Meeting, data)


def save_meeting(meeting, version, data, summary=None):
    """Save the meeting's date, times, kind and place at `version`; its calendar invitation's
    sequence moves on so that calendars replace the old one."""
    with db.atomic("IMMEDIATE"):
        editing.update(meeting, version, data, summary)
        Meeting.update(ics_sequence=Meeting.ics_sequence + 1).where(
            Meeting.id == meeting.id
        ).execute()


def record_attendance(meeting, user_id, agency_id, role, present, who):
    """Record that a person came (or sent apologies) for an agency in a role; recording them again
    replaces what was said."""
    with db.atomic("IMMEDIATE"):
        Attendance.delete().where(
            Attendance.meeting == meeting, Attendance.user == user_id
        ).execute()
        row = Attendance.create(
            meeting=meeting, user=user_id, agency=agency_id, role=role, present=present
        )
        said = "came" if present else "sent apologies"
        audit.record(who, "changed", meeting, f"{row.user.name} {said} to the {meeting}")
    return row


def remove_attendance(row, who):
    with db.atomic("IMMEDIATE"):
        audit.record(who, "changed", row.meeting, f"Took {row.user.name} off the {row.meeting}")
        row.delete_instance()


def _next_position(meeting):
    return AgendaItem.select().where(AgendaItem.meeting == meeting).count()


def add_due_items(meeting, who):
    """Put on the agenda everything due on the meeting's day that it does not already hold;
    returns how many were added."""
    with db.atomic("IMMEDIATE"):
        held = list(AgendaItem.select().where(AgendaItem.meeting == meeting))
        fresh = rules.not_yet_on(agenda.due_on(meeting.starts_at.date()), held)
        start = len(held)
        for n, due in enumerate(fresh):
            AgendaItem.create(
                meeting=meeting,
                position=start + n,
                source=due.source,
                source_id=due.source_id,
                title=due.title[:200],
                detail=due.detail,
                owner=due.owner_id,
            )
        if fresh:
            audit.record(who, "changed", meeting, f"Added {len(fresh)} due items to the {meeting}")
    return len(fresh)


def add_free_item(meeting, title, detail, who):
    with db.atomic("IMMEDIATE"):
        item = AgendaItem.create(
            meeting=meeting, position=_next_position(meeting), title=title, detail=detail
        )
        audit.record(who, "created", item, f"Added ‘{title}’ to the agenda of the {meeting}")
    return item


def raise_action(item, data):
    """An action agreed at the meeting against agenda item `item`, on the action register (source:
    meeting); `data` holds the action form's fields."""
    with db.atomic("IMMEDIATE"):
        cycle = Cycle.current(item.meeting.starts_at.date())
        action = editing.create(
            Action,
            {
                "agency": parse_id(data["agency"]),  # None for "partnership"
                "responsible_officer": parse_id(data.get("responsible_officer")),
                "cycle": cycle.id,
                "source": "meeting",
                "source_id": item.id,
                "standard": parse_id(data.get("standard")),
                "description": data["description"],
                "owner": data["owner"],
                "due": data["due"],
            },
            f"Agreed at the {item.meeting}, on ‘{item.title}’: {data['description'][:80]}",
        )
    return action
