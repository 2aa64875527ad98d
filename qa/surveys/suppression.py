"""Pure: hide figures small enough to pick a child out.

("fewer than 5"), and those that would give them away.
"""

from collections import Counter, defaultdict
from itertools import combinations, product

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


def hide_alongside(rows, columns, threshold=THRESHOLD) -> list:
    """Complementary hiding for rows of an export: in each of `columns`, HIDDEN in 0 or at least
    `threshold` rows, never 1 to threshold-1 (else the few hidden cells are what the shown ones
    are not). Short, the column is hidden in the rows of the smallest group shown as well."""
    rows = [list(row) for row in rows]
    for column in columns:
        while 0 < sum(row[column] == HIDDEN for row in rows) < threshold:
            groups = Counter(tuple(row) for row in rows if row[column] != HIDDEN)
            if not groups:
                break
            smallest = min(groups, key=lambda g: (groups[g], repr(g)))
            for row in rows:
                if tuple(row) == smallest:
                    row[column] = HIDDEN
    return rows


# Complementary suppression across every view of a set of counts: Results filtered any way, the
# tables by setting, agency, sector and role, the board's PDF. Each view is a "group": one node
# (or ALL, None) per dimension. Hiding a figure on one view is no use if another view's figures,
# subtracted, give it back, so the hidden groups are worked out once, over every group at once.


def lineage(tree: dict, node) -> list:
    """`node`, its parent, … up to None (all): `tree` maps a node to its parent (None at the
    top)."""
    chain = []
    while node is not None:
        chain.append(node)
        node = tree.get(node)
    return [*chain, None]


class Protected:
    """The counts of every group, as they may be shown: `count(group)` is the number, or None when
    hidden. A group is a tuple with one node (or None, all) per dimension."""

    def __init__(self, totals: dict, hidden: set):
        self.totals, self.hidden = totals, hidden

    def count(self, group):
        group = tuple(group)
        return None if group in self.hidden else self.totals.get(group, 0)


def protect(counts: dict, trees: list, threshold=THRESHOLD, hidden=()) -> Protected:
    """Which groups of `counts` to hide so that no count under `threshold` is shown or can be
    worked out by subtracting figures that are shown.

    `counts` maps an atom (one leaf per dimension: setting, age band, answer, …) to how many;
    `trees` gives each dimension's parents (an agency's sector; {} for a flat one); `hidden` are
    groups to hide whatever their count (hidden in another table of the same responses).

    A group is hidden when (primary) it counts 1 to threshold-1; when a shown group it is inside is
    bigger by 1 to threshold-1 (all ages minus a band); when it is the last shown part of a hidden
    group (else adding the parts up gives it back); when a group minus the shown groups it splits
    into leaves 1 to threshold-1, or one hidden part alone (then its smallest shown part goes too:
    secondary suppression); or when adding and taking away the groups around it (a setting, an
    age band, both, neither) leaves 1 to threshold-1. Zero is shown (it picks out nobody)
    unless a figure beside it is hidden.
    """
    lines = [{} for _ in trees]  # each dimension's node → its lineage
    totals = Counter()
    for atom, n in counts.items():
        chains = []
        for d, leaf in enumerate(atom):
            if leaf not in lines[d]:
                lines[d][leaf] = lineage(trees[d], leaf)
            chains.append(lines[d][leaf])
        for group in product(*chains):
            totals[group] += n
    for d, tree in enumerate(lines):
        tree.update({node: lineage(trees[d], node) for node in list(trees[d].values()) + [None]})
    parts = defaultdict(list)  # (group, dimension) → the groups it splits into along it
    for group in totals:
        for d, node in enumerate(group):
            if node is not None:
                parts[(_raised(group, d, trees[d].get(node)), d)].append(group)
    forced = {tuple(group) for group in hidden}
    concealed = {g for g, n in totals.items() if 0 < n < threshold or g in forced}
    within = defaultdict(list)  # group → the splits it is a part of
    for key, split in parts.items():
        for group in split:
            within[group].append(key)
    width = len(trees)

    def choose(group):
        """Hide first the part whose going takes the fewest others with it (one that is all of a
        group it is inside, an agency's only role, takes that group too), then the most narrowly
        drawn (an agency's role before the agency), then the smallest."""
        alone = sum(
            1
            for key in within[group]
            if totals[key[0]] == totals[group] and key[0] not in concealed
        )
        return (alone, -sum(node is not None for node in group), totals[group], repr(group))

    def depth(key):
        return sum(node is not None for node in key[0])

    def hide(group):
        """Hide a group; the splits and groups to look at again."""
        concealed.add(group)
        return (
            within[group] + [(group, d) for d in range(width) if (group, d) in parts],
            [g for d in range(width) for g in parts.get((group, d), ())],
        )

    splits, groups = list(parts), list(totals)
    while splits or groups:
        # work through what each newly hidden group touches, the widest groups first (hiding a
        # whole may spare hiding a part), until nothing more changes; then look for figures that
        # add and take away to a small group
        while splits or groups:
            again, recheck = [], []
            for group in groups:
                if group not in concealed and _nested(group, lines, totals, concealed, threshold):
                    more_splits, more_groups = hide(group)
                    again += more_splits
                    recheck += more_groups
            for key in sorted(set(splits), key=depth):
                whole, split = key[0], parts[key]
                if whole in concealed:
                    more = _one_part(split, totals, concealed)
                else:
                    more = _complement(whole, split, totals, concealed, threshold, choose)
                if more is not None and more not in concealed:
                    more_splits, more_groups = hide(more)
                    again += more_splits
                    recheck += more_groups
            splits, groups = again, recheck
        for group in totals:
            corners = (
                () if group in concealed else _left_over(group, lines, totals, concealed, threshold)
            )
            if corners:
                more_splits, more_groups = hide(min(corners, key=choose))
                splits += more_splits
                groups += more_groups
    # A zero beside a hidden figure is hidden too: known zeros narrow down what the hidden ones
    # could be, until sums and differences pin them down.
    for group, count in totals.items():
        if not count and any(
            g in concealed and totals[g] for key in within[group] for g in parts[key]
        ):
            concealed.add(group)
    return Protected(dict(totals), concealed)


def _complement(whole, split, totals, concealed, threshold, choose):
    """The part to hide next so the hidden parts of a shown whole cannot be worked out (the whole
    itself when no part is left), or None when they cannot be already.

    The hidden parts of a shown whole add up to the whole minus the shown ones: that sum must be
    at least `threshold`, and be shared by two parts or more.
    """
    hidden = [g for g in split if g in concealed and totals[g]]  # a zero may be known elsewhere
    if not hidden:
        return None
    total = sum(totals[g] for g in hidden)
    if total == 0 or (total >= threshold and len(hidden) > 1):
        return None  # nothing hidden there but zeros, or a sum shared by two parts or more
    shown = [g for g in split if g not in concealed and totals[g]]  # a zero hides nothing
    if not shown:
        return whole
    return min(shown, key=choose)


def _raised(group, d, node):
    return (*group[:d], node, *group[d + 1 :])


def _nested(group, lines, totals, concealed, threshold):
    """Whether a shown group inside this one is bigger by 1 to threshold-1: all ages minus a band,
    a sector minus an agency, all answers minus one."""
    count = totals[group]
    for whole in product(*(line[node] for line, node in zip(lines, group, strict=True))):
        if whole != group and whole not in concealed and 0 < totals[whole] - count < threshold:
            return True
    return False


def _one_part(split, totals, concealed):
    """A hidden whole cannot be added up from its parts: one of them (not a zero) is hidden too."""
    parts = [g for g in split if totals[g]]
    if not parts or any(g in concealed for g in parts):
        return None
    return min(parts, key=lambda g: (totals[g], repr(g)))


def _left_over(group, lines, totals, concealed, threshold):
    """Inclusion–exclusion: for two or more of the group's dimensions, each raised to an ancestor,
    the shown groups around it (its corners) add and take away to those in the raised group
    outside it on every one of those dimensions. The corners when that is 1 to threshold-1 (one
    of them must go), else ()."""
    narrowed = [d for d, node in enumerate(group) if node is not None]
    if not totals.get(group):
        return ()
    for size in range(2, len(narrowed) + 1):
        for dims in combinations(narrowed, size):
            for tops in product(*(lines[d][group[d]][1:] for d in dims)):
                total, corners = 0, []
                for chosen in product((False, True), repeat=size):
                    corner = list(group)
                    raised = 0
                    for d, top, up in zip(dims, tops, chosen, strict=True):
                        if up:
                            corner[d] = top
                            raised += 1
                    corner = tuple(corner)
                    if corner in concealed:
                        break
                    corners.append(corner)
                    count = totals.get(corner, 0)
                    total += -count if (size - raised) % 2 else count
                else:
                    if 0 < total < threshold:
                        return corners
    return ()
