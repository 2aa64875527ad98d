"""The pure rules of the register: overdue, due soon, look-back due, quarters and their counts."""

from datetime import date

from qa.actions import rules

TODAY = date(2026, 11, 23)


def row(
    agency="A",
    theme="Training",
    status="open",
    due=date(2026, 12, 1),
    created=date(2026, 10, 5),
    completed=None,
):
    return {
        "agency": agency,
        "theme": theme,
        "status": status,
        "due": due,
        "created_on": created,
        "completed_on": completed,
    }


def test_only_live_actions_past_their_due_date_are_overdue():
    assert rules.is_overdue("open", date(2026, 11, 22), TODAY)
    assert not rules.is_overdue("done", date(2026, 11, 22), TODAY)
    assert not rules.is_overdue("in_progress", TODAY, TODAY)


def test_due_soon_is_the_next_four_weeks():
    assert rules.is_due_soon("open", date(2026, 12, 21), TODAY)
    assert not rules.is_due_soon("open", date(2026, 12, 22), TODAY)


def test_look_back_comes_a_year_after_completion_until_reviewed():
    assert rules.look_back_due("done", date(2025, 11, 23), None, TODAY)
    assert not rules.look_back_due("done", date(2025, 11, 24), None, TODAY)
    assert not rules.look_back_due("done", date(2025, 1, 1), "reviewed", TODAY)
    assert not rules.look_back_due("cancelled", date(2025, 1, 1), None, TODAY)


def test_quarter_of_a_day():
    assert rules.quarter_of(TODAY) == (date(2026, 10, 1), date(2026, 12, 31))
    assert rules.quarter_of(date(2026, 2, 28)) == (date(2026, 1, 1), date(2026, 3, 31))


def test_quarterly_counts_opened_closed_and_overdue():
    start, end = date(2026, 10, 1), date(2026, 12, 31)
    rows = [
        row(),
        row(agency="B", status="done", created=date(2026, 5, 1), completed=date(2026, 11, 1)),
        row(agency="B", theme="Supervision", due=date(2026, 11, 1), created=date(2026, 6, 1)),
        row(
            status="done",
            created=date(2026, 1, 1),
            due=date(2026, 2, 1),
            completed=date(2026, 3, 1),
        ),
    ]
    counts = rules.quarterly_counts(rows, start, end, TODAY)
    assert counts["totals"] == {"opened": 1, "closed": 1, "overdue": 1}
    assert {r["name"]: r["overdue"] for r in counts["agencies"]} == {"A": 0, "B": 1}


def test_bars_are_a_share_of_the_largest():
    assert (
        rules.bar_percent(5, 10) == 50
        and rules.bar_percent(0, 10) == 0
        and rules.bar_percent(1, 1000) == 1
    )
