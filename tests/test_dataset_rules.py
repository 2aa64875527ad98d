"""The data set's pure rules: periods, RAG, direction of travel, position, notes, CSV checks."""

from datetime import date
from types import SimpleNamespace

import pytest

from qa.dataset import charts, csvfiles, rules
from qa.dataset.starter import STARTER, starter_rows


@pytest.mark.parametrize(
    ("value", "target", "tolerance", "polarity", "expected"),
    [
        (30, 25, 2, "higher", "G"),  # better than target
        (25, 25, 2, "higher", "G"),  # equal to target is on target
        (23, 25, 2, "higher", "A"),  # worse by exactly the tolerance: amber
        (22.9, 25, 2, "higher", "R"),  # worse by more: red
        (20, 25, 2, "lower", "G"),
        (25, 25, 2, "lower", "G"),
        (27, 25, 2, "lower", "A"),
        (27.1, 25, 2, "lower", "R"),
        (26, 25, None, "lower", "R"),  # no tolerance: any shortfall is red
        (25, 25, None, "lower", "G"),
        (25, None, 2, "higher", None),  # no target: not rated
        (None, 25, 2, "higher", None),  # no figure
        (99, 25, 2, "neither", None),  # no better direction: shown for context
        (0, 0, 0, "lower", "G"),
    ],
)
def test_rag_against_target_and_tolerance_by_polarity(value, target, tolerance, polarity, expected):
    assert rules.rag(value, target, tolerance, polarity) == expected


@pytest.mark.parametrize(
    ("value", "last", "polarity", "expected"),
    [
        (10, 8, "higher", "improving"),
        (8, 10, "higher", "worsening"),
        (10, 8, "lower", "worsening"),
        (8, 10, "lower", "improving"),
        (10, 10, "higher", "no change"),
        (10, 10, "neither", "no change"),
        (10, 8, "neither", "up"),
        (8, 10, "neither", "down"),
        (10, None, "higher", None),  # the period before is missing
        (None, 10, "lower", None),
    ],
)
def test_direction_of_travel_by_polarity(value, last, polarity, expected):
    assert rules.direction(value, last, polarity) == expected


@pytest.mark.parametrize(
    ("value", "comparator", "polarity", "expected"),
    [
        (30, 25, "higher", "better"),
        (20, 25, "higher", "worse"),
        (30, 25, "lower", "worse"),
        (20, 25, "lower", "better"),
        (25, 25, "lower", "same"),
        (30, 25, "neither", "higher"),
        (20, 25, "neither", "lower"),
        (20, None, "lower", None),
        (None, 25, "lower", None),
    ],
)
def test_position_against_a_comparator(value, comparator, polarity, expected):
    assert rules.position(value, comparator, polarity) == expected


def test_a_note_is_needed_only_when_a_figure_moves_past_its_tolerance():
    assert rules.needs_note(30, 25, 4)
    assert rules.needs_note(20, 25, 4)
    assert not rules.needs_note(29, 25, 4)  # exactly the tolerance is allowed
    assert not rules.needs_note(30, None, 4)  # nothing to compare with
    assert not rules.needs_note(30, 25, None)  # no tolerance set


def test_periods_are_calendar_quarters():
    assert rules.period_label("2026-Q1") == "January to March 2026"
    assert rules.shift("2026-Q1", -1) == "2025-Q4"
    assert rules.shift("2025-Q4", 1) == "2026-Q1"
    assert rules.recent("2026-Q2", 3) == ["2025-Q4", "2026-Q1", "2026-Q2"]
    assert rules.last_closed(date(2026, 5, 10)) == "2026-Q1"
    assert rules.last_closed(date(2026, 1, 1)) == "2025-Q4"
    assert rules.period_end("2026-Q1") == date(2026, 3, 31)
    assert rules.period_end("2026-Q4") == date(2026, 12, 31)
    assert rules.due_date("2026-Q1") == date(2026, 4, 30)
    assert rules.parse_period("2026-q5") is None and rules.parse_period("26-Q1") is None


def test_annual_indicators_are_asked_for_once_a_year_and_compared_a_year_back():
    assert rules.asked_for("annual", "2026-Q1") and not rules.asked_for("annual", "2026-Q2")
    assert rules.previous("annual", "2026-Q1") == "2025-Q1"
    assert rules.previous("quarterly", "2026-Q1") == "2025-Q4"


def test_figures_read_as_people_write_them():
    assert rules.shown(1234, "count") == "1,234"
    assert rules.shown(12.345, "rate") == "12.3"
    assert rules.shown(67, "percent") == "67.0%"
    assert rules.shown(21, "days") == "21 days"
    assert rules.shown(None, "count") == "–"
    assert rules.parse_number("1,234") == 1234.0
    assert rules.parse_number("67%") == 67.0
    assert rules.parse_number("twelve") is None and rules.parse_number("") is None


def test_the_starter_set_is_complete_and_its_codes_unique():
    rows = starter_rows()
    assert len(rows) == len(STARTER) >= 14
    assert len({r["code"] for r in rows}) == len(rows)
    for row in rows:
        assert row["unit"] in ("count", "rate", "percent", "days")
        assert row["polarity"] in ("higher", "lower", "neither")
        assert row["definition"].endswith(".")


def test_a_trend_chart_is_an_image_with_its_figures_as_its_text():
    svg = charts.trend_svg([("2026-Q1", 1), ("2026-Q2", 3)], 2, "Referrals: Q1 2026 1, Q2 2026 3")
    assert 'role="img"' in svg and "<title>Referrals: Q1 2026 1, Q2 2026 3</title>" in svg
    assert "stroke-dasharray" in svg  # the target line
    assert charts.trend_svg([("2026-Q1", 1)]) == ""  # one figure is no trend
    assert charts.data_uri(svg).startswith("data:image/svg+xml;base64,")


IND = SimpleNamespace(id=1, name="Re-referrals", by_locality=False, unit="percent")
MAPPED = SimpleNamespace(id=2, name="Missing episodes", by_locality=True, unit="count")
NORTH = SimpleNamespace(id=7, name="North")


def test_a_figures_csv_with_bad_rows_reports_each_by_line_and_keeps_nothing():
    data = (
        "indicator,period,locality,value,note,reason\n"
        "re-referrals,2026-Q1,,21.5,,\n"
        "nonsense,2026-Q1,,3,,\n"
        "re-referrals,2026-Q9,,x,,\n"
        "re-referrals,2026-Q2,North,4,,\n"
        "missing-episodes,2026-Q1,North,4,,\n"
        "missing-episodes,2026-Q1,North,5,,\n"
    ).encode()
    errors, writes = csvfiles.read_figures(
        data, {"re-referrals": IND, "missing-episodes": MAPPED}, {"north": NORTH}, {}
    )
    assert writes == []
    assert errors == [
        "Line 3: there is no indicator with the code \u201cnonsense\u201d",
        "Line 4: the period \u201c2026-Q9\u201d must be written like 2026-Q1; "
        "the value \u201cx\u201d is not a number",
        "Line 5: Re-referrals is not broken down by locality",
        "Line 7: the same indicator, period and locality is on an earlier line",
    ]


def test_a_csv_row_changing_an_entered_figure_needs_a_reason():
    existing = {(1, "2026-Q1", None): SimpleNamespace(value=20.0, note="")}
    data = b"indicator,period,locality,value,note,reason\nre-referrals,2026-Q1,,21,,\n"
    errors, _ = csvfiles.read_figures(data, {"re-referrals": IND}, {}, existing)
    assert errors == ["Line 2: it changes the figure already entered (20): give a reason"]
    data = b"indicator,period,locality,value,note,reason\nre-referrals,2026-Q1,,21,,Recounted\n"
    errors, writes = csvfiles.read_figures(data, {"re-referrals": IND}, {}, existing)
    assert errors == [] and writes[0]["reason"] == "Recounted"


def test_a_csv_without_the_columns_is_refused_at_line_one():
    errors, _ = csvfiles.read_figures(b"code,value\nx,1\n", {}, {}, {})
    assert errors == [
        "Line 1: the header must name the columns indicator, period, locality, value, note, reason"
    ]


def test_comparators_csv_checks_area_source_and_date():
    data = (
        "indicator,period,area,value,source,published\n"
        "re-referrals,2025-Q4,England,22.4,CIN statistics,2026-10-30\n"
        "re-referrals,2025-Q4,Statistical neighbours,19,CIN statistics,\n"
        "re-referrals,2025-Q4,Mars,1,,30/10/2026\n"
    ).encode()
    errors, rows = csvfiles.read_comparators(data, {"re-referrals": IND})
    assert rows == []
    assert errors == [
        "Line 4: the area must be England, region or statistical neighbours; say where the "
        "figure comes from (the source); the publication date must be written like 2026-11-30"
    ]
    errors, rows = csvfiles.read_comparators(
        data.rsplit(b"\n", 2)[0] + b"\n", {"re-referrals": IND}
    )
    assert errors == [] and [r["area"] for r in rows] == ["england", "neighbours"]
    assert rows[0]["published"] == date(2026, 10, 30)


def test_a_figure_must_fit_its_unit():
    assert rules.figure_problem(-1, "rate") == "cannot be below zero"
    assert rules.figure_problem(12.5, "count") == "must be a whole number"
    assert rules.figure_problem(100.5, "percent") == "must be a percentage from 0 to 100"
    assert rules.figure_problem(12.5, "rate") is None and rules.figure_problem(0, "count") is None
    unit = SimpleNamespace(id=3, name="Private fostering", by_locality=False, unit="count")
    data = b"indicator,period,locality,value,note,reason\npf,2026-Q1,,2.5,,\n"
    errors, _ = csvfiles.read_figures(data, {"pf": unit}, {}, {})
    assert errors == ["Line 2: the value must be a whole number"]
