"""The quarterly review theme report: review actions by agency and by theme, in each status, with
the change since the quarter before and the sub-group's decision for each theme."""

from datetime import date

from qa.actions.rules import quarter_label, quarter_of
from qa.reviews import queries, rules
from qa.reviews.models import Theme


def quarter(day_text, today=None):
    """(start, end) of the quarter holding the day written as YYYY-MM-DD (today's if blank);
    ValueError for anything else."""
    today = today or date.today()
    return quarter_of(date.fromisoformat(day_text) if day_text else today)


def gather(start, end, today=None):
    """Everything the report shows, on screen and in the PDF."""
    today = today or date.today()
    as_of = rules.as_of(end, today)
    before = rules.quarter_before(start)
    counts = rules.theme_report(queries.theme_rows(), as_of, before)
    decided = queries.decisions(start)
    for row in counts["themes"]:
        row["decision"] = decided.get(row["name"])
    return {
        "start": start,
        "end": end,
        "as_of": as_of,
        "before": before,
        "label": quarter_label(start),
        "previous": quarter_of(before)[0],
        "counts": counts,
        "statuses": rules.STATUSES,
        "decisions": rules.DECISIONS,
        "themes": list(Theme.select().order_by(Theme.name)),
    }
