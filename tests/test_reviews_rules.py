"""Pure rules of the review theme report: one status for each action as it stood on a day."""

from datetime import date

from qa.reviews import rules

DAY = date(2026, 6, 30)


def row(**changes):
    base = {
        "agency": "A",
        "theme": "Neglect",
        "status": "open",
        "due": date(2026, 9, 1),
        "created_on": date(2026, 1, 1),
        "completed_on": None,
        "impact": False,
        "assured": False,
        "assured_on": None,
    }
    return base | changes


def test_each_action_takes_the_furthest_status_it_had_reached_on_the_day():
    assert rules.status_of(row(), DAY) == "open"
    assert rules.status_of(row(due=date(2026, 6, 29)), DAY) == "overdue"
    assert rules.status_of(row(status="done", completed_on=DAY), DAY) == "complete"
    done_later = row(status="done", completed_on=date(2026, 7, 1), due=date(2026, 6, 1))
    assert rules.status_of(done_later, DAY) == "overdue"
    with_impact = row(status="done", completed_on=DAY, impact=True)
    assert rules.status_of(with_impact, DAY) == "impact"
    assured_later = with_impact | {"assured": True, "assured_on": date(2026, 7, 2)}
    assert rules.status_of(assured_later, DAY) == "impact"
    assert rules.status_of(assured_later, date(2026, 7, 2)) == "assured"
    assert rules.status_of(row(status="cancelled"), DAY) is None


def test_the_change_is_against_the_quarter_before_and_new_actions_count_from_their_day():
    rows = [
        row(created_on=date(2026, 5, 1)),
        row(created_on=date(2026, 1, 1), due=date(2026, 4, 1)),
        row(created_on=date(2026, 7, 1), agency="B"),  # made after the day: not counted
    ]
    counts = rules.theme_report(rows, DAY, date(2026, 3, 31))
    assert counts["totals"] == {"open": 1, "overdue": 1, "complete": 0, "impact": 0, "assured": 0}
    assert counts["change"] == {"open": 0, "overdue": 1, "complete": 0, "impact": 0, "assured": 0}
    assert [a["name"] for a in counts["agencies"]] == ["A"]


def test_https_links_only():
    assert rules.is_https("https://example.org/review")
    for url in ("http://example.org", "https://", "https://exa mple.org", "ftp://x", ""):
        assert not rules.is_https(url)
