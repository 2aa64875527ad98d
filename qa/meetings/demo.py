"""The demo sub-group's meetings in 2026-27: three held (July and October quorate, an
extraordinary one in September not), with attendance, decisions and actions on their agenda
items; and the next one, its agenda drawn from what is due."""

from datetime import date, datetime, time, timedelta

from qa.actions.models import Action
from qa.case_audits.models import CaseAudit
from qa.cycles.models import Cycle
from qa.meetings import agenda, rules
from qa.meetings.models import AgendaItem, Attendance, Meeting
from qa.people.models import User
from qa.reviews.models import Review
from qa.workplan.models import WorkPlanItem

ROOM = "Northbrook Town Hall, committee room 2"
# (day, kind, came [(name, role)], apologies [names], agenda [(source, title, decisions,
#  [actions])]); an action: (agency's lead name or None for partnership-wide, officer, text,
#  owner, due, done)
HELD = (
    (
        date(2026, 7, 14), "quarterly",
        [("Angela Brooks", "chair"), ("Dr Samir Patel", "member"), ("DS Kate Harrison", "member"),
         ("Michael Grant", "member"), ("Priya Shah", "minutes")],
        ["Yvonne Clarke"],
        [
            ("workplan", "Work plan: agree the work plan and QA framework with the board",
             "The board agreed the plan on 20 May; the sub-group adopts it as its work for "
             "2026-27.", []),
            ("free", "Children's survey: first results",
             "The results go to the board in September with a you said, we did statement.",
             [(None, "Angela Brooks", "Publish the you said, we did poster for the children's "
               "survey in every school and children's centre", "Partnership business manager",
               date(2026, 9, 30), True)]),
        ],
    ),
    (
        date(2026, 9, 1), "extraordinary",
        [("Angela Brooks", "chair"), ("Louise Bennett", "member"), ("Priya Shah", "minutes")],
        ["Dr Samir Patel", "DS Kate Harrison"],
        [
            ("case_audit", "Case audit in progress: Adolescents at risk of exploitation",
             "Not quorate, so no decisions were taken. Two agencies need more time to choose "
             "their cases; the item is carried to the October meeting.", []),
        ],
    ),
    (
        date(2026, 10, 13), "quarterly",
        [("Angela Brooks", "chair"), ("Dr Samir Patel", "member"), ("DS Kate Harrison", "member"),
         ("Precious Adebayo", "member"), ("Darren Kaur", "member"), ("Priya Shah", "minutes")],
        ["Michael Grant"],
        [
            ("case_audit", "Case audit in progress: Adolescents at risk of exploitation",
             "The auditors' meeting moves to November; the audit reports to the board in Q3.",
             [("Det Insp Sarah Okafor", None, "Send the police returns for the exploitation "
               "audit's cases", "DS Kate Harrison", date(2026, 11, 6), False)]),
            ("review_request", "Twelve-month evidence of impact: the rapid review",
             "Evidence of impact accepted for two actions; the third comes back in January.", []),
            ("free", "Terms of reference: yearly review",
             "The quorum stays at three agencies. The sub-group meets every six weeks while an "
             "audit is under way.",
             [(None, "Priya Shah", "Send the revised terms of reference to the board",
               "Partnership business manager", date(2026, 12, 31), False)]),
        ],
    ),
)  # fmt: skip


def _source_id(source, cycle):
    if source == "workplan":
        item = WorkPlanItem.select().where(WorkPlanItem.cycle == cycle).order_by(WorkPlanItem.id)
        return item.first().id if item.exists() else None
    if source == "case_audit":
        found = CaseAudit.get_or_none(CaseAudit.topic == "Adolescents at risk of exploitation")
        return found.id if found else None
    if source == "review_request":
        found = Review.select().where(Review.kind == "rapid").order_by(Review.id).first()
        return found.id if found else None
    return None


def _at(day, hour):
    return datetime.combine(day, time(hour))


def _hold(spec, cycle, people):
    day, kind, came, apologies, items = spec
    meeting = Meeting.create(starts_at=_at(day, 10), ends_at=_at(day, 12), kind=kind, location=ROOM)
    for name, role in came:
        person = people[name]
        Attendance.create(meeting=meeting, user=person, agency=person.agency_id, role=role)
    for name in apologies:
        person = people[name]
        Attendance.create(meeting=meeting, user=person, agency=person.agency_id, present=False)
    for position, (source, title, decisions, actions) in enumerate(items):
        item = AgendaItem.create(
            meeting=meeting,
            position=position,
            source=source,
            source_id=_source_id(source, cycle),
            title=title,
            decisions=decisions,
        )
        for lead, officer, text, owner, due, done in actions:
            Action.create(
                agency=people[lead].agency_id if lead else None,
                responsible_officer=people[officer] if officer else None,
                cycle=cycle,
                source="meeting",
                source_id=item.id,
                description=text,
                owner=owner,
                due=due,
                status="done" if done else "open",
                completed_at=_at(due - timedelta(days=5), 9) if done else None,
                evidence_of_completion="Done: see the minutes" if done else "",
                created_at=_at(day, 12),
            )


def _next(today):
    """The next meeting: a Tuesday two to three weeks away, its agenda what is due then."""
    day = today + timedelta(days=14 + (1 - today.weekday()) % 7)
    meeting = Meeting.create(starts_at=_at(day, 10), ends_at=_at(day, 12), location=ROOM)
    for position, due in enumerate(rules.not_yet_on(agenda.due_on(day), [])):
        AgendaItem.create(
            meeting=meeting,
            position=position,
            source=due.source,
            source_id=due.source_id,
            title=due.title[:200],
            detail=due.detail,
            owner=due.owner_id,
        )


def load(demo, today=None):
    cycle = Cycle.get_or_none(Cycle.name == "2026-27")
    if cycle is None or Meeting.select().exists():
        return
    people = {u.name: u for u in User.select()}
    for spec in HELD:
        _hold(spec, cycle, people)
    _next(today or date.today())
