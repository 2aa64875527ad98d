"""Every read the work plan's pages need: the year's items with their owners and priorities, the
progress each linked record shows (one query per kind of link, never one per item), and the
quarterly progress report."""

from datetime import date

from peewee import JOIN, fn

from qa.actions.models import Action
from qa.case_audits import rules as case_audit_rules
from qa.case_audits.models import CaseAudit
from qa.cycles.models import Cycle
from qa.dataset import rules as dataset_rules
from qa.dataset.models import Figure, Indicator
from qa.people.models import Agency, User
from qa.reviews.models import Review, ReviewAction
from qa.scrutiny.models import ScrutinyEvidence, ScrutinyFinding, ScrutinyTheme
from qa.section11.models import Return
from qa.surveys.models import Response, Survey
from qa.workplan import rules
from qa.workplan.models import Commentary, Priority, WorkPlanItem


def priorities(cycle):
    return list(
        Priority.select().where(Priority.cycle == cycle).order_by(Priority.position, Priority.id)
    )


def items(cycle, today=None):
    """The year's items, by quarter and title, with owner and priority joined; each with
    `overdue` and `progress` (the words its linked record gives)."""
    today = today or date.today()
    found = list(
        WorkPlanItem.select(WorkPlanItem, User, Priority)
        .join(User, JOIN.LEFT_OUTER)
        .switch(WorkPlanItem)
        .join(Priority, JOIN.LEFT_OUTER)
        .where(WorkPlanItem.cycle == cycle)
        .order_by(WorkPlanItem.quarter, WorkPlanItem.title)
    )
    facts = link_facts([(item.link_kind, item.link_id) for item in found])
    for item in found:
        item.overdue = rules.is_overdue(item.status, item.quarter, cycle.starts, today)
        item.progress = rules.progress_words(
            item.link_kind, facts.get((item.link_kind, item.link_id))
        )
    return found


def link_facts(links):
    """{(link kind, id): figures} for the linked records that still exist: one query per kind."""
    wanted = {}
    for kind, link_id in links:
        if kind and link_id:
            wanted.setdefault(kind, set()).add(link_id)
    facts = {}
    for kind, ids in wanted.items():
        for link_id, figures in FACTS[kind](list(ids)).items():
            facts[kind, link_id] = figures
    return facts


def _section11(cycle_ids):
    agencies = Agency.select().where(Agency.active == True).count()  # noqa: E712
    sent = dict(
        Return.select(Return.cycle, fn.COUNT(Return.id))
        .where(Return.cycle.in_(cycle_ids), Return.status == "submitted")
        .group_by(Return.cycle)
        .tuples()
    )
    found = Cycle.select(Cycle.id).where(Cycle.id.in_(cycle_ids)).tuples()
    return {i: {"submitted": sent.get(i, 0), "agencies": agencies} for (i,) in found}


def _case_audits(audit_ids):
    found = CaseAudit.select(CaseAudit.id, CaseAudit.status).where(CaseAudit.id.in_(audit_ids))
    return {a.id: {"stage": case_audit_rules.STATUSES.get(a.status, a.status)} for a in found}


def _surveys(survey_ids):
    found = (
        Survey.select(Survey.id, Survey.status, fn.COUNT(Response.id).alias("responses"))
        .join(Response, JOIN.LEFT_OUTER)
        .where(Survey.id.in_(survey_ids))
        .group_by(Survey.id)
    )
    return {s.id: {"responses": s.responses, "state": s.status} for s in found}


def _reviews(review_ids):
    done = fn.SUM(Action.status == "done")
    found = (
        Review.select(Review.id, fn.COUNT(ReviewAction.id).alias("actions"), done.alias("done"))
        .join(ReviewAction, JOIN.LEFT_OUTER)
        .join(Action, JOIN.LEFT_OUTER)
        .where(Review.id.in_(review_ids))
        .group_by(Review.id)
    )
    return {r.id: {"actions": r.actions, "done": r.done or 0} for r in found}


def _indicators(indicator_ids):
    latest = dict(
        Figure.select(Figure.indicator, fn.MAX(Figure.period))
        .where(Figure.indicator.in_(indicator_ids), Figure.locality.is_null())
        .group_by(Figure.indicator)
        .tuples()
    )
    found = Indicator.select(Indicator.id).where(Indicator.id.in_(indicator_ids)).tuples()
    return {
        i: {"latest": dataset_rules.period_label(latest[i]) if latest.get(i) else ""}
        for (i,) in found
    }


def _scrutiny(theme_ids):
    def counts(model):
        found = model.select(model.theme, fn.COUNT(model.id)).where(model.theme.in_(theme_ids))
        return dict(found.group_by(model.theme).tuples())

    evidence, findings = counts(ScrutinyEvidence), counts(ScrutinyFinding)
    found = ScrutinyTheme.select(ScrutinyTheme.id, ScrutinyTheme.status).where(
        ScrutinyTheme.id.in_(theme_ids)
    )
    return {
        t.id: {
            "stage": t.status_label,
            "evidence": evidence.get(t.id, 0),
            "findings": findings.get(t.id, 0),
        }
        for t in found
    }


FACTS = {
    "section11": _section11,
    "case_audit": _case_audits,
    "survey": _surveys,
    "review": _reviews,
    "indicator": _indicators,
    "scrutiny": _scrutiny,
}


def link_choices():
    """[(value "kind:id", label)] of every record an item can draw its progress from."""
    choices = [("", "Nothing linked")]
    choices += [
        (f"section11:{c.id}", f"Section 11 returns, {c.name}") for c in Cycle.newest_first()
    ]
    audits = CaseAudit.select(CaseAudit.id, CaseAudit.topic).order_by(CaseAudit.id.desc())
    choices += [(f"case_audit:{a.id}", f"Case audit: {a.topic}") for a in audits]
    surveys = Survey.select(Survey.id, Survey.title).order_by(Survey.id.desc())
    choices += [(f"survey:{s.id}", f"Survey: {s.title}") for s in surveys]
    reviews = Review.select(Review.id, Review.reference).order_by(Review.id.desc())
    choices += [(f"review:{r.id}", f"Actions of review {r.reference}") for r in reviews]
    themes = ScrutinyTheme.select(ScrutinyTheme.id, ScrutinyTheme.title).order_by(
        ScrutinyTheme.id.desc()
    )
    choices += [(f"scrutiny:{t.id}", f"Scrutiny theme: {t.title}") for t in themes]
    indicators = Indicator.select(Indicator.id, Indicator.name).where(Indicator.active == True)  # noqa: E712
    choices += [(f"indicator:{i.id}", f"Data set: {i.name}") for i in indicators]
    return choices


def owner_choices():
    """[(id, name)] of the people who may own an item: admins and the sub-group."""
    found = (
        User.select(User.id, User.name)
        .where((User.active == True) & ((User.role == "admin") | User.subgroup_member))  # noqa: E712
        .order_by(User.name)
    )
    return [(u.id, u.name) for u in found]


def commentary(cycle, quarter):
    """The chair's commentary on a quarter (an unsaved one when none is written yet)."""
    found = Commentary.get_or_none(Commentary.cycle == cycle, Commentary.quarter == quarter)
    return found or Commentary(cycle=cycle, quarter=quarter, text="", version=0)


def progress_report(cycle, quarter, today=None):
    """The quarterly progress report: per priority (and "no priority" last) its items with status,
    progress and overdue; the counts by status; the overdue items; the chair's commentary."""
    today = today or date.today()
    found = items(cycle, today)
    groups = [(p, [i for i in found if i.priority_id == p.id]) for p in priorities(cycle)]
    loose = [i for i in found if i.priority_id is None]
    if loose:
        groups.append((None, loose))
    return {
        "cycle": cycle,
        "quarter": quarter,
        "label": rules.quarter_label(cycle.starts, quarter),
        "groups": groups,
        "counts": rules.status_counts(found),
        "due_now": [i for i in found if i.quarter == quarter],
        "overdue": [i for i in found if i.overdue],
        "commentary": commentary(cycle, quarter),
        "total": len(found),
    }
