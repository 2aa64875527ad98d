"""What is due for a meeting's agenda on its day: overdue actions, reviews' twelve-month requests,
Section 11 returns due or overdue, case audits in progress and the work plan's items due that
quarter; and where each agenda item links to."""

from dataclasses import dataclass
from datetime import date, timedelta

from flask import url_for
from peewee import JOIN, fn

from qa.actions.models import LIVE, PARTNERSHIP, Action
from qa.case_audits.models import CaseAudit
from qa.cycles.models import Cycle
from qa.people.models import Agency
from qa.reviews import requests
from qa.section11 import queries as section11_queries
from qa.workplan import queries as workplan_queries
from qa.workplan import rules as workplan_rules

IN_PROGRESS = ("gathering", "meeting", "report_drafted")  # a case audit's stages under way
RETURNS_AHEAD = timedelta(days=42)  # returns due within six weeks of the meeting are on it
PARTNERSHIP_WIDE = 0  # the source_id of the item on overdue partnership-wide actions


@dataclass
class Due:
    source: str
    source_id: int
    title: str
    detail: str = ""
    owner_id: int | None = None


def due_on(day):
    """Everything due for a meeting on `day`, as Due items (a few queries in all)."""
    cycle = Cycle.current(day)
    return [
        *_overdue_actions(day),
        *_review_requests(day),
        *(_section11(cycle, day) if cycle else []),
        *_case_audits(),
        *(_workplan(cycle, day) if cycle else []),
    ]


def _overdue_actions(day):
    """One item per agency with live actions past their due date (0 for partnership-wide ones)."""
    found = (
        Action.select(Action.agency, Agency.name, fn.COUNT(Action.id), fn.MIN(Action.due))
        .join(Agency, JOIN.LEFT_OUTER)
        .where(Action.status.in_(LIVE), Action.due < day)
        .group_by(Action.agency)
        .order_by(Agency.name)
        .tuples()
    )
    return [
        Due(
            "action",
            agency_id or PARTNERSHIP_WIDE,
            f"Overdue actions: {name or PARTNERSHIP} ({count})",
            f"The oldest was due {_day(oldest):%-d %B %Y}",
        )
        for agency_id, name, count, oldest in found
    ]


def _day(value):
    return date.fromisoformat(value) if isinstance(value, str) else value


def _review_requests(day):
    by_review = {}
    for link in requests.due(day):
        by_review.setdefault(link.review.id, (link.review, []))[1].append(link)
    return [
        Due(
            "review_request",
            review.id,
            f"Twelve-month evidence of impact: review {review.reference}",
            f"{len(links)} {'action' if len(links) == 1 else 'actions'} waiting for the "
            "sub-group's view",
        )
        for review, links in by_review.values()
    ]


def _section11(cycle, day):
    if cycle.deadline is None or cycle.deadline > day + RETURNS_AHEAD:
        return []
    counts = section11_queries.return_counts(cycle, day)
    missing = counts["agencies"] - counts["submitted"]
    if not missing:
        return []
    when = "overdue since" if cycle.deadline < day else "due"
    return [
        Due(
            "section11",
            cycle.id,
            f"Section 11 returns {cycle.name}: {missing} of {counts['agencies']} not sent in",
            f"Returns {when} {cycle.deadline:%-d %B %Y}",
        )
    ]


def _case_audits():
    found = CaseAudit.select(CaseAudit.id, CaseAudit.topic, CaseAudit.status).where(
        CaseAudit.status.in_(IN_PROGRESS)
    )
    return [
        Due("case_audit", a.id, f"Case audit in progress: {a.topic}", a.status_label) for a in found
    ]


def _workplan(cycle, day):
    quarter = workplan_rules.quarter_on(cycle.starts, day)
    return [
        Due(
            "workplan",
            item.id,
            f"Work plan: {item.title}",
            f"Due in Q{item.quarter}; {item.status_label.lower()}"
            + (f"; {item.progress}" if item.progress else ""),
            item.owner_id,
        )
        for item in workplan_queries.items(cycle, day)
        if item.quarter == quarter and item.status != "done"
    ]


def link_for(source, source_id):
    """Where an agenda item from `source` links to (None for other business)."""
    if source_id is None:
        return None
    return {
        "action": lambda: url_for("actions.index", agency=source_id or "partnership", overdue="1"),
        "review_request": lambda: url_for("reviews.show", review_id=source_id),
        "section11": lambda: url_for("scrutiny.overview", cycle=source_id),
        "case_audit": lambda: url_for("case_audits.show", audit_id=source_id),
        "workplan": lambda: url_for("workplan.edit", item_id=source_id),
    }.get(source, lambda: None)()
