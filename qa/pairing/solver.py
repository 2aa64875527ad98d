"""Choose a lead and a peer for each challenge event: hard rules always hold, then fewest unpaired events, then least cost."""

# Public API
# ----------
# Data in (plain frozen dataclasses; ids may be any hashable, e.g. database ints):
#   Person(id, name, agency_id, sector, is_lead_eligible, is_peer_eligible, max_visits=2,
#          visits_this_cycle=0, visits_last_three_cycles=0, previous_visits_total=0,
#          unavailable_dates=frozenset(), conflict_agency_ids=frozenset(), busy_dates=frozenset(),
#          visited_agency_ids=frozenset())
#   Event(id, agency_id, agency_name, sector, date, pinned_lead_id=None, pinned_peer_id=None)
#   Context(never_pair=frozenset({frozenset({a, b}), ...}), last_cycle_pairs=..., existing_peer_visits=
#           frozenset({(peer_agency_id, visited_agency_id), ...}))
#   Assignment = Mapping[event_id, (lead_id | None, peer_id | None)]
#
# Results out:
#   propose(events, people, context=None, *, time_limit_s=5.0, seed=0, num_workers=1, reduce=None)
#       -> Proposal
#       Proposal(pairings, status "optimal"|"feasible", unpaired_event_ids, total_cost, objective,
#                unpaired_penalty, solver_status, solve_seconds); .assignment(), .pairing_for(event_id)
#       Pairing(event_id, lead_id, peer_id, cost, breakdown, pinned_lead, pinned_peer); .paired
#   candidates(event, role, people, context=None, *, events=(), assignment=None) -> list[Candidate]
#       Candidate(person, cost, reasons, breakdown): everyone who may fill that slot, cheapest first.
#   check_hard_rules(event, role, person, context=None, *, people=(), events=(), assignment=None)
#       -> tuple[HardRule, ...]: the hard rules this person would break in that slot (empty = allowed).
#   score(events, people, context, assignment) -> dict[event_id, dict[str, int]]: the reference cost of
#       any assignment, itemised per event (the solver's objective is built from the same functions).
#   greedy_assignment(events, people, context=None) -> Assignment: a quick feasible answer (solver hint,
#       fallback if the solver finds nothing in time, and the benchmark baseline).
#   slot_breakdown / pair_breakdown / sector_relation / sector_slug / sector_label: the cost pieces.
#
# Role names are the strings LEAD ("lead") and PEER ("peer"). An event is either fully paired or
# left with only its pinned visitors: the proposal never half-fills an event.
#
# How propose() works:
# 1. Per slot (event, role), keep only the people every hard rule allows, given the pins.
# 2. A greedy pass gives a feasible answer (the hint, and proof that everything pairable can be).
# 3. Bigger instances: a min-cost-flow relaxation gives a lower bound and a reduced cost per
#    candidate; CP-SAT solves on the candidates whose reduced cost is small, and the bound proves
#    that no pruned candidate could appear in an optimal answer (see _solve_reduced).
# 4. Otherwise, or if that proof cannot be made, CP-SAT solves the full model.
# Either way "optimal" means optimal for the documented cost on the whole problem.
#
# Notes on the input contract:
# * Pass only active people; is_lead_eligible means "active QA sub-group member", is_peer_eligible
#   means "active reviewer". A person may be both.
# * visits_this_cycle and busy_dates describe visits *outside* the events being proposed (existing
#   assignments to other events). Do not count the events passed to propose().
# * visits_last_three_cycles counts the three completed cycles before this one.
# * previous_visits_total counts every visit ever before this proposal; 0 means a first-time visitor.
# * Sectors are compared as lower-case slugs ("childrens-social-care"); sector_slug() normalises
#   labels such as "Children's social care".

from __future__ import annotations

import time
from collections import defaultdict, deque
from dataclasses import dataclass, field, replace
from datetime import date as Date
from enum import Enum
from functools import lru_cache
from types import MappingProxyType
from typing import Hashable, Iterable, Mapping, Optional, Sequence

from ortools.sat.python import cp_model

LEAD = "lead"
PEER = "peer"
ROLES = (LEAD, PEER)

DEFAULT_MAX_VISITS = 2
DEFAULT_TIME_LIMIT_S = 5.0

# ---------------------------------------------------------------------------------------------
# Cost table (integers; lower is better). Only soft preferences live here: hard rules are never
# traded against cost.
# ---------------------------------------------------------------------------------------------

SAME_SECTOR_COST = 0
"""Peer's agency is in the visited agency's sector: the strong preference, so free."""

RELATED_SECTOR_COST = 40
"""Peer's agency is in a related sector (see RELATED_SECTORS). Larger than any single load or
variety penalty, so a same-sector peer wins unless they are much busier or a repeat visitor."""

UNRELATED_SECTOR_COST = 120
"""Peer's agency is in an unrelated sector: used only when nobody closer is free or sensible."""

VISIT_THIS_CYCLE_COST = 10
"""Per visit the person already has this cycle, counting earlier visits in the same proposal (in
date order), so a person's second visit costs more than their first and work is spread out."""

VISIT_LAST_THREE_CYCLES_COST = 3
"""Per visit in the three completed cycles before this one: a gentler, longer-run spread."""

REPEAT_PAIRING_COST = 30
"""The lead and peer were paired together last cycle: variety brings fresh eyes."""

REPEAT_AGENCY_VISIT_COST = 15
"""The visitor has visited this agency before (any previous cycle): per visitor."""

TWO_FIRST_TIMERS_COST = 25
"""Both visitors would be first-time visitors (no previous visits ever): mix experience."""

UNPAIRED_EVENT_COST = 1_000_000
"""Per event left without a full pair. propose() raises it automatically above the largest
possible total of all other costs, so pairing one more event always beats any cost saving."""

SECTOR_COSTS = MappingProxyType(
    {"same": SAME_SECTOR_COST, "related": RELATED_SECTOR_COST, "unrelated": UNRELATED_SECTOR_COST}
)

# Symmetric: if a lists b then b lists a (a test checks this). Keys are sector slugs.
RELATED_SECTORS: Mapping[str, frozenset] = MappingProxyType(
    {
        "health": frozenset({"early-years"}),
        "early-years": frozenset({"health", "childrens-social-care", "education"}),
        "police": frozenset({"youth-justice"}),
        "youth-justice": frozenset({"police", "probation"}),
        "probation": frozenset({"youth-justice"}),
        "childrens-social-care": frozenset({"early-years", "education"}),
        "education": frozenset({"childrens-social-care", "early-years"}),
        "housing": frozenset({"voluntary"}),
        "voluntary": frozenset({"housing"}),
    }
)

SECTOR_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "health": "Health",
        "early-years": "Early years",
        "police": "Police",
        "youth-justice": "Youth justice",
        "probation": "Probation",
        "childrens-social-care": "Children's social care",
        "education": "Education",
        "housing": "Housing",
        "voluntary": "Voluntary sector",
    }
)

# Breakdown keys, shared with explain.py so texts and costs cannot drift apart.
PEER_SECTOR = "peer_sector"
REPEAT_PAIRING = "repeat_pairing"
TWO_FIRST_TIMERS = "two_first_timers"


def load_key(role: str) -> str:
    return f"{role}_load"


def repeat_agency_key(role: str) -> str:
    return f"{role}_repeat_agency"


# ---------------------------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------------------------


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
        object.__setattr__(self, "existing_peer_visits", frozenset(tuple(v) for v in self.existing_peer_visits))


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
    CONFLICT = "has declared a conflict with the visited agency"
    SAME_PERSON = "already fills the other role at this event"
    UNAVAILABLE = "unavailable that day"
    BUSY = "already visiting another event that day"
    AT_MAXIMUM = "at their maximum visits this cycle"
    RECIPROCAL = "would make a reciprocal challenge this cycle"
    NEVER_PAIR = "must never be paired with the other visitor"


# ---------------------------------------------------------------------------------------------
# Sectors and costs
# ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=1024)
def sector_slug(sector: str) -> str:
    """'Children's social care' -> 'childrens-social-care'."""
    text = (sector or "").strip().lower().replace("'", "").replace("\u2019", "")
    return "-".join(text.replace("_", " ").replace("-", " ").split())


def sector_label(sector: str) -> str:
    slug = sector_slug(sector)
    return SECTOR_LABELS.get(slug) or slug.replace("-", " ").capitalize()


def sector_relation(peer_sector: str, visited_sector: str) -> str:
    """'same', 'related' or 'unrelated': how the peer's sector sits against the visited agency's."""
    peer, visited = sector_slug(peer_sector), sector_slug(visited_sector)
    if peer == visited:
        return "same"
    if peer in RELATED_SECTORS.get(visited, ()):
        return "related"
    return "unrelated"


def slot_breakdown(event: Event, role: str, person: Person, earlier_visits: int = 0) -> dict:
    """Costs that depend on one visitor alone; earlier_visits = their earlier visits in this proposal."""
    items = {}
    if role == PEER:
        items[PEER_SECTOR] = SECTOR_COSTS[sector_relation(person.sector, event.sector)]
    items[load_key(role)] = VISIT_THIS_CYCLE_COST * (
        person.visits_this_cycle + earlier_visits
    ) + VISIT_LAST_THREE_CYCLES_COST * person.visits_last_three_cycles
    if event.agency_id in person.visited_agency_ids:
        items[repeat_agency_key(role)] = REPEAT_AGENCY_VISIT_COST
    return {key: value for key, value in items.items() if value}


def pair_breakdown(lead: Person, peer: Person, context: Context) -> dict:
    """Costs that depend on who goes with whom."""
    items = {}
    if frozenset((lead.id, peer.id)) in context.last_cycle_pairs:
        items[REPEAT_PAIRING] = REPEAT_PAIRING_COST
    if lead.is_first_timer and peer.is_first_timer:
        items[TWO_FIRST_TIMERS] = TWO_FIRST_TIMERS_COST
    return items


# ---------------------------------------------------------------------------------------------
# Hard rules
# ---------------------------------------------------------------------------------------------


class _Ledger:
    """Who is already committed where in an assignment, for the rules that depend on other events.

    Queries take the event being filled and ignore its own entries, so one ledger serves every slot.
    """

    def __init__(self, events: Sequence[Event], people_by_id: Mapping, assignment: Mapping):
        events_by_id = {event.id: event for event in events}
        self.commitments = defaultdict(list)  # person id -> [(event id, date)]
        self.peer_visits = defaultdict(set)  # (peer agency, visited agency) -> {event id}
        for event_id, (lead_id, peer_id) in assignment.items():
            if event_id not in events_by_id:
                raise ValueError(f"assignment names unknown event {event_id!r}")
            event = events_by_id[event_id]
            for person_id in (lead_id, peer_id):
                if person_id is not None:
                    self.commitments[person_id].append((event_id, event.date))
            if peer_id is not None and peer_id in people_by_id:
                self.peer_visits[(people_by_id[peer_id].agency_id, event.agency_id)].add(event_id)

    def visits_elsewhere(self, person_id, event_id) -> int:
        return sum(1 for other, _ in self.commitments.get(person_id, ()) if other != event_id)

    def busy_elsewhere(self, person_id, day, event_id) -> bool:
        return any(other != event_id and d == day for other, d in self.commitments.get(person_id, ()))

    def peer_visit_elsewhere(self, peer_agency, visited_agency, event_id) -> bool:
        visits = self.peer_visits.get((peer_agency, visited_agency))
        return bool(visits) and any(other != event_id for other in visits)


def _breach_iter(event, role, person, context, ledger, partner_id):
    """Yield each hard rule broken by putting person in (event, role), most basic first.

    A generator so that the hot loops (_allowed) stop at the first breach.
    """
    agency, day = event.agency_id, event.date
    if not (person.is_lead_eligible if role == LEAD else person.is_peer_eligible):
        yield HardRule.NOT_ELIGIBLE
    if person.agency_id == agency:
        yield HardRule.OWN_AGENCY
    if agency in person.conflict_agency_ids:
        yield HardRule.CONFLICT
    if partner_id is not None and partner_id == person.id:
        yield HardRule.SAME_PERSON
    if day in person.unavailable_dates:
        yield HardRule.UNAVAILABLE
    elsewhere = [d for other, d in ledger.commitments.get(person.id, ()) if other != event.id]
    if day in person.busy_dates or day in elsewhere:
        yield HardRule.BUSY
    if person.visits_this_cycle + len(elsewhere) >= person.max_visits:
        yield HardRule.AT_MAXIMUM
    if role == PEER and (
        (agency, person.agency_id) in context.existing_peer_visits
        or ledger.peer_visit_elsewhere(agency, person.agency_id, event.id)
    ):
        yield HardRule.RECIPROCAL
    if partner_id is not None and frozenset((partner_id, person.id)) in context.never_pair:
        yield HardRule.NEVER_PAIR


def _breaches(event, role, person, context, ledger, partner_id) -> list:
    """Every hard rule broken by putting person in (event, role); see check_hard_rules."""
    return list(_breach_iter(event, role, person, context, ledger, partner_id))


def _allowed(event, role, person, context, ledger, partner_id) -> bool:
    return next(_breach_iter(event, role, person, context, ledger, partner_id), None) is None


def _partner_id(event: Event, role: str, assignment: Optional[Mapping]):
    other = 1 if role == LEAD else 0
    if assignment is not None and event.id in assignment:
        return assignment[event.id][other]
    return event.pinned(ROLES[other])


def check_hard_rules(
    event: Event,
    role: str,
    person: Person,
    context: Optional[Context] = None,
    *,
    people: Iterable[Person] = (),
    events: Sequence[Event] = (),
    assignment: Optional[Mapping] = None,
) -> tuple:
    """The hard rules person would break as `role` at `event`, most basic first; () means allowed.

    `assignment` (event id -> (lead id, peer id)) with its `events` and `people` supplies the other
    commitments: same-day visits, load, reciprocal peers, and this event's other visitor (the partner).
    Without an assignment the event's pinned visitor, if any, is the partner.
    """
    context = context or Context()
    people_by_id = {p.id: p for p in people}
    events = _with_event(events, event)
    ledger = _Ledger(events, people_by_id, assignment or {})
    return tuple(_breaches(event, role, person, context, ledger, _partner_id(event, role, assignment)))


def _with_event(events: Sequence[Event], event: Event) -> list:
    events = list(events)
    if all(e.id != event.id for e in events):
        events.append(event)
    return events


# ---------------------------------------------------------------------------------------------
# Reference cost of an assignment
# ---------------------------------------------------------------------------------------------


def _visit_order(events: Sequence[Event], assignment: Mapping) -> dict:
    """(event id, role) -> how many of that person's visits in the assignment come before it."""
    order = {event.id: index for index, event in enumerate(events)}
    by_person = defaultdict(list)
    for event in events:
        lead_id, peer_id = assignment.get(event.id, (None, None))
        for role, person_id in ((LEAD, lead_id), (PEER, peer_id)):
            if person_id is not None:
                by_person[person_id].append((event.date, order[event.id], ROLES.index(role), event.id, role))
    earlier = {}
    for slots in by_person.values():
        for position, (_, _, _, event_id, role) in enumerate(sorted(slots)):
            earlier[(event_id, role)] = position
    return earlier


def score(events: Sequence[Event], people: Iterable[Person], context: Optional[Context], assignment: Mapping) -> dict:
    """Itemised soft cost per event for any assignment (hard rules are not checked here).

    Each visit's load cost counts the person's earlier visits in the same assignment, in date order.
    """
    context = context or Context()
    people_by_id = _index_people(people)
    earlier = _visit_order(events, assignment)
    result = {}
    for event in events:
        lead_id, peer_id = assignment.get(event.id, (None, None))
        items = {}
        for role, person_id in ((LEAD, lead_id), (PEER, peer_id)):
            if person_id is not None:
                items.update(slot_breakdown(event, role, people_by_id[person_id], earlier[(event.id, role)]))
        if lead_id is not None and peer_id is not None:
            items.update(pair_breakdown(people_by_id[lead_id], people_by_id[peer_id], context))
        result[event.id] = items
    return result


def _index_people(people: Iterable[Person]) -> dict:
    people_by_id = {}
    for person in people:
        if person.id in people_by_id:
            raise ValueError(f"duplicate person id {person.id!r}")
        people_by_id[person.id] = person
    return people_by_id


# ---------------------------------------------------------------------------------------------
# Preparing the problem: pins and per-slot candidate lists
# ---------------------------------------------------------------------------------------------


@dataclass
class _Problem:
    events: tuple
    people: tuple
    people_by_id: dict
    context: Context
    pins: dict  # event id -> (lead id | None, peer id | None)
    ledger: _Ledger  # pinned visitors only
    slots: dict  # (event index, role) -> [Person] allowed by every hard rule, given the pins
    costs: dict  # (event index, role, person id) -> the slot's own cost for that person (pins counted)
    unpaired_penalty: int = UNPAIRED_EVENT_COST

    @property
    def size(self) -> int:
        return len(self.costs)


def _unpaired_penalty(events, slots, costs, people_by_id, ledger) -> int:
    """UNPAIRED_EVENT_COST, raised if need be above the most the soft costs could ever add up to.

    The bound: every candidate's own cost, plus at most one pair cost of each kind per event, plus
    each person's most extra load cost (W + 2W + ... for their room). Any assignment costs less, so
    one more paired event always outweighs any saving.
    """
    people = {person.id for allowed in slots.values() for person in allowed}
    load = 0
    for person_id in people:
        person = people_by_id[person_id]
        room = person.max_visits - person.visits_this_cycle - ledger.visits_elsewhere(person_id, None)
        load += VISIT_THIS_CYCLE_COST * room * (room - 1) // 2
    pair = len(events) * (REPEAT_PAIRING_COST + TWO_FIRST_TIMERS_COST)
    return max(UNPAIRED_EVENT_COST, sum(costs.values()) + pair + load + 1)


def _prepare(events, people, context) -> _Problem:
    events, people = tuple(events), tuple(people)
    context = context or Context()
    people_by_id = _index_people(people)
    if len({event.id for event in events}) != len(events):
        raise ValueError("duplicate event id")
    pins = {}
    for event in events:
        for person_id in (event.pinned_lead_id, event.pinned_peer_id):
            if person_id is not None and person_id not in people_by_id:
                raise ValueError(f"event {event.id!r} pins unknown person {person_id!r}; pass them in people")
        if event.pinned_lead_id is not None or event.pinned_peer_id is not None:
            pins[event.id] = (event.pinned_lead_id, event.pinned_peer_id)
    ledger = _Ledger(events, people_by_id, pins)
    pinned_visits = {person_id: len(visits) for person_id, visits in ledger.commitments.items()}
    slots, costs = {}, {}
    for index, event in enumerate(events):
        for role in ROLES:
            if event.pinned(role) is not None:
                continue
            partner = _partner_id(event, role, None)
            allowed = [
                person
                for person in people
                if person.eligible_for(role) and _allowed(event, role, person, context, ledger, partner)
            ]
            slots[(index, role)] = allowed
            for person in allowed:
                # A person's total load cost does not depend on the order of their visits, so each
                # proposed visit may count all their pinned visits as earlier ones (see _repeat_load
                # and _pinned_constant); score() reaches the same total in date order.
                earlier = pinned_visits.get(person.id, 0)
                costs[(index, role, person.id)] = sum(slot_breakdown(event, role, person, earlier).values())
    penalty = _unpaired_penalty(events, slots, costs, people_by_id, ledger)
    return _Problem(events, people, people_by_id, context, pins, ledger, slots, costs, penalty)


def _pairable(problem: _Problem, index: int) -> bool:
    """An event can only be paired if every open slot has someone allowed in it."""
    return all(problem.slots.get((index, role), True) for role in ROLES)


def _pairs_every_pairable_event(problem: _Problem, assignment: Mapping) -> bool:
    for index, event in enumerate(problem.events):
        lead_id, peer_id = assignment.get(event.id, (None, None))
        if _pairable(problem, index) and (lead_id is None or peer_id is None):
            return False
    return True


# ---------------------------------------------------------------------------------------------
# The CP-SAT model
# ---------------------------------------------------------------------------------------------

SOLVER_PARAMETERS = MappingProxyType(
    {"cp_model_presolve": False, "linearization_level": 2, "add_lp_constraints_lazily": False}
)
"""Measured on the benchmark (about 2.5x faster than the defaults): these assignment-shaped models
gain little from presolve, and putting the whole, nearly integral, LP relaxation in from the start
guides the search straight to the optimum."""


class _Model:
    """Builds the CP-SAT model: one boolean per (event, role, allowed person).

    Constraints: each pairable event has exactly one lead and one peer when 'paired', none otherwise
    (with require_all every pairable event must be paired, which drops the big unpaired penalty and
    tightens the LP); a person visits at most once a day and within their cycle maximum; no two-way
    peer visits between agencies; never-pair pairs never share an event. Pair costs use product
    booleans only for the few lead-peer pairs that were together last cycle; 'two first-timers'
    needs one boolean per event.
    """

    def __init__(self, problem: _Problem, require_all: bool = False):
        self.p = problem
        self.require_all = require_all
        self.model = cp_model.CpModel()
        self.x = {}  # (event index, role, person id) -> BoolVar
        self.paired = {}  # event index -> BoolVar (absent with require_all)
        self.terms = []  # (coefficient, BoolVar) in the soft-cost objective
        self.constant = 0  # soft cost of pinned visitors, fixed whatever the solver does

    def build(self):
        for index, event in enumerate(self.p.events):
            self._event(index, event)
        self._per_person()
        self._reciprocity()
        self._pinned_constant()
        return self

    # -- per event --------------------------------------------------------------------------

    def _event(self, index, event):
        if not _pairable(self.p, index):
            return
        open_roles = [role for role in ROLES if event.pinned(role) is None]
        if not open_roles:
            return  # both pinned: already paired, nothing to decide
        paired = 1 if self.require_all else self.model.new_bool_var(f"paired_{index}")
        if not self.require_all:
            self.paired[index] = paired
        for role in open_roles:
            chosen = []
            for person in self.p.slots[(index, role)]:
                var = self.model.new_bool_var(f"x_{index}_{role}_{person.id}")
                self.x[(index, role, person.id)] = var
                chosen.append(var)
                self._charge(self.p.costs[(index, role, person.id)], var)
            self.model.add(sum(chosen) == paired)
        self._pair_terms(index, event)

    def _pair_terms(self, index, event):
        leads = self._side(index, event, LEAD)
        peers = self._side(index, event, PEER)
        for lead_id, peer_id in _directed(self.p.context.last_cycle_pairs):
            if lead_id in leads and peer_id in peers:
                self._charge_both(REPEAT_PAIRING_COST, leads[lead_id], peers[peer_id], f"rp_{index}")
        for lead_id, peer_id in _directed(self.p.context.never_pair):
            lead, peer = leads.get(lead_id), peers.get(peer_id)
            # Pinned partners were already filtered out of the slot lists.
            if lead is not None and peer is not None and lead is not True and peer is not True:
                self.model.add_bool_or([lead.negated(), peer.negated()])
        self._first_timers(index, leads, peers)

    def _side(self, index, event, role) -> dict:
        """person id -> BoolVar, or True for a pinned visitor (whose presence is certain)."""
        pinned = event.pinned(role)
        if pinned is not None:
            return {pinned: True}
        return {person.id: self.x[(index, role, person.id)] for person in self.p.slots[(index, role)]}

    def _first_timers(self, index, leads, peers):
        new_leads = [v for pid, v in leads.items() if self.p.people_by_id[pid].is_first_timer]
        new_peers = [v for pid, v in peers.items() if self.p.people_by_id[pid].is_first_timer]
        if not new_leads or not new_peers:
            return
        lead_pinned = any(v is True for v in new_leads)
        peer_pinned = any(v is True for v in new_peers)
        if lead_pinned and peer_pinned:
            return  # both pinned first-timers: counted in the constant
        if lead_pinned or peer_pinned:
            for var in new_peers if lead_pinned else new_leads:
                self._charge(TWO_FIRST_TIMERS_COST, var)
            return
        # At most one lead and one peer per event, so "both new" means sum(new leads) + sum(new peers) = 2.
        both = self.model.new_bool_var(f"ft_{index}")
        self.model.add(sum(new_leads) + sum(new_peers) - 1 <= both)
        self._charge(TWO_FIRST_TIMERS_COST, both)

    def _charge_both(self, cost, a, b, name):
        if a is True and b is True:
            return  # constant, counted in _pinned_constant
        if a is True or b is True:
            self._charge(cost, b if a is True else a)
            return
        both = self.model.new_bool_var(name)
        self.model.add(a + b - 1 <= both)  # minimisation keeps `both` at 0 unless both are chosen
        self._charge(cost, both)

    def _charge(self, cost, var):
        if cost:
            self.terms.append((cost, var))

    # -- per person -------------------------------------------------------------------------

    def _per_person(self):
        by_person = defaultdict(lambda: defaultdict(list))  # person id -> date -> [var]
        for (index, role, person_id), var in self.x.items():
            by_person[person_id][self.p.events[index].date].append(var)
        for person_id, by_date in by_person.items():
            for day_vars in by_date.values():
                if len(day_vars) > 1:
                    self.model.add_at_most_one(day_vars)  # one visit a day; also stops one person taking both roles
            all_vars = [v for day_vars in by_date.values() for v in day_vars]
            room = _room(self.p, person_id)
            if len(by_date) > room:
                self.model.add(sum(all_vars) <= room)
            self._repeat_load(person_id, all_vars, min(room, len(by_date)))

    def _repeat_load(self, person_id, all_vars, most):
        """The k-th proposed visit of one person costs (k - 1) * VISIT_THIS_CYCLE_COST more.

        Extra costs grow with k, so minimisation switches on extra_2 before extra_3 and the sum
        of extras equals the true convex load cost without ordering constraints.
        """
        if most < 2:
            return
        extras = [self.model.new_bool_var(f"load_{person_id}_{k}") for k in range(2, most + 1)]
        self.model.add(sum(all_vars) <= 1 + sum(extras))
        for k, extra in enumerate(extras, start=2):
            self._charge(VISIT_THIS_CYCLE_COST * (k - 1), extra)

    # -- reciprocity ------------------------------------------------------------------------

    def _reciprocity(self):
        flows = defaultdict(list)  # (peer agency, visited agency) -> [peer vars]
        for (index, role, person_id), var in self.x.items():
            if role == PEER:
                flows[(self.p.people_by_id[person_id].agency_id, self.p.events[index].agency_id)].append(var)
        for (a, b), forward in flows.items():
            backward = flows.get((b, a))
            if backward and _ordered(a, b):
                # direction = 1 allows a->b peer visits only; 0 allows b->a only.
                direction = self.model.new_bool_var(f"recip_{a}_{b}")
                for var in forward:
                    self.model.add_implication(var, direction)
                for var in backward:
                    self.model.add_implication(var, direction.negated())

    # -- pinned -----------------------------------------------------------------------------

    def _pinned_constant(self):
        """Pinned visitors' costs, written as the solver sees them (order-free per person)."""
        counted = defaultdict(int)
        for event in self.p.events:
            lead_id, peer_id = self.p.pins.get(event.id, (None, None))
            for role, person_id in ((LEAD, lead_id), (PEER, peer_id)):
                if person_id is not None:
                    person = self.p.people_by_id[person_id]
                    self.constant += sum(slot_breakdown(event, role, person, counted[person_id]).values())
                    counted[person_id] += 1
            if lead_id is not None and peer_id is not None:
                lead, peer = self.p.people_by_id[lead_id], self.p.people_by_id[peer_id]
                self.constant += sum(pair_breakdown(lead, peer, self.p.context).values())

    # -- objective and solve ----------------------------------------------------------------

    def solve(self, time_limit_s, seed, num_workers, hint: Optional[Mapping]) -> "_Solved":
        penalty = self.p.unpaired_penalty
        unpairable = sum(1 for index in range(len(self.p.events)) if not _pairable(self.p, index))
        constant = self.constant + penalty * (unpairable + len(self.paired))
        coefficients = [cost for cost, _ in self.terms] + [-penalty] * len(self.paired)
        variables = [var for _, var in self.terms] + list(self.paired.values())
        self.model.minimize(cp_model.LinearExpr.weighted_sum(variables, coefficients) + constant)
        if hint:
            self._hint(hint)
        solver = cp_model.CpSolver()
        for name, value in SOLVER_PARAMETERS.items():
            setattr(solver.parameters, name, value)
        solver.parameters.max_time_in_seconds = max(time_limit_s, 0.01)
        solver.parameters.num_workers = num_workers
        solver.parameters.random_seed = seed
        status = solver.solve(self.model)
        found = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
        return _Solved(
            status=status,
            status_name=solver.status_name(status),
            assignment=self.read(solver) if found else None,
            objective=round(solver.objective_value) if found else None,
            variable_cost=round(solver.objective_value) - constant if found else None,
            penalty=penalty,
        )

    def _hint(self, hint):
        for (index, role, person_id), var in self.x.items():
            chosen = hint.get(self.p.events[index].id, (None, None))[ROLES.index(role)]
            self.model.add_hint(var, chosen == person_id)
        for index, var in self.paired.items():
            lead_id, peer_id = hint.get(self.p.events[index].id, (None, None))
            self.model.add_hint(var, lead_id is not None and peer_id is not None)

    def read(self, solver) -> dict:
        assignment = dict(self.p.pins)
        for (index, role, person_id), var in self.x.items():
            if solver.boolean_value(var):
                event_id = self.p.events[index].id
                pair = list(assignment.get(event_id, (None, None)))
                pair[ROLES.index(role)] = person_id
                assignment[event_id] = tuple(pair)
        return assignment


@dataclass
class _Solved:
    status: int
    status_name: str
    assignment: Optional[dict]
    objective: Optional[int]
    variable_cost: Optional[int]  # objective without pinned costs and unpaired penalties
    penalty: int


def _room(problem: _Problem, person_id) -> int:
    person = problem.people_by_id[person_id]
    return person.max_visits - person.visits_this_cycle - problem.ledger.visits_elsewhere(person_id, None)


def _directed(pairs):
    """Each unordered pair {a, b} as (a, b) and (b, a): either may be the lead."""
    for pair in pairs:
        if len(pair) == 2:
            a, b = tuple(pair)
            yield a, b
            yield b, a


def _ordered(a, b) -> bool:
    """Pick one of the two directions of an agency pair, whatever the id types."""
    try:
        return a < b
    except TypeError:
        return repr(a) < repr(b)


# ---------------------------------------------------------------------------------------------
# Shrinking big models without losing optimality: reduced-cost pruning
# ---------------------------------------------------------------------------------------------

REDUCE_ABOVE_CANDIDATES = 100
"""propose() prunes by reduced cost when there are more (slot, candidate) pairs than this."""

REDUCE_GAPS = (0, 25, 100)
"""Reduced-cost thresholds tried in turn for the first restricted solve (see _solve_reduced)."""


@dataclass
class _Relaxation:
    bound: int  # least cost of filling every open slot when the dropped rules and costs are ignored
    reduced_costs: dict  # (event index, role, person id) -> extra cost, at least, of using that person


def _relaxation(problem: _Problem) -> Optional[_Relaxation]:
    """Lower bound and reduced costs from a min-cost-flow relaxation of 'pair every pairable event'.

    Network: source -> open slot (1 each) -> (person, date) at the slot's own cost -> person (one
    visit a day) -> sink through arcs costing 0, W, 2W... (the convex load cost, one per visit of
    room). It keeps the day and load rules and every linear cost exactly; it drops reciprocity and
    never-pair (fewer rules, more solutions) and the pair costs (all >= 0). So its optimum `bound` is
    at most the variable cost of any assignment that pairs every pairable event, and by LP duality
    such an assignment that uses (slot, person) costs at least bound + reduced cost of that arc.
    Returns None if even the relaxation cannot fill every open slot.
    """
    import numpy  # ortools' own dependency; imported here as only bigger instances need it
    from ortools.graph.python import min_cost_flow

    nodes = {}
    tails, heads, capacities, unit_costs, slot_arcs = [], [], [], [], {}

    def node(key):
        return nodes.setdefault(key, len(nodes))

    def arc(tail, head, cost):
        tails.append(tail)
        heads.append(head)
        capacities.append(1)
        unit_costs.append(cost)

    source, sink = node("source"), node("sink")
    open_slots = 0
    for (index, role), allowed in problem.slots.items():
        if not _pairable(problem, index):
            continue
        slot = node(("slot", index, role))
        arc(source, slot, 0)
        open_slots += 1
        day = problem.events[index].date
        for person in allowed:
            slot_arcs[(index, role, person.id)] = len(tails)
            arc(slot, node(("day", person.id, day)), problem.costs[(index, role, person.id)])
    days_by_person = defaultdict(int)
    for key in list(nodes):
        if key[0] == "day":
            arc(nodes[key], node(("person", key[1])), 0)
            days_by_person[key[1]] += 1
    for person_id, days in days_by_person.items():
        for k in range(min(_room(problem, person_id), days)):
            arc(nodes[("person", person_id)], sink, VISIT_THIS_CYCLE_COST * k)
    flow = min_cost_flow.SimpleMinCostFlow()
    flow.add_arcs_with_capacity_and_unit_cost(
        numpy.array(tails), numpy.array(heads), numpy.array(capacities), numpy.array(unit_costs)
    )
    flow.set_node_supply(source, open_slots)
    flow.set_node_supply(sink, -open_slots)
    if flow.solve() != flow.OPTIMAL:
        return None
    flows = flow.flows(numpy.arange(len(tails))).tolist()
    potential = _potentials(len(nodes), tails, heads, capacities, unit_costs, flows)
    reduced = {
        key: unit_costs[a] + potential[tails[a]] - potential[heads[a]] for key, a in slot_arcs.items()
    }
    return _Relaxation(bound=flow.optimal_cost(), reduced_costs=reduced)


def _potentials(n_nodes, tails, heads, capacities, costs, flows) -> list:
    """Node potentials that make every residual arc's reduced cost >= 0 (exact integers).

    Shortest distances from a virtual root joined to every node at cost 0, by queue-based
    Bellman-Ford; the residual graph of an optimal flow has no negative cycle, so this ends.
    """
    out = [[] for _ in range(n_nodes)]
    for tail, head, capacity, cost, used in zip(tails, heads, capacities, costs, flows):
        if used < capacity:
            out[tail].append((head, cost))
        if used > 0:
            out[head].append((tail, -cost))
    distance = [0] * n_nodes
    queued = [True] * n_nodes
    queue = deque(range(n_nodes))
    while queue:
        node = queue.popleft()
        queued[node] = False
        base = distance[node]
        for head, cost in out[node]:
            if base + cost < distance[head]:
                distance[head] = base + cost
                if not queued[head]:
                    queued[head] = True
                    queue.append(head)
    return distance


def _restrict(problem: _Problem, relaxation: _Relaxation, gap: int) -> _Problem:
    """The same problem with only the candidates whose reduced cost is at most gap."""
    reduced = relaxation.reduced_costs
    slots = {
        (index, role): [p for p in allowed if reduced.get((index, role, p.id), 0) <= gap]
        for (index, role), allowed in problem.slots.items()
    }
    costs = {key: cost for key, cost in problem.costs.items() if reduced.get(key, 0) <= gap}
    return replace(problem, slots=slots, costs=costs)


def _solve_reduced(problem, deadline, seed, num_workers) -> Optional[_Solved]:
    """Solve on a pruned candidate set, with a proof that nothing optimal was pruned; None if unsure.

    Why it is exact: if a restricted solve pairs every pairable event, the best number of pairs is
    known, so every optimal assignment pairs them all and costs at most the restricted optimum UB.
    An assignment using a candidate with reduced cost rc costs at least bound + rc (see _relaxation),
    so every optimal assignment uses only candidates with rc <= UB - bound. If the restricted set
    already held all of those, its optimum is the true optimum; otherwise one more solve on exactly
    that set (hinted with the first answer) is.
    """
    relaxation = _relaxation(problem)
    if relaxation is None:
        return None
    for gap in REDUCE_GAPS:
        # No greedy hint here: it usually names pruned candidates, and repairing it costs more time
        # than it saves.
        solved = _Model(_restrict(problem, relaxation, gap), require_all=True).build().solve(
            deadline - time.perf_counter(), seed, num_workers, None
        )
        if solved.status == cp_model.INFEASIBLE:
            continue  # too few candidates kept to pair everything: widen
        if solved.assignment is None or not _pairs_every_pairable_event(problem, solved.assignment):
            return None  # out of time, or the proof's premise fails: let the full model decide
        if solved.status != cp_model.OPTIMAL:
            return solved  # valid and pairs everything, but unproven: reported as "feasible"
        excess = solved.variable_cost - relaxation.bound
        if excess <= gap:
            return solved
        final = _Model(_restrict(problem, relaxation, excess), require_all=True).build().solve(
            deadline - time.perf_counter(), seed, num_workers, solved.assignment
        )
        if final.assignment is None:  # out of time: the first answer stands, unproven
            return replace(solved, status=cp_model.FEASIBLE, status_name="FEASIBLE")
        return final
    return None


# ---------------------------------------------------------------------------------------------
# Public entry points
# ---------------------------------------------------------------------------------------------


def propose(
    events: Iterable[Event],
    people: Iterable[Person],
    context: Optional[Context] = None,
    *,
    time_limit_s: float = DEFAULT_TIME_LIMIT_S,
    seed: int = 0,
    num_workers: int = 1,
    reduce: Optional[bool] = None,
) -> Proposal:
    """Pair as many events as possible, then at least total cost, never breaking a hard rule.

    Pinned visitors are kept exactly as given (and exempt from the hard rules), but they still take
    up their day, their load and their agency's reciprocity for everyone else. One worker and a fixed
    seed make the answer repeatable; status says whether it was proven optimal within the time limit.
    reduce=None prunes candidates by reduced cost on big instances only; True/False force it (tests).
    """
    started = time.perf_counter()
    deadline = started + time_limit_s
    problem = _prepare(events, people, context)
    solved, hint = None, None
    if reduce or (reduce is None and problem.size > REDUCE_ABOVE_CANDIDATES):
        solved = _solve_reduced(problem, deadline, seed, num_workers)
    if solved is None or solved.assignment is None:
        hint = greedy_assignment(problem.events, problem.people, problem.context, _problem=problem)
    if solved is None:
        # If the greedy answer already pairs every pairable event, no assignment pairs more, so the
        # model may insist on that and skip the big penalty.
        require_all = _pairs_every_pairable_event(problem, hint)
        model = _Model(problem, require_all=require_all).build()
        solved = model.solve(deadline - time.perf_counter(), seed, num_workers, hint)
    if solved.assignment is not None:
        assignment = solved.assignment
        label = "optimal" if solved.status == cp_model.OPTIMAL else "feasible"
        solver_status = solved.status_name
    else:
        # Timed out before any solution (only with absurdly short limits): the greedy answer obeys
        # every hard rule, so it is still a valid, if unproven, proposal.
        assignment, label, solver_status = hint, "feasible", f"{solved.status_name}; greedy fallback"
    proposal = _proposal(problem, assignment, label, solver_status, solved.penalty, time.perf_counter() - started)
    if solved.status == cp_model.OPTIMAL and solved.objective != proposal.objective:
        # The model and score() encode the same cost table; disagreement is a bug, not a data problem.
        raise RuntimeError(f"model objective {solved.objective} != scored {proposal.objective}")
    return proposal


def _proposal(problem, assignment, label, solver_status, penalty, seconds) -> Proposal:
    costs = score(problem.events, problem.people, problem.context, assignment)
    pairings = []
    for event in problem.events:
        lead_id, peer_id = assignment.get(event.id, (None, None))
        pairings.append(
            Pairing(
                event_id=event.id,
                lead_id=lead_id,
                peer_id=peer_id,
                cost=sum(costs[event.id].values()),
                breakdown=costs[event.id],
                pinned_lead=event.pinned_lead_id is not None,
                pinned_peer=event.pinned_peer_id is not None,
            )
        )
    unpaired = tuple(p.event_id for p in pairings if not p.paired)
    total = sum(p.cost for p in pairings)
    return Proposal(
        pairings=tuple(pairings),
        status=label,
        unpaired_event_ids=unpaired,
        total_cost=total,
        objective=total + penalty * len(unpaired),
        unpaired_penalty=penalty,
        solver_status=solver_status,
        solve_seconds=seconds,
    )


def candidates(
    event: Event,
    role: str,
    people: Iterable[Person],
    context: Optional[Context] = None,
    *,
    events: Sequence[Event] = (),
    assignment: Optional[Mapping] = None,
) -> list:
    """Everyone who may fill (event, role) given the rest of `assignment`, cheapest first.

    For the admin's swap list: the slot itself is treated as empty, the other visitor at this event
    stays, and each candidate's cost is what they would add to the proposal's total. `events` must
    include every event that `assignment` names (their dates and agencies drive the rules).
    """
    from qa.pairing import explain  # here, not at the top: explain builds on this module

    context = context or Context()
    people = tuple(people)
    people_by_id = _index_people(people)
    events = _with_event(events, event)
    ledger = _Ledger(events, people_by_id, assignment or {})
    partner_id = _partner_id(event, role, assignment)
    partner = people_by_id.get(partner_id)
    found = []
    for person in people:
        if not _allowed(event, role, person, context, ledger, partner_id):
            continue
        earlier = ledger.visits_elsewhere(person.id, event.id)
        items = slot_breakdown(event, role, person, earlier)
        if partner is not None:
            lead, peer = (person, partner) if role == LEAD else (partner, person)
            items.update(pair_breakdown(lead, peer, context))
        reasons = explain.slot_reasons(event, role, person, context, partner=partner, earlier_visits=earlier)
        found.append(Candidate(person, sum(items.values()), tuple(reasons), items))
    found.sort(key=lambda c: (c.cost, c.person.name, repr(c.person.id)))
    return found


def greedy_assignment(
    events: Iterable[Event], people: Iterable[Person], context: Optional[Context] = None, *, _problem=None
) -> dict:
    """A quick assignment that obeys every hard rule: hardest events first, cheapest peer then lead.

    Not optimal; it seeds the solver, stands in if the solver finds nothing in time, and is the
    benchmark's baseline.
    """
    problem = _problem or _prepare(events, people, context)
    assignment = dict(problem.pins)
    ledger = _Ledger(problem.events, problem.people_by_id, assignment)
    proposed = defaultdict(int)  # person id -> visits given so far by this greedy pass
    order = sorted(
        (i for i in range(len(problem.events)) if _pairable(problem, i)),
        key=lambda i: min(len(problem.slots.get((i, role), ())) or 10**9 for role in ROLES),
    )
    for index in order:
        event = problem.events[index]
        chosen = dict(zip(ROLES, assignment.get(event.id, (None, None))))
        for role in (PEER, LEAD):
            if chosen[role] is None:
                chosen[role] = _cheapest(problem, ledger, proposed, index, role, chosen)
        if chosen[LEAD] is not None and chosen[PEER] is not None:
            assignment[event.id] = (chosen[LEAD], chosen[PEER])
            for role in ROLES:
                if event.pinned(role) is None:  # pins are in the ledger already
                    _record(ledger, problem, event, role, chosen[role])
                    proposed[chosen[role]] += 1
    return assignment


def _cheapest(problem, ledger, proposed, index, role, chosen):
    event = problem.events[index]
    partner = chosen[LEAD if role == PEER else PEER]
    costs = problem.costs
    best = None
    # Cheapest base cost first: this pass's own visits only add to it, so stop once the base alone
    # cannot beat the best found.
    for person in sorted(problem.slots[(index, role)], key=lambda p: costs[(index, role, p.id)]):
        base = costs[(index, role, person.id)]
        if best is not None and base >= best[0]:
            break
        if not _allowed(event, role, person, problem.context, ledger, partner):
            continue
        cost = base + VISIT_THIS_CYCLE_COST * proposed[person.id]  # base already counts pinned visits
        if best is None or cost < best[0]:
            best = (cost, person.id)
    return best[1] if best else None


def _record(ledger, problem, event, role, person_id):
    ledger.commitments[person_id].append((event.id, event.date))
    if role == PEER:
        ledger.peer_visits[(problem.people_by_id[person_id].agency_id, event.agency_id)].add(event.id)
