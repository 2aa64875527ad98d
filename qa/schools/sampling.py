"""Choosing settings for verification visits (pure): a stratified random sample, optionally
weighted, explained setting by setting and reproducible from its seed.

The sample is shared out across the strata (each combination of, say, phase and locality) in
proportion to their sizes (largest remainders first, ties by the stratum's name), then drawn within
each stratum by weighted sampling without replacement (Efraimidis and Spirakis: each setting's key
is u^(1/weight) for a uniform u from the seeded generator; the largest keys are chosen). The same
settings, strata, size, weights and seed always give the same choice.
"""

import random
from dataclasses import dataclass

STRATA = {"phase": "phase", "locality": "locality"}
WEIGHTS = {
    "rag": "towards settings that rated themselves red or amber",
    "no_return": "towards settings with no return",
}
RED_WEIGHT, AMBER_WEIGHT, NO_RETURN_WEIGHT = 2, 1, 3


@dataclass(frozen=True)
class Candidate:
    id: int
    name: str
    phase: str
    locality: str
    returned: bool = False
    reds: int = 0
    ambers: int = 0


@dataclass(frozen=True)
class Choice:
    id: int
    name: str
    stratum: str
    reason: str


def stratum_of(candidate: Candidate, strata) -> str:
    """The stratum's name: its values of each stratifying attribute, e.g. "Primary, North"."""
    return ", ".join(getattr(candidate, key) or f"No {STRATA[key]}" for key in strata) or "All"


def weight(candidate: Candidate, weights) -> tuple[int, list[str]]:
    """The candidate's weight and why (empty when it is the plain 1)."""
    value, why = 1, []
    if "rag" in weights and (candidate.reds or candidate.ambers):
        value += RED_WEIGHT * candidate.reds + AMBER_WEIGHT * candidate.ambers
        why.append(f"{_count(candidate.reds, 'red')} and {_count(candidate.ambers, 'amber')}")
    if "no_return" in weights and not candidate.returned:
        value *= NO_RETURN_WEIGHT
        why.append("no return")
    return value, why


def shares(sizes: dict[str, int], size: int) -> dict[str, int]:
    """How many to draw from each stratum: in proportion to its size, the remainder to the
    largest fractions (ties by name), never more than it holds."""
    total = sum(sizes.values())
    size = min(size, total)
    if not total:
        return {}
    exact = {name: size * n / total for name, n in sizes.items()}
    given = {name: int(value) for name, value in exact.items()}
    left = size - sum(given.values())
    for name in sorted(exact, key=lambda name: (given[name] - exact[name], name))[:left]:
        given[name] += 1
    return given


def sample(settings, strata=("phase", "locality"), size=6, weights=(), seed=0) -> list[Choice]:
    """The settings chosen, each with its stratum and the reason in words."""
    rng = random.Random(seed)
    groups = {}
    for candidate in sorted(settings, key=lambda c: c.id):
        groups.setdefault(stratum_of(candidate, strata), []).append(candidate)
    chosen = []
    for name, take in sorted(shares({k: len(v) for k, v in groups.items()}, size).items()):
        members = groups[name]
        keyed = []
        for candidate in members:
            value, why = weight(candidate, weights)
            keyed.append((rng.random() ** (1 / value), candidate, value, why))
        for _key, candidate, value, why in sorted(keyed, key=lambda k: -k[0])[:take]:
            chosen.append(
                Choice(candidate.id, candidate.name, name, _reason(name, take, members, value, why))
            )
    return chosen


def _reason(stratum, take, members, value, why):
    if len(members) == 1:
        said = f"The only setting in {stratum}"
    else:
        said = f"Chosen at random: {take} of the {len(members)} settings in {stratum}"
    if why:
        said += f", weighted {value} times for {' and '.join(why)}"
    return said + "."


def _count(n, word):
    return f"{n} {word}"
