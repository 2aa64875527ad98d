"""Every read the meetings pages need: the list, a meeting with its attendance and agenda, the
actions raised at it, and a person's next meeting for their home page."""

from datetime import datetime

from peewee import JOIN

from qa.actions.models import LIVE, Action
from qa.meetings import rules
from qa.meetings.models import AgendaItem, Attendance, Meeting
from qa.people.models import Agency, User


def meetings():
    """Every meeting, the latest first, each with its `quorum`."""
    found = list(Meeting.select().order_by(Meeting.starts_at.desc()))
    rows = Attendance.select(Attendance.meeting, Attendance.agency, Attendance.present).tuples()
    pairs = {}
    for meeting_id, agency_id, present in rows:
        pairs.setdefault(meeting_id, []).append((agency_id, present))
    for meeting in found:
        meeting.quorum = rules.quorum(pairs.get(meeting.id, []))
    return found


def attendance(meeting):
    return list(
        Attendance.select(Attendance, User, Agency)
        .join(User)
        .switch(Attendance)
        .join(Agency, JOIN.LEFT_OUTER)
        .where(Attendance.meeting == meeting)
        .order_by(Attendance.present.desc(), Agency.name, User.name)
    )


def quorum_of(rows):
    return rules.quorum([(row.agency_id, row.present) for row in rows])


def agenda(meeting):
    """The agenda in order, with who owns each item, and the actions raised against each item as
    `actions`."""
    items = list(
        AgendaItem.select(AgendaItem, User)
        .join(User, JOIN.LEFT_OUTER)
        .where(AgendaItem.meeting == meeting)
        .order_by(AgendaItem.position, AgendaItem.id)
    )
    raised = {}
    if items:
        found = (
            Action.select(Action, Agency)
            .join(Agency, JOIN.LEFT_OUTER)
            .where(Action.source == "meeting", Action.source_id.in_([i.id for i in items]))
            .order_by(Action.id)
        )
        for action in found:
            raised.setdefault(action.source_id, []).append(action)
    for item in items:
        item.actions = raised.get(item.id, [])
    return items


def actions_of(item):
    """The actions agreed against an agenda item."""
    found = Action.select(Action, Agency).join(Agency, JOIN.LEFT_OUTER)
    return list(found.where(Action.source == "meeting", Action.source_id == item.id))


def people_choices():
    """[(id, "name, agency")] of everyone active who may be at a meeting."""
    found = (
        User.select(User.id, User.name, Agency.name.alias("agency_name"))
        .join(Agency, JOIN.LEFT_OUTER)
        .where(User.active == True)  # noqa: E712
        .order_by(User.name)
        .objects()
    )
    return [(u.id, f"{u.name}, {u.agency_name}" if u.agency_name else u.name) for u in found]


def agency_choices():
    found = Agency.select(Agency.id, Agency.name).where(Agency.active == True).order_by(Agency.name)  # noqa: E712
    return [(a.id, a.name) for a in found]


def next_meeting(now=None):
    """The first meeting still to start."""
    now = now or datetime.now()
    return Meeting.select().where(Meeting.starts_at >= now).order_by(Meeting.starts_at).first()


def for_home(user, now=None):
    """For a person's home page: the next meeting, if they are on the sub-group or expected at
    it, and the agenda items they are asked to speak to; None otherwise."""
    meeting = next_meeting(now)
    if meeting is None:
        return None
    expected = (
        Attendance.select()
        .where(Attendance.meeting == meeting, Attendance.user == user.id)
        .exists()
    )
    if not (user.on_subgroup or expected):
        return None
    theirs = list(
        AgendaItem.select()
        .where(AgendaItem.meeting == meeting, AgendaItem.owner == user.id)
        .order_by(AgendaItem.position, AgendaItem.id)
    )
    return {"meeting": meeting, "asked": theirs, "overdue": overdue_actions_of(user, now)}


def overdue_actions_of(user, now=None):
    """How many live actions past their due date this person answers for: as responsible
    officer, or as the lead of the agency an action belongs to (with no responsible officer)."""
    today = (now or datetime.now()).date()
    theirs = Action.responsible_officer == user.id
    if user.role == "agency_lead" and user.agency_id is not None:
        theirs |= Action.responsible_officer.is_null() & (Action.agency == user.agency_id)
    live = Action.status.in_(LIVE) & (Action.due < today)
    return Action.select().where(live & theirs).count()
