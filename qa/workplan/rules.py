"""The work plan's rules in plain Python: the quarters of a reporting year, when an item is
overdue, and how the progress of a linked record is put in words."""

from datetime import date, timedelta

KINDS = {
    "audit": "Case audit",
    "scrutiny": "Scrutiny theme",
    "section11": "Section 11 cycle",
    "survey": "Survey",
    "review": "Review's actions",
    "dataset": "Data set",
    "other": "Other",
}
STATUSES = {
    "not_started": "Not started",
    "on_track": "On track",
    "at_risk": "At risk",
    "done": "Done",
}
QUARTERS = (1, 2, 3, 4)
# The records an item's progress can be drawn from: the link's kind and how it is named.
LINKS = {
    "section11": "Section 11 returns of a cycle",
    "case_audit": "A case audit",
    "survey": "A survey",
    "review": "A review's actions",
    "indicator": "An indicator of the data set",
    "scrutiny": "A scrutiny theme",
}


def _months_on(day, months):
    month = day.month - 1 + months
    return date(day.year + month // 12, month % 12 + 1, 1)


def quarter_bounds(year_starts, quarter):
    """(first day, last day) of quarter 1–4 of the year starting on `year_starts` (April for the
    partnership's reporting year)."""
    first = _months_on(year_starts, 3 * (quarter - 1))
    return first, _months_on(first, 3) - timedelta(days=1)


def quarter_label(year_starts, quarter):
    first, last = quarter_bounds(year_starts, quarter)
    return f"Q{quarter} ({first:%B} to {last:%B %Y})"


def quarter_on(year_starts, day):
    """The quarter (1–4) of the year that `day` falls in; None when outside the year."""
    for quarter in QUARTERS:
        first, last = quarter_bounds(year_starts, quarter)
        if first <= day <= last:
            return quarter
    return None


def is_overdue(status, quarter, year_starts, today):
    """Not done, and its quarter has ended."""
    return status != "done" and today > quarter_bounds(year_starts, quarter)[1]


def progress_words(link_kind, facts):
    """What the linked record says of the item's progress, from its figures; "" when there is
    nothing linked (or the record has gone)."""
    if not facts:
        return ""
    if link_kind == "section11":
        return f"{facts['submitted']} of {facts['agencies']} returns sent in"
    if link_kind == "case_audit":
        return f"Audit at stage: {facts['stage']}"
    if link_kind == "survey":
        answers = "response" if facts["responses"] == 1 else "responses"
        return f"{facts['responses']} {answers}, survey {facts['state']}"
    if link_kind == "review":
        return f"{facts['done']} of {facts['actions']} actions done"
    if link_kind == "scrutiny":
        evidence = "piece" if facts["evidence"] == 1 else "pieces"
        findings = "finding" if facts["findings"] == 1 else "findings"
        return (
            f"Theme at stage: {facts['stage']}; {facts['evidence']} {evidence} of evidence, "
            f"{facts['findings']} {findings}"
        )
    if link_kind == "indicator":
        latest = facts["latest"]
        return f"Latest figure: {latest}" if latest else "No figures yet"
    return ""


def status_counts(items):
    """How many items are at each status, and how many are overdue (items have `status` and
    `overdue`)."""
    counts = {key: 0 for key in STATUSES}
    for item in items:
        counts[item.status] = counts.get(item.status, 0) + 1
    counts["overdue"] = sum(1 for item in items if item.overdue)
    return counts
