"""The work plan's pure rules: the quarters of an April-to-March year, overdue items, and the
progress a linked record gives in words."""

from datetime import date
from types import SimpleNamespace

from qa.workplan import rules

APRIL = date(2026, 4, 1)


def test_the_quarters_of_a_reporting_year_run_april_to_march():
    assert rules.quarter_bounds(APRIL, 1) == (date(2026, 4, 1), date(2026, 6, 30))
    assert rules.quarter_bounds(APRIL, 3) == (date(2026, 10, 1), date(2026, 12, 31))
    assert rules.quarter_bounds(APRIL, 4) == (date(2027, 1, 1), date(2027, 3, 31))
    assert rules.quarter_label(APRIL, 4) == "Q4 (January to March 2027)"


def test_the_quarter_a_day_falls_in():
    assert rules.quarter_on(APRIL, date(2026, 4, 1)) == 1
    assert rules.quarter_on(APRIL, date(2026, 12, 31)) == 3
    assert rules.quarter_on(APRIL, date(2027, 2, 14)) == 4
    assert rules.quarter_on(APRIL, date(2027, 4, 1)) is None


def test_an_item_is_overdue_once_its_quarter_has_ended_and_it_is_not_done():
    assert not rules.is_overdue("on_track", 1, APRIL, date(2026, 6, 30))
    assert rules.is_overdue("on_track", 1, APRIL, date(2026, 7, 1))
    assert rules.is_overdue("not_started", 2, APRIL, date(2026, 12, 1))
    assert not rules.is_overdue("done", 1, APRIL, date(2027, 3, 1))


def test_progress_is_put_in_words_from_the_linked_records_figures():
    words = rules.progress_words
    assert words("section11", {"submitted": 22, "agencies": 30}) == "22 of 30 returns sent in"
    stage = {"stage": "Auditors' meeting"}
    assert words("case_audit", stage) == "Audit at stage: Auditors' meeting"
    assert words("survey", {"responses": 1, "state": "open"}) == "1 response, survey open"
    assert words("review", {"done": 2, "actions": 5}) == "2 of 5 actions done"
    assert words("indicator", {"latest": "July to September 2026"}) == (
        "Latest figure: July to September 2026"
    )
    assert words("indicator", {"latest": ""}) == "No figures yet"
    theme = {"stage": "Gathering evidence", "evidence": 1, "findings": 2}
    assert words("scrutiny", theme) == (
        "Theme at stage: Gathering evidence; 1 piece of evidence, 2 findings"
    )
    assert words("survey", None) == ""


def test_status_counts_include_the_overdue():
    items = [
        SimpleNamespace(status="done", overdue=False),
        SimpleNamespace(status="at_risk", overdue=True),
        SimpleNamespace(status="at_risk", overdue=False),
    ]
    counts = rules.status_counts(items)
    assert (counts["done"], counts["at_risk"], counts["not_started"], counts["overdue"]) == (
        1,
        2,
        0,
        1,
    )
