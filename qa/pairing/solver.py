"""Choose a lead and a peer for each challenge event.

Hard rules always hold, then fewest unpaired events, then least cost.
"""

# The engine's public API, each name in the module that holds it (this one holds only the entry
# points propose() and candidates()):
# - data.py: the plain frozen dataclasses in and out (ids may be any hashable, e.g. database ints):
#   Person(id, name, agency_id, sector, is_lead_eligible, is_peer_eligible, max_visits=2,
#          visits_this_cycle=0, visits_last_three_cycles=0, previous_visits_total=0,
#          unavailable_dates=frozenset(), conflict_agency_ids=frozenset(), busy_dates=frozenset(),
#          visited_agency_ids=frozenset(), organisation="")
#   Event(id, agency_id, agency_name, sector, date, pinned_lead_id=None, pinned_peer_id=None,
#         organisation="")  (organisation: the agency's parent organisation, "" for none)
#   Context(never_pair=frozenset({frozenset({a, b}), ...}), last_cycle_pairs=...,
#           existing_peer_visits=frozenset({(peer_agency_id, visited_agency_id), ...}))
#   Assignment = Mapping[event_id, (lead_id | None, peer_id | None)]
#   Proposal(pairings, status "optimal"|"feasible", unpaired_event_ids, total_cost, objective,
#            unpaired_penalty, solver_status, solve_seconds, lower_bound); .gap, .assignment(),
#            .pairing_for(event_id)
#   Pairing(event_id, lead_id, peer_id, cost, breakdown, pinned_lead, pinned_peer); .paired
#   Candidate(person, cost, reasons, breakdown); HardRule; roles LEAD ("lead") and PEER ("peer").
# - costs.py: the cost table (SAME_SECTOR_COST, ...) and its pieces: slot_breakdown,
#   pair_breakdown, sector_relation, sector_slug, sector_label.
# - rules.py: check_hard_rules(event, role, person, context=None, *, people=(), events=(),
#   assignment=None) -> tuple[HardRule, ...], the rules this person would break in that slot
#   (empty = allowed); and the pieces the engine shares (Ledger, allowed, breaches, partner_id).
# - problem.py: prepare(events, people, context) -> Problem; score(events, people, context,
#   assignment) -> {event_id: {cost name: int}}, the reference cost of any assignment (the
#   solver's objective is built from the same functions); greedy_assignment(events, people,
#   context=None) -> Assignment, a quick feasible answer (solver hint, fallback if the solver
#   finds nothing in time, and the benchmark baseline).
# - model.py: Model, the CP-SAT model; reduce.py: relax() and solve_reduced(), the pruning.
# - facts.py: what is true of a pairing, as facts; explain.py and words.py put them into words.
#
# Here:
#   propose(events, people, context=None, *, time_limit_s=5.0, seed=0, num_workers=1, reduce=None)
#       -> Proposal
#   candidates(event, role, people, context=None, *, events=(), assignment=None) -> list[Candidate]
#       everyone who may fill that slot, cheapest first.
#
# An event is either fully paired or left with only its pinned visitors: the proposal never
# half-fills an event.
#
# How propose() works:
# 1. Per slot (event, role), keep only the people every hard rule allows, given the pins.
# 2. A greedy pass gives a feasible answer (the hint, and proof that everything pairable can be).
# 3. Bigger instances: a min-cost-flow relaxation gives a lower bound and a reduced cost per
#    candidate; CP-SAT solves on the candidates whose reduced cost is small, and the bound proves
#    that no pruned candidate could appear in an optimal answer (see reduce.solve_reduced).
# 4. Otherwise, or if that proof cannot be made, CP-SAT solves the full model.
# 5. A region's pool (over REGION_ABOVE_CANDIDATES, e.g. 200 events x 1,200 people) never builds
#    the full model: CP-SAT solves on the 4 (then 8, 16) best candidates per slot within the
#    wall-clock limit; the relaxation's bound proves the answer optimal when it meets it, and
#    otherwise gives Proposal.lower_bound and .gap. If nothing is found in time, the greedy answer
#    is improved swap by swap, and solver_status says so (reduce.solve_region).
# Either way "optimal" means optimal for the documented cost on the whole problem.
#
# Notes on the input contract:
# * Pass only active people; is_lead_eligible means "active QA sub-group member", is_peer_eligible
#   means "active reviewer". A person may be both.
# * visits_this_cycle and busy_dates describe visits *outside* the events being proposed (existing
#   assignments to other events). Do not count the events passed to propose().
# * visits_last_three_cycles counts the three completed cycles before this one.
# * previous_visits_total counts every visit ever before this proposal; 0 means a first-time
#   visitor.
# * Sectors are compared as lower-case slugs ("childrens-social-care"); sector_slug() normalises
#   labels such as "Children's social care".

from __future__ import annotations

import time
from dataclasses import replace
from typing import Iterable, Mapping, Optional, Sequence

from ortools.sat.python import cp_model

from qa.pairing import rules
from qa.pairing.costs import pair_breakdown, slot_breakdown
from qa.pairing.data import LEAD, Candidate, Context, Event, Pairing, Person, Proposal
from qa.pairing.model import Model
from qa.pairing.problem import greedy_assignment, pairs_every_pairable_event, prepare, score
from qa.pairing.reduce import (
    REDUCE_ABOVE_CANDIDATES,
    REGION_ABOVE_CANDIDATES,
    solve_reduced,
    solve_region,
)
from qa.pairing.words import slot_reasons

DEFAULT_TIME_LIMIT_S = 5.0

FINISHING_S = 0.3
"""Kept back from the solvers for scoring and explaining the answer: the limit is wall time."""


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
    up their day, their load and their agency's reciprocity for everyone else. One worker and a
    fixed
    seed make the answer repeatable; status says whether it was proven optimal within the time
    limit.
    reduce=None prunes candidates by reduced cost on big instances only; True/False force it
    (tests).
    """
    started = time.perf_counter()
    # the solvers stop early enough for the proposal to be scored within the limit
    deadline = started + time_limit_s - min(FINISHING_S, time_limit_s / 10)
    problem = prepare(events, people, context)
    solved, hint = None, None
    region = reduce is None and problem.size > REGION_ABOVE_CANDIDATES
    if region:
        # never the full model: on a region's pool it takes longer to build than the limit
        hint = greedy_assignment(problem.events, problem.people, problem.context, problem=problem)
        solved = solve_region(problem, deadline, seed, num_workers, hint)
    elif reduce or (reduce is None and problem.size > REDUCE_ABOVE_CANDIDATES):
        solved = solve_reduced(problem, deadline, seed, num_workers)
    if solved is None or solved.assignment is None:
        hint = hint or greedy_assignment(
            problem.events, problem.people, problem.context, problem=problem
        )
    if solved is None:
        # If the greedy answer already pairs every pairable event, no assignment pairs more, so the
        # model may insist on that and skip the big penalty.
        require_all = pairs_every_pairable_event(problem, hint)
        model = Model(problem, require_all=require_all).build()
        solved = model.solve(deadline - time.perf_counter(), seed, num_workers, hint)
    if solved is not None and solved.assignment is not None:
        assignment = solved.assignment
        label = "optimal" if solved.status == cp_model.OPTIMAL else "feasible"
        solver_status = solved.status_name
    else:
        # Nothing better in time: the greedy answer obeys every hard rule, so it is still a valid
        # proposal, said to be the quick answer (and how far from the best it may be, if known).
        assignment, label = hint, "feasible"
        tried = solved.status_name if solved else "not run"
        solver_status = f"no solver answer in time ({tried}): the quick greedy answer"
    penalty = solved.penalty if solved is not None else problem.unpaired_penalty
    proposal = _proposal(
        problem, assignment, label, solver_status, penalty, time.perf_counter() - started
    )
    if solved is not None and solved.status == cp_model.OPTIMAL:
        if solved.objective != proposal.objective:
            # The model and score() encode the same cost table; disagreement is a bug, not a data
            # problem.
            raise RuntimeError(f"model objective {solved.objective} != scored {proposal.objective}")
        return replace(proposal, lower_bound=proposal.total_cost)
    bound = solved.bound if solved is not None else None
    return replace(proposal, lower_bound=bound)


def propose_fairest(
    events: Iterable[Event],
    people: Iterable[Person],
    context: Optional[Context] = None,
    *,
    time_limit_s: float = DEFAULT_TIME_LIMIT_S,
    seed: int = 0,
    num_workers: int = 1,
) -> Optional[Proposal]:
    """The fairest proposal: as many events paired as possible, then the worst-fitting event as
    well fitted as it can be (costs.fit: sector, visiting again, the pair; not load), then the
    least total cost. None when that cannot be proven in time, or for a region's pool."""
    started = time.perf_counter()
    problem = prepare(events, people, context)
    if problem.size > REGION_ABOVE_CANDIDATES:
        return None
    hint = greedy_assignment(problem.events, problem.people, problem.context, problem=problem)
    if not pairs_every_pairable_event(problem, hint):
        return None  # the most pairs is not known without a full solve: not offered
    model = Model(problem, require_all=True).build()
    left = started + time_limit_s - FINISHING_S - time.perf_counter()
    solved = model.fairest(left, seed, num_workers, hint)
    if solved is None or solved.status != cp_model.OPTIMAL:
        return None
    proposal = _proposal(
        problem,
        solved.assignment,
        "optimal",
        "OPTIMAL (fairest)",
        solved.penalty,
        time.perf_counter() - started,
    )
    return replace(proposal, lower_bound=proposal.total_cost)


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
    context = context or Context()
    people = tuple(people)
    people_by_id = rules.index_people(people)
    events = rules.with_event(events, event)
    ledger = rules.Ledger(events, people_by_id, assignment or {})
    partner_id = rules.partner_id(event, role, assignment)
    partner = people_by_id.get(partner_id)
    found = []
    for person in people:
        if not rules.allowed(event, role, person, context, ledger, partner_id):
            continue
        earlier = ledger.visits_elsewhere(person.id, event.id)
        items = slot_breakdown(event, role, person, earlier)
        if partner is not None:
            lead, peer = (person, partner) if role == LEAD else (partner, person)
            items.update(pair_breakdown(lead, peer, context))
        reasons = slot_reasons(
            event, role, person, context, partner=partner, earlier_visits=earlier
        )
        found.append(Candidate(person, sum(items.values()), tuple(reasons), items))
    found.sort(key=lambda c: (c.cost, c.person.name, repr(c.person.id)))
    return found
