"""Pure: hide figures small enough to pick a child out.

("fewer than 5"), and those that would give them away.
"""

THRESHOLD = 5


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
