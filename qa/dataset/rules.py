"""The data set's pure rules: periods, RAG against target, direction of travel, position against a
comparator, and when a figure needs a note. No Flask, no database."""

import re
from datetime import date, timedelta

PERIOD = re.compile(r"^(\d{4})-Q([1-4])$")
QUARTER_MONTHS = {1: "January to March", 2: "April to June", 3: "July to September"}
QUARTER_MONTHS[4] = "October to December"
# A quarter's figures are due this many days after it ends.
DAYS_TO_SUPPLY = 30


# Periods: calendar quarters written "2026-Q1" (January to March 2026) -----------------------


def parse_period(text):
    """(year, quarter) for "2026-Q1", or None for anything else."""
    found = PERIOD.match((text or "").strip().upper())
    return (int(found.group(1)), int(found.group(2))) if found else None


def period_code(year, quarter):
    return f"{year}-Q{quarter}"


def period_label(code):
    """'2026-Q1' -> 'January to March 2026'."""
    year, quarter = parse_period(code)
    return f"{QUARTER_MONTHS[quarter]} {year}"


def short_label(code):
    """'2026-Q1' -> 'Q1 2026' (for chart axes and narrow tables)."""
    year, quarter = parse_period(code)
    return f"Q{quarter} {year}"


def shift(code, quarters):
    year, quarter = parse_period(code)
    index = year * 4 + quarter - 1 + quarters
    return period_code(index // 4, index % 4 + 1)


def period_of(day):
    """The quarter a date falls in."""
    return period_code(day.year, (day.month - 1) // 3 + 1)


def period_end(code):
    year, quarter = parse_period(code)
    if quarter == 4:
        return date(year, 12, 31)
    return date(year, quarter * 3 + 1, 1) - timedelta(days=1)


def due_date(code):
    return period_end(code) + timedelta(days=DAYS_TO_SUPPLY)


def last_closed(today):
    """The most recent quarter that has ended: the one agencies are asked for now."""
    return shift(period_of(today), -1)


def recent(code, count):
    """The `count` quarters up to and including `code`, oldest first."""
    return [shift(code, -n) for n in range(count - 1, -1, -1)]


def asked_for(frequency, code):
    """Is an indicator of this frequency asked for in this quarter? Annual: January to March."""
    return frequency != "annual" or parse_period(code)[1] == 1


def previous(frequency, code):
    """The period before `code` for an indicator of this frequency."""
    return shift(code, -4 if frequency == "annual" else -1)


# Judging a figure ------------------------------------------------------------------------------


def rag(value, target, tolerance, polarity):
    """'G', 'A' or 'R' against the target, or None (no figure, no target, or no better direction).

    Green: on target or better. Amber: worse, but by no more than the tolerance. Red: worse by more.
    """
    if value is None or target is None or polarity not in ("higher", "lower"):
        return None
    shortfall = target - value if polarity == "higher" else value - target
    if shortfall <= 0:
        return "G"
    return "A" if shortfall <= (tolerance or 0) else "R"


def position(value, comparator, polarity):
    """Against a comparator: 'better', 'worse', 'same', or 'higher' / 'lower' for an indicator with
    no better direction; None when either figure is missing."""
    if value is None or comparator is None:
        return None
    if value == comparator:
        return "same"
    higher = value > comparator
    if polarity == "higher":
        return "better" if higher else "worse"
    if polarity == "lower":
        return "worse" if higher else "better"
    return "higher" if higher else "lower"


TRAVEL = {
    "better": "improving",
    "worse": "worsening",
    "same": "no change",
    "higher": "up",
    "lower": "down",
    None: None,
}


def direction(value, last, polarity):
    """Compared with the period before: 'improving', 'worsening', 'no change', or for an indicator
    with no better direction 'up' / 'down'; None when either figure is missing."""
    return TRAVEL[position(value, last, polarity)]


def needs_note(value, last, tolerance):
    """A figure that moved by more than the tolerance since the period before must be explained."""
    if value is None or last is None or tolerance is None:
        return False
    return abs(value - last) > tolerance


def shown(value, unit):
    """A figure as people read it: '12', '34.5', '67.0%', '21 days'; a dash when there is none."""
    if value is None:
        return "–"
    if unit == "percent":
        return f"{value:.1f}%"
    if unit == "rate":
        return f"{value:,.1f}"
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    return f"{text} days" if unit == "days" else text


def figure_problem(value, unit):
    """What is wrong with a figure for its unit (words to follow "it"), or None."""
    if value < 0:
        return "cannot be below zero"
    if unit == "count" and not float(value).is_integer():
        return "must be a whole number"
    if unit == "percent" and value > 100:
        return "must be a percentage from 0 to 100"
    return None


def parse_number(text):
    """A figure typed by a person: '1,234', '12.5', '67%'; None when it is not a number."""
    cleaned = (text or "").strip().replace(",", "").rstrip("%").strip()
    if not re.fullmatch(r"-?\d+(\.\d+)?", cleaned):
        return None
    return float(cleaned)


PERIOD_ANYWHERE = re.compile(r"\b\d{4}-Q[1-4]\b")
