"""The annual quality-assurance report to the board.

Each section's figures, gathered with the other features' own queries.
"""

from collections import Counter
from datetime import date, datetime, timedelta

from peewee import JOIN, fn
from werkzeug.utils import import_string

from qa.actions.models import LIVE, SOURCES, Action
from qa.capability import report_sections
from qa.challenge import models as challenge_models
from qa.challenge import queries as challenge_queries
from qa.challenge import report as challenge_report
from qa.people.models import Agency
from qa.reports import messages
from qa.section11 import export as section11_export
from qa.section11 import voices
from qa.section11.models import Return
from qa.surveys import queries as survey_queries
from qa.surveys.models import Survey, YouSaidWeDid

# The report's own sections; the sections other capabilities declare (capability.ReportSection)
# follow them, then the key messages.
OWN_STEPS = [
    "Section 11 returns",
    "Challenge events",
    "Children and young people",
    "Front-line staff",
    "Actions and impact",
]
QUOTES = 3  # written answers quoted per survey: enough to hear the voice, few enough to read


def steps() -> list[str]:
    """The steps of building the report, as the person waiting for the PDF sees them."""
    return [*OWN_STEPS, *(section.title for section in report_sections()), "Key messages"]


def build(cycle, today=None, progress=lambda step, label: None):
    """Everything the report shows, section by section; `progress(step, label)` is told as each
    section starts."""
    today = today or date.today()
    labels = steps()
    data = {"cycle": cycle, "today": today, "generated": datetime.now(), "steps": labels}
    own = (_section11, _challenge, _children, _staff, _actions)
    for number, (label, section) in enumerate(zip(OWN_STEPS, own, strict=True), start=1):
        progress(number, label)
        data.update(section(cycle, today))
    data["sections"] = []
    for number, section in enumerate(report_sections(), start=len(own) + 1):
        progress(number, section.title)
        figures = import_string(section.gather)(cycle, today)
        data["sections"].append({"declared": section, "figures": figures})
    progress(len(labels), labels[-1])
    data["key_messages"] = messages.key_messages(data)
    return data


def _section11(cycle, today):
    s11 = section11_export.report(cycle, today)
    submitted = s11["states"].get("submitted", 0)
    previous = s11["previous"]
    before = None
    if previous:
        returned = (
            Return.select().where(Return.cycle == previous, Return.status == "submitted").count()
        )
        before = {"cycle": previous, "submitted": returned}
    totals = Counter()
    movement = Counter()
    for m in s11["maps"]:
        for counts in m.counts:
            totals.update({k: v for k, v in counts.items() if k})
        if m.previous:
            for changes in m.changes:
                movement.update(changes)
    return {
        "section11": {
            **s11,
            "submitted": submitted,
            "rate": _percent(submitted, s11["total"]),
            "before": before,
            "ratings": {k: totals.get(k, 0) for k in "RAG"},
            "movement": dict(movement),
        }
    }


def _challenge(cycle, today):
    reports = challenge_report.build(challenge_report.events_for_report(cycle))
    return {
        "challenge": {
            "reports": reports,
            "coming": [
                event
                for event in challenge_queries.cycle_events(cycle)
                if event.status in challenge_models.RECORDING + ("proposed",)
            ],
            "recommendations": sum(len(r.recommendations) for r in reports),
            "lower": sum(r.count("lower") for r in reports),
            "higher": sum(r.count("higher") for r in reports),
        }
    }


def _in_cycle(cycle, audience):
    return list(
        Survey.select()
        .where(Survey.audience == audience, Survey.opens_on.between(cycle.starts, cycle.ends))
        .order_by(Survey.opens_on, Survey.id)
    )


def _survey_lines(survey):
    """One survey at a glance: responses, the spread of answers to each choice question (every
    answer with its share, and the most chosen named), and a few written answers."""
    responses, summary = survey_queries.results_for(survey)
    lines, quotes = [], []
    for item in summary:
        # hidden rows (None: too few to show) say nothing; an answer nobody chose shows as 0%
        shown = [row for row in item.get("rows") or [] if row.get("count") is not None]
        if any(row["count"] for row in shown) and not item.get("suppressed"):
            top = max(shown, key=lambda row: row["count"])
            lines.append(
                {
                    "prompt": item["question"]["prompt"],
                    "answer": top["label"],
                    "percent": top["percent"],
                    "answered": item["answered"],
                    "spread": [
                        {"label": row["label"], "percent": row["percent"] or 0} for row in shown
                    ],
                }
            )
        quotes.extend((item.get("texts") or [])[: QUOTES - len(quotes)])
    # a survey of fewer than 5 is counted in no total: its number is hidden
    return {
        "survey": survey,
        "responses": responses or 0,
        "lines": lines,
        "quotes": quotes[:QUOTES],
    }


def _children(cycle, today):
    surveys = [_survey_lines(s) for s in _in_cycle(cycle, "children")]
    starts = datetime.combine(cycle.starts, datetime.min.time())
    ends = datetime.combine(cycle.ends + timedelta(days=1), datetime.min.time())
    done = list(
        YouSaidWeDid.select(YouSaidWeDid, Survey)
        .join(Survey)
        .where(YouSaidWeDid.published == True, YouSaidWeDid.created_at.between(starts, ends))
        .order_by(YouSaidWeDid.id)
    )
    return {
        "children": {
            "surveys": surveys,
            "responses": sum(s["responses"] for s in surveys),
            "you_said": done,
        }
    }


def _staff(cycle, today):
    """What practitioners said: the staff questionnaires' results, and where an agency's own staff
    contradict its self-rating."""
    surveys = [_survey_lines(s) for s in _in_cycle(cycle, "staff")]
    mismatches = [
        {"agency": agency, "standard": topic, "rag": b.rag, "sentence": b.verdict.sentence}
        for agency, topic, b in voices.mismatches(cycle)
    ]
    return {
        "staff": {
            "surveys": surveys,
            "responses": sum(s["responses"] for s in surveys),
            "mismatches": mismatches,
        }
    }


def _actions(cycle, today):
    starts = datetime.combine(cycle.starts, datetime.min.time())
    ends = datetime.combine(min(cycle.ends, today) + timedelta(days=1), datetime.min.time())
    opened = Action.created_at.between(starts, ends)
    completed = (Action.status == "done") & Action.completed_at.between(starts, ends)
    overdue = Action.status.in_(LIVE) & (Action.due < today)
    confirmed = Action.impact_reviewed_at.between(starts, ends)
    by_source = {}
    for source, n_opened, n_done, n_late in (
        Action.select(
            Action.source,
            fn.SUM(opened.cast("int")),
            fn.SUM(completed.cast("int")),
            fn.SUM(overdue.cast("int")),
        )
        .group_by(Action.source)
        .tuples()
    ):
        by_source[source] = {
            "label": SOURCES.get(source, source),
            "opened": n_opened or 0,
            "done": n_done or 0,
            "overdue": n_late or 0,
        }
    reviewed = dict(
        Action.select(Action.impact_confirmed, fn.COUNT(Action.id))
        .where(confirmed)
        .group_by(Action.impact_confirmed)
        .tuples()
    )
    late_agencies = list(
        Action.select(Agency.name, fn.COUNT(Action.id).alias("n"))
        .join(Agency, JOIN.INNER)
        .where(overdue)
        .group_by(Agency.name)
        .order_by(fn.COUNT(Action.id).desc(), Agency.name)
        .limit(10)
        .tuples()
    )
    impacts = list(
        Action.select(Action, Agency)
        .join(Agency)
        .where(completed, Action.impact != "")
        .order_by(Action.completed_at.desc())
        .limit(6)
    )
    totals = {
        key: sum(row[key] for row in by_source.values()) for key in ("opened", "done", "overdue")
    }
    return {
        "actions": {
            "by_source": [by_source[s] for s in SOURCES if s in by_source],
            "totals": totals,
            "confirmed": reviewed.get(True, 0),
            "not_sustained": reviewed.get(False, 0),
            "late_agencies": late_agencies,
            "impacts": impacts,
        }
    }


def _percent(part, whole):
    return round(100 * part / whole) if whole else 0
