"""What qa knows for each section of the yearly report: figures with a link back to where they
come from, the board report's declared sections (qa.capability.ReportSection) reused where they
fit, and the impact evidence of actions' twelve-month look-backs."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from flask import url_for
from peewee import JOIN, fn
from werkzeug.utils import import_string

from qa.actions.models import LIVE, PARTNERSHIP, Action
from qa.capability import report_sections
from qa.challenge import report as challenge_report
from qa.challenge.models import ChallengeEvent
from qa.people.models import Agency, Sector
from qa.scrutiny import queries as scrutiny_queries
from qa.scrutiny.models import ScrutinyFinding, ScrutinyTheme
from qa.section11.models import Return
from qa.surveys import queries as survey_queries
from qa.surveys.models import Survey, YouSaidWeDid

# Which of the board report's declared sections each yearly section shows, by their keys.
DECLARED_FOR = {"activity": ("case-audits",), "reviews": ("reviews",), "dataset": ("dataset",)}
HELD = ("held", "agreed", "reported")  # challenge events that took place
EXAMPLES = 5  # examples of impact quoted: enough to show it, few enough to read


@dataclass
class Evidence:
    """A section's evidence: `figures` are (label, value, url) rows; `examples` short quotes of
    impact (text, who); `declared` the board report's sections shown with it."""

    figures: list = field(default_factory=list)
    examples: list = field(default_factory=list)
    declared: list = field(default_factory=list)
    chart: list = field(default_factory=list)  # (label, value) bars, also given as figures
    chart_svg: str = ""
    chart_uri: str = ""
    chart_alt: str = ""


def _between(cycle, today):
    starts = datetime.combine(cycle.starts, datetime.min.time())
    ends = datetime.combine(min(cycle.ends, today) + timedelta(days=1), datetime.min.time())
    return starts, ends


def gather(cycle, today, keys) -> dict:
    """{key: Evidence} for the section keys asked for (each gathered once)."""
    found = {}
    declared = {s.key: s for s in report_sections()}
    for key in set(keys):
        evidence = GATHERERS[key](cycle, today) if key in GATHERERS else Evidence()
        for name in DECLARED_FOR.get(key, ()):
            if name in declared:
                figures = import_string(declared[name].gather)(cycle, today)
                evidence.declared.append({"declared": declared[name], "figures": figures})
        found[key] = evidence
    return found


def _declared_figures(key, cycle, today):
    """The figures of the board report's declared section `key`, or None without it."""
    for section in report_sections():
        if section.key == key:
            return import_string(section.gather)(cycle, today)
    return None


def _activity(cycle, today):
    states = dict(
        Return.select(Return.status, fn.COUNT(Return.id))
        .where(Return.cycle == cycle)
        .group_by(Return.status)
        .tuples()
    )
    agencies = Agency.select().where(Agency.active == True).count()
    events = dict(
        ChallengeEvent.select(ChallengeEvent.status, fn.COUNT(ChallengeEvent.id))
        .where(ChallengeEvent.cycle == cycle)
        .group_by(ChallengeEvent.status)
        .tuples()
    )
    starts, ends = _between(cycle, today)
    opened, done = (
        Action.select(
            fn.SUM(Action.created_at.between(starts, ends).cast("int")),
            fn.SUM(
                ((Action.status == "done") & Action.completed_at.between(starts, ends)).cast("int")
            ),
        )
        .tuples()
        .get()
    )
    return Evidence(
        figures=[
            (
                "Section 11 returns submitted",
                f"{states.get('submitted', 0)} of {agencies} agencies",
                url_for("scrutiny.overview", cycle=cycle.id),
            ),
            (
                "Challenge events held",
                sum(events.get(status, 0) for status in HELD),
                url_for("challenge.report_page", cycle_id=cycle.id),
            ),
            ("Actions agreed this year", opened or 0, url_for("actions.index")),
            ("Actions completed this year", done or 0, url_for("actions.index")),
        ]
    )


def _impact(cycle, today):
    """The twelve-month look-backs: completed actions whose lasting change the agency confirmed
    (or not) in the year, and the impact they describe."""
    starts, ends = _between(cycle, today)
    looked_back = dict(
        Action.select(Action.impact_confirmed, fn.COUNT(Action.id))
        .where(Action.impact_reviewed_at.between(starts, ends))
        .group_by(Action.impact_confirmed)
        .tuples()
    )
    examples = (
        Action.select(Action, Agency)
        .join(Agency, JOIN.LEFT_OUTER)
        .where(Action.impact_confirmed == True, Action.impact_reviewed_at.between(starts, ends))
        .where(Action.impact != "")
        .order_by(Action.impact_reviewed_at.desc(), Action.id.desc())
        .limit(EXAMPLES)
    )
    confirmed, lapsed = looked_back.get(True, 0), looked_back.get(False, 0)
    register = url_for("actions.index")
    figures = [
        ("Changes confirmed as lasting a year on", confirmed, register),
        ("Changes that had not lasted a year on", lapsed, register),
    ]
    reviews = _declared_figures("reviews", cycle, today)
    if reviews is not None:  # the reviews' twelve-month requests, as the board report gives them
        link = url_for("reviews.index")
        figures += [
            ("Review actions the sub-group was assured of a year on", reviews["assured"], link),
            ("Review actions it was not assured of", reviews["not_assured"], link),
        ]
    return Evidence(
        figures=figures,
        examples=[
            (
                a.impact,
                a.agency.name if a.agency_id else PARTNERSHIP,
                url_for("actions.show", action_id=a.id),
            )
            for a in examples
        ],
        chart=[("Lasted", confirmed), ("Did not last", lapsed)],
    )


def _scrutiny(cycle, today):
    """The challenge of agencies, and the sub-group's scrutiny themes of the year with their
    findings (qa.scrutiny)."""
    reports = challenge_report.build(challenge_report.events_for_report(cycle))
    link = url_for("challenge.report_page", cycle_id=cycle.id)
    themes = scrutiny_queries.themes(cycle)
    themes_link = url_for("scrutiny_themes.index")
    findings = (
        ScrutinyFinding.select(ScrutinyFinding, ScrutinyTheme)
        .join(ScrutinyTheme)
        .where(ScrutinyTheme.cycle == cycle)
        .order_by(ScrutinyTheme.id, ScrutinyFinding.id)
        .limit(EXAMPLES)
    )
    return Evidence(
        figures=[
            ("Agencies challenged, findings agreed", len(reports), link),
            ("Recommendations made", sum(len(r.recommendations) for r in reports), link),
            (
                "Self-ratings the visitors agreed lower",
                sum(r.count("lower") for r in reports),
                link,
            ),
            ("Scrutiny themes", len(themes), themes_link),
            ("Scrutiny themes reported", sum(t.status == "reported" for t in themes), themes_link),
            ("Findings of the scrutiny themes", sum(t.finding_count for t in themes), themes_link),
        ],
        examples=[
            (
                f"{f.theme.title}: {f.text}",
                "Scrutiny theme",
                url_for("scrutiny_themes.show", theme_id=f.theme_id),
            )
            for f in findings
        ],
    )


def _surveys(cycle, audience):
    return list(
        Survey.select()
        .where(Survey.audience == audience, Survey.opens_on.between(cycle.starts, cycle.ends))
        .order_by(Survey.opens_on, Survey.id)
    )


EDUCATION = "education"  # the sector slug of schools, colleges and early years settings


def _education(cycle):
    """Settings of the education sector, and how many submitted their self-assessment."""
    settings, submitted = (
        Agency.select(
            fn.COUNT(Agency.id.distinct()),
            fn.COUNT(Return.id.distinct()),
        )
        .join(Sector)
        .switch(Agency)
        .join(
            Return,
            JOIN.LEFT_OUTER,
            on=(Return.agency == Agency.id)
            & (Return.cycle == cycle)
            & (Return.status == "submitted"),
        )
        .where(Sector.slug == EDUCATION, Agency.active == True)
        .tuples()
        .get()
    )
    link = url_for("scrutiny.overview", cycle=cycle.id)
    return (
        "Schools and colleges that sent their safeguarding self-assessment",
        f"{submitted} of {settings}",
        link,
    )


def _voice(cycle, today):
    """How education took part, and children's voice from the surveys' results as shown anywhere
    else: a survey or an answer with too few responses is hidden (None), never counted."""
    figures, examples = [_education(cycle)], []
    for survey in _surveys(cycle, "children"):
        responses, summary = survey_queries.results_for(survey)
        link = url_for("surveys.results", survey_id=survey.id)
        figures.append(
            (f"Children who answered “{survey.title}”", responses or "Too few to show", link)
        )
        for item in summary:
            rows = [r for r in item.get("rows") or [] if r.get("count") is not None]
            if item.get("suppressed") or not any(r["count"] for r in rows):
                continue
            top = max(rows, key=lambda r: r["count"])
            examples.append(
                (
                    f"{item['question']['prompt']} Most said “{top['label']}” ({top['percent']}%).",
                    survey.title,
                    link,
                )
            )
    starts, ends = _between(cycle, today)
    said = (
        YouSaidWeDid.select()
        .where(YouSaidWeDid.published == True, YouSaidWeDid.created_at.between(starts, ends))
        .count()
    )
    figures.append(("“You said, we did” answers published", said, url_for("surveys.index")))
    return Evidence(figures=figures, examples=examples[:EXAMPLES])


def _priorities(cycle, today):
    live = Action.select().where(Action.status.in_(LIVE), Action.cycle == cycle).count()
    late = (
        Action.select()
        .where(Action.status.in_(LIVE), Action.cycle == cycle, Action.due < today)
        .count()
    )
    register = url_for("actions.index")
    return Evidence(
        figures=[
            ("Actions of this year still open, to carry forward", live, register),
            ("Of those, past their due date", late, register),
        ]
    )


GATHERERS = {
    "activity": _activity,
    "impact": _impact,
    "scrutiny": _scrutiny,
    "voice": _voice,
    "priorities": _priorities,
}
