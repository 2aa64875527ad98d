"""How a scrutiny theme cites a data-set indicator as evidence: its latest figure in the theme's
cycle, against England (and the region and statistical neighbours where known)."""

from datetime import date

from flask import url_for

from qa.dataset import queries, rules
from qa.dataset.models import Indicator


def choices(cycle):
    """[(indicator id, name)] of the active indicators."""
    return [(i.id, i.name) for i in queries.indicators(active_only=True)]


def describe(ids, cycle):
    """{indicator id: (name, its latest figure against the comparators, url)}, from the scorecard
    as it stood at the end of the cycle (or today): five queries however many indicators."""
    wanted = set(ids)
    as_of = min(date.today(), cycle.ends)
    rows = [row for row in queries.scorecard({}, as_of) if row["indicator"].id in wanted]
    return {
        row["indicator"].id: (
            row["indicator"].name,
            says(row),
            url_for("dataset.indicator", indicator_id=row["indicator"].id),
        )
        for row in rows
    }


def says(row):
    """'52.3 in April to June 2026 (worsening); England 44.1: worse.'"""
    ind: Indicator = row["indicator"]
    if row["value"] is None:
        return "No figure yet."
    words = f"{rules.shown(row['value'], ind.unit)} in {rules.period_label(row['period'])}"
    if row["direction"]:
        words += f" ({row['direction']})"
    compared = [
        f"{c['name']} {rules.shown(c['comparator'].value, ind.unit)}: {c['position']}"
        for c in row["comparisons"]
        if c["comparator"] is not None
    ]
    return words + (f"; {'; '.join(compared)}." if compared else "; no comparator yet.")
