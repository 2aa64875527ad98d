"""The rules of a multi-agency case audit, in plain Python.

The audit's stages, the four-point grade scale, the default domains, who may see which case and
which agency's return, and what stops a return being submitted.
"""

from dataclasses import dataclass

from qa.lifecycle import REOPENED, SUBMITTED

STATUSES = {
    "planned": "Planned",
    "gathering": "Gathering returns",
    "meeting": "Auditors' meeting",
    "report_drafted": "Report drafted",
    "agreed": "Agreed by the board",
    "published": "Published",
}
# From here on the auditors have met: each agency may read the others' returns for its cases.
AFTER_MEETING = ("report_drafted", "agreed", "published")
# Agreed by the board: its summary shown to everyone, its briefing shared with practitioners.
AGREED = ("agreed", "published")

GRADES = {
    "outstanding": "Outstanding",
    "good": "Good",
    "requires_improvement": "Requires improvement",
    "inadequate": "Inadequate",
}
DEFAULT_DOMAINS = (
    "The voice of the child",
    "Assessment of risk",
    "Information sharing",
    "Multi-agency working",
    "Management oversight",
    "Outcome for the child",
)
# The Signs of Safety–style summary each return ends with: field, heading.
SUMMARY = {
    "worked_well": "What worked well",
    "worried_about": "What we are worried about",
    "needs_to_happen": "What needs to happen",
}
TEXT_LIMIT = 5_000
DOMAINS_LIMIT = 12


def domains_from(text: str) -> list[str]:
    """The audit's domains from the lines an admin typed: blank lines and repeats left out."""
    found = []
    for line in (text or "").splitlines():
        name = " ".join(line.split())
        if name and name.lower() not in (seen.lower() for seen in found):
            found.append(name)
    return found


@dataclass(frozen=True)
class Viewer:
    """Who is asking, as the rules need it: on the sub-group (admins and sub-group reviewers), or
    the agency they audit for (a lead's agency, or a named auditor's)."""

    on_subgroup: bool
    agency_id: int | None


def may_see_case(viewer: Viewer, case_agencies) -> bool:
    """The sub-group sees every case; anyone else only a case their agency is involved in."""
    return viewer.on_subgroup or (
        viewer.agency_id is not None and viewer.agency_id in case_agencies
    )


def may_see_return(viewer: Viewer, return_agency: int, case_agencies, audit_status: str) -> bool:
    """An agency's own return always; another agency's only once the auditors have met, and only
    for a case the viewer's agency is in. The sub-group sees them all."""
    if viewer.on_subgroup:
        return True
    if viewer.agency_id is None or viewer.agency_id not in case_agencies:
        return False
    return return_agency == viewer.agency_id or audit_status in AFTER_MEETING


def may_complete(viewer: Viewer, return_agency: int) -> bool:
    """Only someone auditing for the return's own agency completes it."""
    return viewer.agency_id is not None and viewer.agency_id == return_agency


@dataclass(frozen=True)
class Answer:
    """One domain's answer as the rules need it."""

    key: int
    domain: str
    grade: str = ""
    justification: str = ""


def problems(answers, summary: dict) -> list[tuple[str, str]]:
    """What stops the return being submitted, as (id of the field that puts it right, message):
    a grade and a justification for every domain, and the three summary boxes. A domain's fields
    are prefixed with "d" and its key on the page (d12-grade)."""
    found = []
    for answer in answers:
        if answer.grade not in GRADES:
            found.append((f"d{answer.key}-grade", f"Choose a grade for {answer.domain}"))
        if not answer.justification.strip():
            found.append((f"d{answer.key}-justification", f"Say why: {answer.domain}"))
    for name, heading in SUMMARY.items():
        if not (summary.get(name) or "").strip():
            found.append((name, f"Fill in ‘{heading}’"))
    return found


def return_state(status: str, answered: bool) -> str:
    """Where one agency's return for a case stands, in words: not started, in progress, submitted
    or reopened."""
    if status in (SUBMITTED, REOPENED):
        return status
    return "in progress" if answered else "not started"


THEME_KINDS = {"strength": "Strength", "concern": "Concern"}


def differing(agreed: str, singles: dict) -> dict:
    """The single-agency grades that differ from the agreed one ({agency: grade}); none when
    nothing is agreed yet."""
    if not agreed:
        return {}
    return {agency: grade for agency, grade in singles.items() if grade and grade != agreed}


def grade_counts(grades) -> dict:
    """How many of each grade, in the scale's order, with '' for not graded."""
    counts = {key: 0 for key in (*GRADES, "")}
    for grade in grades:
        counts[grade if grade in GRADES else ""] += 1
    return counts


def theme_counts(tags) -> list[tuple[str, str, int]]:
    """(theme, kind, how many cases show it) from (theme, kind, case) tags: most cases first, then
    by name."""
    cases = {}
    for theme, kind, case in tags:
        cases.setdefault((theme, kind), set()).add(case)
    found = [(theme, kind, len(seen)) for (theme, kind), seen in cases.items()]
    return sorted(found, key=lambda row: (-row[2], row[0].lower()))


def recurrence(rows) -> tuple[list[str], list[dict]]:
    """How often themes recur year on year, from (theme, kind, cycle, cases) rows: the cycles in
    order, and per theme (the same words, whatever their case, make one theme) the cases showing it
    in each cycle; themes seen in most cycles first, then most cases."""
    cycles, themes = [], {}
    for name, kind, cycle, cases in rows:
        if cycle not in cycles:
            cycles.append(cycle)
        theme = themes.setdefault(" ".join(name.lower().split()), {"name": name, "kind": kind})
        theme.setdefault("cycles", {})
        theme["cycles"][cycle] = theme["cycles"].get(cycle, 0) + cases
    found = sorted(
        themes.values(),
        key=lambda t: (-len(t["cycles"]), -sum(t["cycles"].values()), t["name"].lower()),
    )
    return sorted(cycles), found
