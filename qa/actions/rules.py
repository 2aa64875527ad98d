"""Pure rules of the action register: overdue, due soon, look-back due, and the quarterly counts."""

from collections import Counter
from datetime import date, timedelta

LIVE = ("open", "in_progress")
DUE_SOON_DAYS = 28
LOOK_BACK_DAYS = 365  # a year after completion the agency lead says whether the impact lasted
# ... and it stays on their list for two months after that, then is still shown as late
LOOK_BACK_WINDOW = 60


def is_overdue(status, due, today):
    return status in LIVE and due is not None and due < today


def is_due_soon(status, due, today, days=DUE_SOON_DAYS):
    return status in LIVE and due is not None and today <= due <= today + timedelta(days=days)


def look_back_due(status, completed_on, reviewed, today):
    """A done action comes back for its look-back once a year has passed, until someone has reviewed
    it."""
    return (
        status == "done"
        and completed_on is not None
        and not reviewed
        and completed_on <= today - timedelta(days=LOOK_BACK_DAYS)
    )


def look_back_cutoff(today):
    """Actions completed on or before this day are due their look-back."""
    return today - timedelta(days=LOOK_BACK_DAYS)


def quarter_of(day):
    """(first day, last day) of the calendar quarter containing `day`."""
    first_month = 3 * ((day.month - 1) // 3) + 1
    start = date(day.year, first_month, 1)
    end = date(day.year + (first_month + 2) // 12, (first_month + 2) % 12 + 1, 1) - timedelta(
        days=1
    )
    return start, end


def quarter_label(start):
    return f"{start:%B} to {(quarter_of(start)[1]):%B %Y}"


def quarterly_counts(actions, start, end, today=None):
    """Counts for a period from plain action rows (dicts with agency, theme, status, due,
    created_on, completed_on).

    opened: created in the period; closed: done or cancelled in the period; overdue: open at the
    period's end (or today, for the quarter under way) and past its due date. Per agency, per theme,
    and totals.
    """
    keys = ("opened", "closed", "overdue")
    as_of = min(end, today) if today else end
    by_agency, by_theme = {}, {}
    totals = Counter()
    for a in actions:
        still_open = a["completed_on"] is None or a["completed_on"] > as_of
        hits = {
            "opened": start <= a["created_on"] <= end,
            "closed": a["completed_on"] is not None and start <= a["completed_on"] <= end,
            "overdue": a["created_on"] <= as_of and still_open and a["due"] < as_of,
        }
        for key in keys:
            if hits[key]:
                totals[key] += 1
                by_agency.setdefault(a["agency"], Counter())[key] += 1
                by_theme.setdefault(a["theme"], Counter())[key] += 1

    def rows(table):
        return [{"name": name, **{k: table[name][k] for k in keys}} for name in sorted(table)]

    return {
        "agencies": rows(by_agency),
        "themes": rows(by_theme),
        "totals": {k: totals[k] for k in keys},
    }


def bar_percent(value, largest):
    """Width of a bar, as a whole percentage of the largest value shown (at least 1 when
    non-zero)."""
    if not largest or not value:
        return 0
    return max(1, round(100 * value / largest))
