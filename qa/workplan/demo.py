"""The demo work plan for 2026-27: the board's two priorities and eight items over the four
quarters, linked where they can be to the demo's Section 11 cycle, survey, case audit and review,
one of them overdue; and the chair's commentary on the first two quarters."""

from qa.case_audits.models import CaseAudit
from qa.cycles.models import Cycle
from qa.dataset.models import Indicator
from qa.people.models import User
from qa.reviews.models import Review
from qa.scrutiny.models import ScrutinyTheme
from qa.surveys.models import Survey
from qa.workplan.models import Commentary, Priority, WorkPlanItem

PRIORITIES = (
    "Neglect: children are seen, heard and helped early",
    "Exploitation: adolescents are safe outside the home",
)
# (title, kind, owner, quarter, status, priority index or None, link)
ITEMS = (
    ("Agree the work plan and QA framework with the board", "other", "Priya Shah", 1, "done",
     None, None),
    ("Children's survey: feeling safe", "survey", "Angela Brooks", 1, "done", 0, "survey"),
    ("Multi-agency case audit: adolescents at risk of exploitation", "audit", "DS Kate Harrison",
     2, "at_risk", 1, "case_audit"),
    ("Rapid review actions: twelve-month evidence of impact", "review", "Dr Samir Patel", 2,
     "done", 0, "review"),
    ("Scrutiny theme: neglect, acting early", "scrutiny", "Louise Bennett", 3, "on_track", 0,
     "scrutiny"),
    ("Data set: exploitation indicators to the board", "dataset", "Darren Kaur", 3, "on_track",
     1, "indicator"),
    ("Section 11 self-assessment and challenge events", "section11", "James Whitaker", 4,
     "on_track", 0, "section11"),
    ("Practitioners' survey on contextual safeguarding", "survey", "Eleanor Watts", 4,
     "not_started", 1, None),
)  # fmt: skip
COMMENTARY = {
    1: "A good start: the board agreed the plan in May and the children's survey closed with "
    "more answers than last year. The exploitation audit is behind: two agencies asked for more "
    "time to choose their cases.",
    2: "The rapid review's actions have their evidence of impact. The exploitation audit is at "
    "risk: its auditors' meeting moved to November, so it reports to the board in Q3, not Q2.",
}


def _links(cycle):
    survey = Survey.select().where(Survey.audience == "children").order_by(Survey.id).first()
    audit = CaseAudit.get_or_none(CaseAudit.topic == "Adolescents at risk of exploitation")
    review = Review.select().where(Review.kind == "rapid").order_by(Review.id).first()
    missing = Indicator.get_or_none(Indicator.code == "missing-episodes")
    theme = ScrutinyTheme.get_or_none(ScrutinyTheme.title == "Neglect: acting early")
    return {
        "indicator": missing.id if missing else None,
        "scrutiny": theme.id if theme else None,
        "survey": survey.id if survey else None,
        "case_audit": audit.id if audit else None,
        "review": review.id if review else None,
        "section11": cycle.id,
    }


def load(demo):
    cycle = Cycle.get_or_none(Cycle.name == "2026-27")
    if cycle is None or Priority.select().where(Priority.cycle == cycle).exists():
        return
    priorities = [
        Priority.create(cycle=cycle, title=title, position=n) for n, title in enumerate(PRIORITIES)
    ]
    owners = {u.name: u.id for u in User.select(User.id, User.name)}
    links = _links(cycle)
    for title, kind, owner, quarter, status, priority, link in ITEMS:
        WorkPlanItem.create(
            cycle=cycle,
            title=title,
            kind=kind,
            owner=owners.get(owner),
            quarter=quarter,
            status=status,
            priority=priorities[priority] if priority is not None else None,
            link_kind=link if link and links.get(link) else "",
            link_id=links.get(link) if link else None,
        )
    for quarter, text in COMMENTARY.items():
        Commentary.create(cycle=cycle, quarter=quarter, text=text)
