"""Pure: hide figures small enough to pick a child out.

("fewer than 5"), and those that would give them away.
"""

from collections import Counter

THRESHOLD = 5
HIDDEN = "Fewer than 5"


def too_small(count, threshold=THRESHOLD) -> bool:
    """A group of fewer than `threshold` responses is never broken down."""
    return count < threshold


def cells(counts: dict, threshold=THRESHOLD) -> dict:
    """Each count as shown: the number, or None for "fewer than 5".

    Counts of 1 to threshold-1 are hidden (primary suppression). If exactly one count is hidden, the
    next
    smallest non-zero count is hidden too, so the hidden one cannot be worked out from the total
    (secondary suppression). Zero is shown: it picks out nobody.
    """
    hidden = {key for key, count in counts.items() if 0 < count < threshold}
    if len(hidden) == 1:
        others = sorted(
            (count, str(key), key)
            for key, count in counts.items()
            if count > 0 and key not in hidden
        )
        if others:
            hidden.add(others[0][2])
    return {key: (None if key in hidden else count) for key, count in counts.items()}


def percent(count, total) -> int:
    return round(100 * count / total) if total else 0


def hide(_value) -> str:
    """A step of `coarsen_rows`: the cell is not shown at all."""
    return HIDDEN


def coarsen_rows(rows, steps, threshold=THRESHOLD) -> list:
    """The fewer-than-five rule for rows of an export: every row's identifying cells, as shown,
    are shared by at least `threshold` rows, or are all coarsened away.

    `rows` are lists of identifying cells (setting, date, agency, ...); `steps` are (column,
    coarser) pairs, the first applied first: `coarser(cell)` gives a coarser cell (a month for a
    date) or HIDDEN (`hide`). A row in a group of fewer than `threshold` takes its next step, and
    again, until its group is big enough or it has no steps left.
    """
    shown = [list(row) for row in rows]
    taken = [0] * len(shown)
    while True:
        groups = Counter(tuple(row) for row in shown)
        small = [
            n
            for n, row in enumerate(shown)
            if groups[tuple(row)] < threshold and taken[n] < len(steps)
        ]
        if not small:
            return shown
        for n in small:
            column, coarser = steps[taken[n]]
            shown[n][column] = coarser(shown[n][column])
            taken[n] += 1
