"""The pairing engine's data.

People, events, context in; pairings, proposals, candidates and hard rules out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date
from enum import Enum
from typing import Hashable, Mapping, Optional

LEAD = "lead"
PEER = "peer"
ROLES = (LEAD, PEER)

DEFAULT_MAX_VISITS = 2


@dataclass(frozen=True)
class Person:
    id: Hashable
    name: str
    agency_id: Hashable
    sector: str
    is_lead_eligible: bool
    is_peer_eligible: bool
    max_visits: int = DEFAULT_MAX_VISITS
    visits_this_cycle: int = 0
    visits_last_three_cycles: int = 0
    previous_visits_total: int = 0
    unavailable_dates: frozenset = frozenset()
    conflict_agency_ids: frozenset = frozenset()
    busy_dates: frozenset = frozenset()
    visited_agency_ids: frozenset = frozenset()
    organisation: str = ""
    """Their agency's parent organisation (council, NHS trust, police force...), "" for none."""
    min_visits: int = 0
    """The fewest visits asked of them this cycle (0: none); each short of it costs
    UNDER_MINIMUM_COST."""
    preferred_sectors: frozenset = frozenset()
    """Sector slugs they asked to review (soft: PREFERRED_SECTOR_COST off such a visit)."""
    preferred_dates: frozenset = frozenset()
    """Days they would like to visit on (soft: PREFERRED_DATE_COST)."""
    avoided_dates: frozenset = frozenset()
    """Days they would rather not visit on, though they could (soft: AVOIDED_DATE_COST)."""

    @property
    def is_first_timer(self) -> bool:
        return self.previous_visits_total == 0

    def eligible_for(self, role: str) -> bool:
        return self.is_lead_eligible if role == LEAD else self.is_peer_eligible


@dataclass(frozen=True)
class Event:
    id: Hashable
    agency_id: Hashable
    agency_name: str
    sector: str
    date: Date
    pinned_lead_id: Optional[Hashable] = None
    pinned_peer_id: Optional[Hashable] = None
    organisation: str = ""
    """The visited agency's parent organisation, "" for none."""
    shown_lead_id: Optional[Hashable] = None
    shown_peer_id: Optional[Hashable] = None
    """Who the proposal shown before a re-run had in each role (None: nobody, or no re-run):
    anyone else there costs CHANGE_COST, so a re-run keeps what it can."""

    def shown(self, role: str) -> Optional[Hashable]:
        return self.shown_lead_id if role == LEAD else self.shown_peer_id

    def pinned(self, role: str) -> Optional[Hashable]:
        return self.pinned_lead_id if role == LEAD else self.pinned_peer_id


def _pairs(items) -> frozenset:
    return frozenset(frozenset(pair) for pair in items)


@dataclass(frozen=True)
class Context:
    never_pair: frozenset = frozenset()
    """Admin-declared person pairs that must never visit together: frozenset({a_id, b_id})."""
    last_cycle_pairs: frozenset = frozenset()
    """Lead-peer pairs that visited together last cycle: frozenset({a_id, b_id})."""
    existing_peer_visits: frozenset = frozenset()
    """(peer_agency_id, visited_agency_id) for peer visits already arranged this cycle."""

    def __post_init__(self):
        # Accept lists of tuples too; store the canonical, order-free form.
        object.__setattr__(self, "never_pair", _pairs(self.never_pair))
        object.__setattr__(self, "last_cycle_pairs", _pairs(self.last_cycle_pairs))
        object.__setattr__(
            self, "existing_peer_visits", frozenset(tuple(v) for v in self.existing_peer_visits)
        )


@dataclass(frozen=True)
class Pairing:
    event_id: Hashable
    lead_id: Optional[Hashable]
    peer_id: Optional[Hashable]
    cost: int
    breakdown: Mapping[str, int] = field(default_factory=dict, hash=False, compare=False)
    pinned_lead: bool = False
    pinned_peer: bool = False

    @property
    def paired(self) -> bool:
        return self.lead_id is not None and self.peer_id is not None


@dataclass(frozen=True)
class Proposal:
    pairings: tuple
    status: str
    """"optimal" when CP-SAT proved no better assignment exists, otherwise "feasible"."""
    unpaired_event_ids: tuple
    total_cost: int
    """Sum of the soft costs of every visitor placed (pinned ones included)."""
    objective: int
    """total_cost + unpaired_penalty * number of unpaired events, as minimised."""
    unpaired_penalty: int
    solver_status: str
    solve_seconds: float
    lower_bound: Optional[int] = None
    """No proposal pairing as many events costs less than this: total_cost when optimal, the
    relaxation's bound on a region-sized problem, None when nothing is proven."""

    @property
    def gap(self) -> Optional[float]:
        """How much more than the best possible this proposal may cost, as a fraction of its cost
        (0 when optimal), or None when unknown."""
        if self.lower_bound is None:
            return None
        return (self.total_cost - self.lower_bound) / self.total_cost if self.total_cost else 0.0

    @property
    def worst_fit(self):
        """The paired event whose visitors suit it least (costs.fit), as (fit, event id); None
        when nothing is paired."""
        from qa.pairing.costs import fit  # costs imports this module

        found = [(fit(p.breakdown), p.event_id) for p in self.pairings if p.paired]
        return max(found, key=lambda f: f[0]) if found else None

    @property
    def paired_count(self) -> int:
        return sum(1 for p in self.pairings if p.paired)

    def assignment(self) -> dict:
        return {p.event_id: (p.lead_id, p.peer_id) for p in self.pairings}

    def pairing_for(self, event_id) -> Pairing:
        for pairing in self.pairings:
            if pairing.event_id == event_id:
                return pairing
        raise KeyError(event_id)


@dataclass(frozen=True)
class Candidate:
    person: Person
    cost: int
    """What this person adds to the proposal's total cost in this slot."""
    reasons: tuple
    breakdown: Mapping[str, int] = field(default_factory=dict, hash=False, compare=False)


class HardRule(Enum):
    """Rules the automatic proposal never breaks, in the order explanations blame them."""

    NOT_ELIGIBLE = "not eligible for this role"
    OWN_AGENCY = "belongs to the visited agency"
    OWN_ORGANISATION = "belongs to the visited agency's parent organisation"
    CONFLICT = "has declared a conflict with the visited agency"
    SAME_PERSON = "already fills the other role at this event"
    UNAVAILABLE = "unavailable that day"
    BUSY = "already visiting another event that day"
    AT_MAXIMUM = "at their maximum visits this cycle"
    SAME_AGENCY_TWICE = "already visiting the same agency at another event of the proposal"
    RECIPROCAL = "would make a reciprocal challenge this cycle"
    NEVER_PAIR = "must never be paired with the other visitor"
