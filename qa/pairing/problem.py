"""The prepared problem (pins, per-slot candidate lists and costs).

The reference score of any assignment, and a greedy answer.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Mapping, Optional, Sequence

from qa.pairing import rules
from qa.pairing.costs import (
    REPEAT_PAIRING_COST,
    TWO_FIRST_TIMERS_COST,
    UNDER_MINIMUM_COST,
    UNPAIRED_EVENT_COST,
    VISIT_THIS_CYCLE_COST,
    pair_breakdown,
    slot_breakdown,
    slot_total,
)
from qa.pairing.data import LEAD, PEER, ROLES, Context, Event, Person

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
                by_person[person_id].append(
                    (event.date, order[event.id], ROLES.index(role), event.id, role)
                )
    earlier = {}
    for slots in by_person.values():
        for position, (_, _, _, event_id, role) in enumerate(sorted(slots)):
            earlier[(event_id, role)] = position
    return earlier


def score(
    events: Sequence[Event],
    people: Iterable[Person],
    context: Optional[Context],
    assignment: Mapping,
) -> dict:
    """Itemised soft cost per event for any assignment (hard rules are not checked here).

    Each visit's load cost counts the person's earlier visits in the same assignment, in date order.
    """
    context = context or Context()
    people_by_id = rules.index_people(people)
    earlier = _visit_order(events, assignment)
    result = {}
    for event in events:
        lead_id, peer_id = assignment.get(event.id, (None, None))
        items = {}
        for role, person_id in ((LEAD, lead_id), (PEER, peer_id)):
            if person_id is not None:
                items.update(
                    slot_breakdown(event, role, people_by_id[person_id], earlier[(event.id, role)])
                )
        if lead_id is not None and peer_id is not None:
            items.update(pair_breakdown(people_by_id[lead_id], people_by_id[peer_id], context))
        result[event.id] = items
    return result


# ---------------------------------------------------------------------------------------------
# Preparing the problem: pins and per-slot candidate lists
# ---------------------------------------------------------------------------------------------


@dataclass
class Problem:
    """The instance made ready to solve: what `prepare` works out once and every solve shares."""

    events: tuple
    people: tuple
    people_by_id: dict
    context: Context
    pins: dict  # event id -> (lead id | None, peer id | None)
    ledger: rules.Ledger  # pinned visitors only
    slots: dict  # (event index, role) -> [Person] allowed by every hard rule, given the pins
    # (event index, role, person id) -> the slot's own cost for that person (pins counted)
    costs: dict
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
        room = (
            person.max_visits - person.visits_this_cycle - ledger.visits_elsewhere(person_id, None)
        )
        # the most extra load, and every visit's 'towards their minimum' discount lost or won
        load += VISIT_THIS_CYCLE_COST * room * (room - 1) // 2
        load += 2 * UNDER_MINIMUM_COST * person.min_visits
    pair = len(events) * (REPEAT_PAIRING_COST + TWO_FIRST_TIMERS_COST)
    return max(UNPAIRED_EVENT_COST, sum(map(abs, costs.values())) + pair + load + 1)


def prepare(events, people, context) -> Problem:
    """Check the input (unique ids, pinned people present) and work out, for each open slot, who
    every hard rule allows there given the pins, and what each would cost."""
    events, people = tuple(events), tuple(people)
    context = context or Context()
    people_by_id = rules.index_people(people)
    if len({event.id for event in events}) != len(events):
        raise ValueError("duplicate event id")
    pins = {}
    for event in events:
        for person_id in (event.pinned_lead_id, event.pinned_peer_id):
            if person_id is not None and person_id not in people_by_id:
                raise ValueError(
                    f"event {event.id!r} pins unknown person {person_id!r}; pass them in people"
                )
        if event.pinned_lead_id is not None or event.pinned_peer_id is not None:
            pins[event.id] = (event.pinned_lead_id, event.pinned_peer_id)
    ledger = rules.Ledger(events, people_by_id, pins)
    pinned_visits = {person_id: len(visits) for person_id, visits in ledger.commitments.items()}
    slots, costs = {}, {}
    for index, event in enumerate(events):
        for role in ROLES:
            if event.pinned(role) is not None:
                continue
            partner = rules.partner_id(event, role, None)
            allowed = [
                person
                for person in people
                if person.eligible_for(role)
                and rules.allowed(event, role, person, context, ledger, partner)
            ]
            slots[(index, role)] = allowed
            for person in allowed:
                # A person's total load cost does not depend on the order of their visits, so each
                # proposed visit may count all their pinned visits as earlier ones (see _repeat_load
                # and pinned_constant); score() reaches the same total in date order.
                earlier = pinned_visits.get(person.id, 0)
                costs[(index, role, person.id)] = slot_total(event, role, person, earlier)
    penalty = _unpaired_penalty(events, slots, costs, people_by_id, ledger)
    return Problem(events, people, people_by_id, context, pins, ledger, slots, costs, penalty)


def is_pairable(problem: Problem, index: int) -> bool:
    """An event can only be paired if every open slot has someone allowed in it."""
    return all(problem.slots.get((index, role), True) for role in ROLES)


def pairs_every_pairable_event(problem: Problem, assignment: Mapping) -> bool:
    """Whether `assignment` gives a lead and a peer to every event that could be paired."""
    for index, event in enumerate(problem.events):
        lead_id, peer_id = assignment.get(event.id, (None, None))
        if is_pairable(problem, index) and (lead_id is None or peer_id is None):
            return False
    return True


def room_left(problem: Problem, person_id) -> int:
    """How many more visits the person may take: their maximum less this cycle's visits and pins."""
    person = problem.people_by_id[person_id]
    return (
        person.max_visits
        - person.visits_this_cycle
        - problem.ledger.visits_elsewhere(person_id, None)
    )


def greedy_assignment(
    events: Iterable[Event],
    people: Iterable[Person],
    context: Optional[Context] = None,
    *,
    problem=None,
) -> dict:
    """A quick assignment that obeys every hard rule: hardest events first, cheapest peer then lead.

    Not optimal; it seeds the solver, stands in if the solver finds nothing in time, and is the
    benchmark's baseline.
    """
    problem = problem or prepare(events, people, context)
    assignment = dict(problem.pins)
    ledger = rules.Ledger(problem.events, problem.people_by_id, assignment)
    proposed = defaultdict(int)  # person id -> visits given so far by this greedy pass
    order = sorted(
        (i for i in range(len(problem.events)) if is_pairable(problem, i)),
        key=lambda i: min(len(problem.slots.get((i, role), ())) or 10**9 for role in ROLES),
    )
    for index in order:
        event = problem.events[index]
        chosen = dict(zip(ROLES, assignment.get(event.id, (None, None)), strict=False))
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
        if not rules.allowed(event, role, person, problem.context, ledger, partner):
            continue
        # base already counts pinned visits
        cost = base + VISIT_THIS_CYCLE_COST * proposed[person.id]
        if best is None or cost < best[0]:
            best = (cost, person.id)
    return best[1] if best else None


def _record(ledger, problem, event, role, person_id):
    ledger.commitments[person_id].append((event.id, event.date))
    if role == PEER:
        ledger.peer_visits[(problem.people_by_id[person_id].agency_id, event.agency_id)].add(
            event.id
        )


def descend(problem: Problem, assignment: Mapping, kept: Mapping, deadline: float) -> dict:
    """`assignment` improved one visitor at a time: in each slot, the cheapest person in `kept`
    ((event index, role) -> [Person]) whom every hard rule allows, until no single swap saves
    anything or the deadline passes. Pins stay. The answer's cost never rises, and it pairs the
    same events; a region's fallback when the solver finds nothing in time."""
    assignment = dict(assignment)
    changed = True
    while changed and time.perf_counter() < deadline:
        changed = False
        for (index, role), allowed in kept.items():
            event = problem.events[index]
            pair = list(assignment.get(event.id, (None, None)))
            if time.perf_counter() >= deadline:
                break
            if None in pair:
                continue
            side = ROLES.index(role)
            current, pair[side] = pair[side], None
            ledger = rules.Ledger(
                problem.events, problem.people_by_id, {**assignment, event.id: tuple(pair)}
            )
            partner = problem.people_by_id[pair[1 - side]]
            best, best_cost = (
                current,
                _swap_cost(problem, ledger, event, role, problem.people_by_id[current], partner),
            )
            for person in allowed:
                if person.id != current and rules.allowed(
                    event, role, person, problem.context, ledger, partner.id
                ):
                    cost = _swap_cost(problem, ledger, event, role, person, partner)
                    if cost < best_cost:
                        best, best_cost = person.id, cost
            pair[side] = best
            assignment[event.id] = tuple(pair)
            changed = changed or best != current
    return assignment


def _swap_cost(problem, ledger, event, role, person, partner) -> int:
    """What `person` adds in (event, role) beside `partner`, the rest of `ledger` staying."""
    earlier = ledger.visits_elsewhere(person.id, event.id)
    lead, peer = (person, partner) if role == LEAD else (partner, person)
    pair = sum(pair_breakdown(lead, peer, problem.context).values())
    return sum(slot_breakdown(event, role, person, earlier).values()) + pair
