"""Demo actions the other demos do not make.

Case-review actions, done with impact, cancelled, and look-backs due.
"""

from datetime import date, datetime, timedelta

from qa.actions.models import Action, ActionUpdate
from qa.cycles.models import Cycle
from qa.frameworks.models import Standard
from qa.people.models import Agency, User

# (agency, description, owner, standard title word, status, due in days from today, completed days
# ago, evidence, impact); the actions raised by "you said, we did" are in qa/surveys/demo.py.
CASE_REVIEW = [
    (
        "Northbrook Hospitals NHS Foundation Trust",
        "Child Safeguarding Practice Review, Child T: make sure the emergency department checks "
        "for a child protection plan at triage",
        "Named nurse for safeguarding",
        "Information",
        "in_progress",
        -20,
        None,
        "",
        "",
    ),
    (
        "Northbrook Constabulary",
        "Child Safeguarding Practice Review, Child T: brief every response officer on the voice "
        "of the child in domestic abuse call-outs",
        "DI Safeguarding",
        "Training",
        "open",
        -45,
        None,
        "",
        "",
    ),
    (
        "Northbrook GP Federation",
        "Multi-agency audit of neglect: add a neglect prompt to the practice safeguarding template",
        "Safeguarding GP lead",
        "Service",
        "done",
        -90,
        120,
        "Template updated in all 31 practices; screenshot attached to the audit report",
        "Referrals mentioning neglect from GPs rose from 9 to 22 a quarter",
    ),
    (
        "Northbrook Homes",
        "Rapid review, Child M: share tenancy concerns with children's services within two "
        "working days",
        "Tenancy services manager",
        "Information",
        "open",
        12,
        None,
        "",
        "",
    ),
    (
        "Northbrook Council Family Help",
        "Multi-agency audit of neglect: use the graded care profile in every neglect case",
        "Practice lead",
        "Supervision",
        "cancelled",
        -60,
        70,
        "",
        "",
    ),
]
LOOK_BACK = [
    (
        "Riverside High School",
        "Train every member of staff in the new escalation policy",
        "Deputy head (pastoral)",
        "Training",
        "done",
        -420,
        372,
        "Training log shows 100% completion",
        "Staff escalated three cases in a term that they would have held before",
    ),
    (
        "Northbrook Probation Delivery Unit",
        "Check every case with children in the household at allocation",
        "Senior probation officer",
        "Information",
        "done",
        -400,
        368,
        "Allocation checklist audited in June",
        "Checks recorded in 96% of cases",
    ),
    (
        "Safe Harbour Domestic Abuse Service",
        "Give every volunteer safer recruitment checks before starting",
        "Volunteer coordinator",
        "Recruitment",
        "done",
        -450,
        390,
        "DBS and references on file for all 40 volunteers",
        "No volunteer started without checks since",
    ),
]
CONFIRMED = {
    "Check every case with children in the household at allocation": (
        True,
        "Re-audit in October: checks still in 94% of cases.",
    )
}


def load(demo=None, today=None):
    today = today or date.today()
    if Action.select().where(Action.source == "manual").exists():
        return
    cycle = Cycle.current()
    agencies = {a.name: a for a in Agency.select()}
    admin = User.select().where(User.role == "admin").order_by(User.id).first()
    for row in CASE_REVIEW + LOOK_BACK:
        make_action(row, cycle, agencies, admin, today, source="manual")


def _standard(word):
    return Standard.select().where(Standard.title.contains(word)).order_by(Standard.id).first()


def make_action(row, cycle, agencies, admin, today, source, source_id=None):
    """Make one demo action from `row` (see CASE_REVIEW), with its notes as its status needs.

    A row whose agency is not in `agencies` is left out.
    """
    agency_name, description, owner, theme, status, due_in, done_ago, evidence, impact = row
    if agency_name not in agencies:
        return
    completed = (
        datetime.combine(today - timedelta(days=done_ago), datetime.min.time())
        + timedelta(hours=15)
        if done_ago
        else None
    )
    created = (completed or datetime.now()) - timedelta(days=150)
    look_back = CONFIRMED.get(description)
    action = Action.create(
        agency=agencies[agency_name],
        cycle=cycle,
        source=source,
        source_id=source_id,
        standard=_standard(theme),
        description=description,
        owner=owner,
        due=today + timedelta(days=due_in),
        status=status,
        evidence_of_completion=evidence,
        impact=impact,
        completed_at=completed,
        created_at=created,
        cancelled_reason="Replaced by the county-wide neglect strategy, which brings its own tool"
        if status == "cancelled"
        else "",
        impact_confirmed=look_back[0] if look_back else None,
        impact_review_note=look_back[1] if look_back else "",
        impact_reviewed_at=datetime.now() - timedelta(days=2) if look_back else None,
    )
    if status != "open":
        ActionUpdate.create(
            action=action,
            by=admin,
            at=created + timedelta(days=30),
            note="Plan agreed with the team; first steps under way.",
        )
    if status == "done":
        ActionUpdate.create(
            action=action,
            by=admin,
            at=completed - timedelta(days=5),
            note="All done; evidence gathered for the sub-group.",
        )
