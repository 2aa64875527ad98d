"""Which agencies to challenge this cycle.

Plain facts in, a spread-out, explained shortlist out. No Flask, no database.
"""

from dataclasses import dataclass, field

DEFAULT_SIZE = 5
NEVER_WEIGHT = 6  # never challenged counts as much as three red ratings
YEARS_CAP = 4


@dataclass(frozen=True)
class Candidate:
    agency_id: int
    name: str
    sector: str
    red: int = 0
    amber: int = 0
    challenged: int = 0  # ratings the sub-group marked "challenged" when scrutinising the return
    years_since: int | None = None  # years since its last challenge event; None = never challenged
    submitted: bool = True  # has it submitted this cycle's return?
    chosen: bool = False  # already has a live event this cycle


@dataclass(frozen=True)
class Suggestion:
    candidate: Candidate
    reasons: tuple = field(default_factory=tuple)

    @property
    def text(self):
        return sentence(self.reasons)


def sentence(parts) -> str:
    """Reasons joined into one line that starts with a capital (and leaves "Health" and "QA"
    alone)."""
    text = "; ".join(parts)
    return text[:1].upper() + text[1:]


def recency(candidate: Candidate) -> float:
    """Never challenged weighs most; otherwise the longer ago, the more (up to YEARS_CAP years)."""
    if candidate.years_since is None:
        return NEVER_WEIGHT
    return 1.5 * min(candidate.years_since, YEARS_CAP)


def priority(candidate: Candidate) -> float:
    return 2 * candidate.red + candidate.amber + 2 * candidate.challenged + recency(candidate)


def _order(candidate: Candidate):
    never_first = candidate.years_since if candidate.years_since is not None else 10_000
    return (-priority(candidate), -never_first, candidate.name)


def shortlist(candidates, size: int = DEFAULT_SIZE) -> list[Suggestion]:
    """Up to `size` agencies, counting those already chosen, one per sector before any sector gets a
    second.

    Within that spread the highest priority comes first: red and amber self-ratings, ratings the
    sub-group challenged, and how long since the agency was last challenged (never = highest).
    """
    candidates = list(candidates)
    chosen = [c for c in candidates if c.chosen]
    covered = {c.sector for c in chosen}
    open_ = sorted((c for c in candidates if not c.chosen), key=_order)
    picked = []
    while open_ and len(chosen) + len(picked) < size:
        fresh = [c for c in open_ if c.sector not in covered]
        best = (fresh or open_)[0]
        picked.append(
            Suggestion(best, tuple(reasons(best, first_in_sector=best.sector not in covered)))
        )
        covered.add(best.sector)
        open_.remove(best)
    return picked


def reasons(candidate: Candidate, first_in_sector: bool = False) -> list[str]:
    """Why this agency might be chosen, in plain words."""
    found = []
    ratings = [_count(candidate.red, "red"), _count(candidate.amber, "amber")]
    ratings = [text for text in ratings if text]
    if ratings:
        found.append(
            " and ".join(ratings)
            + " self-"
            + ("rating" if candidate.red + candidate.amber == 1 else "ratings")
        )
    if candidate.challenged:
        found.append(f"{_count(candidate.challenged, 'rating')} challenged by the sub-group")
    if candidate.years_since is None:
        found.append("never challenged")
    else:
        found.append(f"last challenged {_years(candidate.years_since)}")
    if not candidate.submitted:
        found.append("return not submitted yet")
    if first_in_sector:
        found.append(f"brings {candidate.sector} to the shortlist")
    return found


def _count(n, word):
    if not n:
        return ""
    return f"{n} {word}" + ("" if n == 1 or word in ("red", "amber") else "s")


def _years(n):
    if n <= 0:
        return "this year"
    return "last year" if n == 1 else f"{n} years ago"


def years_label(years_since: int | None) -> str:
    return "Never" if years_since is None else _years(years_since).capitalize()
