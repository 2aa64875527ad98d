"""Pure rules of learning from reviews: the twelve-month request, each review action's status, and
the quarterly review theme report's counts."""

from collections import Counter
from datetime import date, timedelta

LIVE = ("open", "in_progress")
DECISIONS = {
    "dip_sample": "Dip-sample single-agency action plans",
    "audit": "New audit work",
    "fold_into_audit": "Fold into a planned audit",
    "assured": "Assured: no further work",
}
# The report's statuses, in the order a review action passes through them.
STATUSES = {
    "open": "Open",
    "overdue": "Overdue",
    "complete": "Complete",
    "impact": "Impact evidenced",
    "assured": "Assured",
}


def is_https(url):
    """A published summary link must be a plain https address."""
    return url.startswith("https://") and len(url) > len("https://") and " " not in url


def request_due_on(completed_on):
    """The day, twelve months after a review completed, its actions' evidence is asked for."""
    if completed_on is None:
        return None
    try:
        return completed_on.replace(year=completed_on.year + 1)
    except ValueError:  # 29 February
        return completed_on + timedelta(days=365)


def request_cutoff(today):
    """Reviews completed on or before this day are due their twelve-month request today."""
    try:
        return today.replace(year=today.year - 1)
    except ValueError:  # 29 February: a year before is 28 February
        return today.replace(year=today.year - 1, day=28)


def evidence_due(completed_on, assured, today):
    """Whether a review action is due its twelve-month evidence: a year since the review completed
    and the sub-group has not yet decided on it."""
    due_on = request_due_on(completed_on)
    return due_on is not None and due_on <= today and assured is None


def status_of(row, as_of):
    """One of STATUSES for a review action's row (status, due, completed_on, impact, assured,
    assured_on) as it stood on `as_of`."""
    done = row["completed_on"] is not None and row["completed_on"] <= as_of
    if row["assured"] and row["assured_on"] is not None and row["assured_on"] <= as_of:
        return "assured"
    if done and row["impact"]:
        return "impact"
    if done:
        return "complete"
    if row["status"] == "cancelled":
        return None
    return "overdue" if row["due"] < as_of else "open"


def theme_report(rows, as_of, before):
    """Counts for the quarterly review theme report from plain rows (dicts with agency, theme,
    status, due, created_on, completed_on, impact, assured, assured_on).

    Each row is counted in one status as of `as_of`, by agency and by theme, with the change in each
    status since `before` (the end of the previous quarter). Actions not yet made by a day are
    not counted on it.
    """

    def count(day):
        agencies, themes, totals = {}, {}, Counter()
        for row in rows:
            if row["created_on"] > day:
                continue
            status = status_of(row, day)
            if status is None:
                continue
            totals[status] += 1
            agencies.setdefault(row["agency"], Counter())[status] += 1
            themes.setdefault(row["theme"], Counter())[status] += 1
        return agencies, themes, totals

    now_agencies, now_themes, now_totals = count(as_of)
    was_agencies, was_themes, was_totals = count(before)

    def table(now, was):
        return [
            {
                "name": name,
                "counts": {key: now.get(name, Counter())[key] for key in STATUSES},
                "total": sum(now.get(name, Counter()).values()),
                "change": {
                    key: now.get(name, Counter())[key] - was.get(name, Counter())[key]
                    for key in STATUSES
                },
            }
            for name in sorted(set(now) | set(was))
        ]

    return {
        "agencies": table(now_agencies, was_agencies),
        "themes": table(now_themes, was_themes),
        "totals": {key: now_totals[key] for key in STATUSES},
        "total": sum(now_totals.values()),
        "change": {key: now_totals[key] - was_totals[key] for key in STATUSES},
    }


def quarter_before(start):
    """The last day of the quarter before the one starting on `start`."""
    return start - timedelta(days=1)


def as_of(end, today):
    """The quarter under way is counted as it stands today."""
    return min(end, today) if isinstance(today, date) else end


def may_dip_sample(status, sampled_at):
    """Only a completed action, not already sampled, is marked for evidence checking."""
    return status == "done" and sampled_at is None
