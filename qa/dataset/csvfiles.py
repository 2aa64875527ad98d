"""The data set's CSV files, read and checked whole: every bad row is reported with its line
number, and nothing is kept unless every row is good.

Figures: indicator,period,locality,value,note,reason
Comparators: indicator,period,area,value,source,published
"""

import csv
import io
from datetime import date

from qa.dataset import entry, rules

FIGURE_COLUMNS = ("indicator", "period", "locality", "value", "note", "reason")
COMPARATOR_COLUMNS = ("indicator", "period", "area", "value", "source", "published")
AREA_NAMES = {"england": "england", "region": "region", "neighbours": "neighbours"}
AREA_NAMES["statistical neighbours"] = "neighbours"
MAX_ROWS = 20000


def _rows(data, columns):
    """(header problem or None, [(line number, {column: text})])."""
    return read_rows(data, columns)


def read_rows(data, columns, optional=(), encodings=("utf-8-sig",)):
    """(problem with the whole file or None, [(line number, {column: text})]): the CSV in `data`
    read whole, for the columns named (in lower case) in `columns`, which must all be in its
    header, and those in `optional`, which may be; its header is matched whatever the case, and
    other columns are ignored. Blank rows are skipped. The text is read in the first of
    `encodings` that fits (a register's export is often Windows-1252, not UTF-8)."""
    for encoding in encodings:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        return "The file must be a CSV saved as UTF-8 text", []
    reader = csv.DictReader(io.StringIO(text))
    header = [(name or "").strip().lower() for name in reader.fieldnames or []]
    missing = [c for c in columns if c not in header]
    if missing:
        return f"Line 1: the header must name the columns {', '.join(columns)}", []
    reader.fieldnames = header
    wanted = [*columns, *(c for c in optional if c in header)]
    rows = []
    for row in reader:
        if reader.line_num > MAX_ROWS:
            return f"The file has more than {MAX_ROWS:,} rows: split it", []
        cleaned = {c: (row.get(c) or "").strip() for c in wanted}
        if any(cleaned.values()):
            rows.append((reader.line_num, cleaned))
    if not rows:
        return "The file has no rows below its header", []
    return None, rows


def _common(row, indicators):
    """(indicator, period, value, problems) for the columns both files share."""
    problems = []
    ind = indicators.get(row["indicator"].lower())
    if ind is None:
        problems.append(f"there is no indicator with the code \u201c{row['indicator']}\u201d")
    period = row["period"].upper()
    if rules.parse_period(period) is None:
        problems.append(f"the period \u201c{row['period']}\u201d must be written like 2026-Q1")
    value = rules.parse_number(row["value"])
    if value is None:
        problems.append(f"the value \u201c{row['value']}\u201d is not a number")
    return ind, period, value, problems


def read_figures(data, indicators, localities, existing):
    """(errors, writes). `indicators` by code, `localities` by lower-case name, `existing` as
    queries.figures_of gives; a row changing a figure already entered needs a reason."""
    problem, rows = _rows(data, FIGURE_COLUMNS)
    if problem:
        return [problem], []
    errors, writes, seen = [], [], set()
    for line, row in rows:
        ind, period, value, problems = _common(row, indicators)
        place = None
        if row["locality"]:
            place = localities.get(row["locality"].lower())
            if place is None:
                problems.append(f"there is no locality called \u201c{row['locality']}\u201d")
            elif ind is not None and not ind.by_locality:
                problems.append(f"{ind.name} is not broken down by locality")
        wrong = rules.figure_problem(value, ind.unit) if ind and value is not None else None
        if wrong:
            problems.append(f"the value {wrong}")
        key = (ind.id if ind else None, period, place.id if place else None)
        if not problems and key in seen:
            problems.append("the same indicator, period and locality is on an earlier line")
        seen.add(key)
        figure = existing.get(key)
        if not problems and figure and figure.value != value and not row["reason"]:
            problems.append(
                f"it changes the figure already entered ({figure.value:g}): give a reason"
            )
        if problems:
            errors.append(f"Line {line}: {'; '.join(problems)}")
            continue
        note = row["note"] or (figure.note if figure else "")
        writes.append(entry.write(figure, ind, period, place, value, note, row["reason"]))
    return errors, ([] if errors else writes)


def read_comparators(data, indicators):
    """(errors, rows of Comparator fields)."""
    problem, rows = _rows(data, COMPARATOR_COLUMNS)
    if problem:
        return [problem], []
    errors, found, seen = [], [], set()
    for line, row in rows:
        ind, period, value, problems = _common(row, indicators)
        area = AREA_NAMES.get(row["area"].lower())
        if area is None:
            problems.append("the area must be England, region or statistical neighbours")
        if not row["source"]:
            problems.append("say where the figure comes from (the source)")
        published = None
        if row["published"]:
            try:
                published = date.fromisoformat(row["published"])
            except ValueError:
                problems.append("the publication date must be written like 2026-11-30")
        key = (ind.id if ind else None, period, area)
        if not problems and key in seen:
            problems.append("the same indicator, period and area is on an earlier line")
        seen.add(key)
        if problems:
            errors.append(f"Line {line}: {'; '.join(problems)}")
            continue
        found.append(
            {
                "indicator": ind.id,
                "period": period,
                "area": area,
                "value": value,
                "source": row["source"][:255],
                "published": published,
            }
        )
    return errors, ([] if errors else found)
