"""Shrinking big models without losing optimality.

Reduced-cost pruning from a min-cost-flow relaxation.
"""

from __future__ import annotations

import heapq
import time
from collections import defaultdict, deque
from dataclasses import dataclass, replace
from typing import Optional

from ortools.sat.python import cp_model

from qa.pairing.costs import extra_visit_cost
from qa.pairing.data import ROLES
from qa.pairing.model import Model, Solved
from qa.pairing.problem import (
    Problem,
    descend,
    is_pairable,
    pairs_every_pairable_event,
    room_left,
)

REDUCE_ABOVE_CANDIDATES = 100
"""propose() prunes by reduced cost when there are more (slot, candidate) pairs than this."""

REDUCE_GAPS = (0, 25, 100)
"""Reduced-cost thresholds tried in turn for the first restricted solve (see solve_reduced)."""

REGION_ABOVE_CANDIDATES = 30_000
"""Above this many (slot, candidate) pairs (a region's pool: 200 events x 1,200 people is about
200,000) propose() keeps only the KEEP_PER_SLOT best candidates of each slot (solve_region)."""

KEEP_PER_SLOT = 4
"""Candidates kept per slot in solve_region's first pass, least reduced cost first (then least
cost); each later pass keeps twice as many (4, 8, 16). Measured on the region benchmark: with 4
CP-SAT proves the restricted optimum in 0.3-0.5 s of CPU (within 0-6% of the bound), where with 8
it had not improved on its start after 1 s; the wider passes then start from that answer."""


@dataclass
class Relaxation:
    """What `relax` proves: a lower bound on cost, and the least extra each candidate costs."""

    bound: int  # least cost of filling every open slot when the dropped rules and costs are ignored
    # (event index, role, person id) -> extra cost, at least, of using that person
    reduced_costs: dict
    # the relaxation's own answer: the (event index, role, person id) it used
    used: frozenset = frozenset()


def relax(problem: Problem) -> Optional[Relaxation]:
    """Lower bound and reduced costs from a min-cost-flow relaxation of 'pair every pairable event'.

    Network: source -> open slot (1 each) -> (person, date) at the slot's own cost -> person (one
    visit a day) -> sink through arcs costing 0, W, 2W... (the convex load cost, one per visit of
    room). It keeps the day and load rules and every linear cost exactly; it drops reciprocity and
    never-pair (fewer rules, more solutions) and the pair costs (all >= 0). So its optimum `bound`
    is
    at most the variable cost of any assignment that pairs every pairable event, and by LP duality
    such an assignment that uses (slot, person) costs at least bound + reduced cost of that arc.
    Returns None if even the relaxation cannot fill every open slot.
    """
    import numpy  # ortools' own dependency; imported here as only bigger instances need it
    from ortools.graph.python import min_cost_flow

    # Nodes: 0 source, 1 sink, then the open slots, then (person, day), then people. Arcs, in
    # blocks: source -> slot, slot -> (person, day), (person, day) -> person, person -> sink.
    slot_count, keys, arc_slot, arc_day, arc_cost, days = 0, [], [], [], [], {}
    costs = problem.costs
    for (index, role), allowed in problem.slots.items():
        if not is_pairable(problem, index):
            continue
        day = problem.events[index].date
        for person in allowed:
            key = (index, role, person.id)
            keys.append(key)
            arc_slot.append(slot_count)
            arc_day.append(days.setdefault((person.id, day), len(days)))
            arc_cost.append(costs[key])
        slot_count += 1
    people, days_of = {}, defaultdict(int)
    day_person = [people.setdefault(person_id, len(people)) for person_id, _ in days]
    for person_id, _ in days:
        days_of[person_id] += 1
    load_person, load_cost = [], []
    for person_id, number in people.items():
        person = problem.people_by_id[person_id]
        pinned = problem.ledger.visits_elsewhere(person_id, None)
        for k in range(min(room_left(problem, person_id), days_of[person_id])):
            load_person.append(number)
            load_cost.append(extra_visit_cost(person, pinned, k))
    first_day, first_person = 2 + slot_count, 2 + slot_count + len(days)
    n_nodes = first_person + len(people)
    slots = numpy.arange(2, 2 + slot_count)
    tails = numpy.concatenate(
        (
            numpy.zeros(slot_count, dtype=numpy.int64),
            numpy.array(arc_slot, dtype=numpy.int64) + 2,
            numpy.arange(first_day, first_person),
            numpy.array(load_person, dtype=numpy.int64) + first_person,
        )
    )
    heads = numpy.concatenate(
        (
            slots,
            numpy.array(arc_day, dtype=numpy.int64) + first_day,
            numpy.array(day_person, dtype=numpy.int64) + first_person,
            numpy.ones(len(load_person), dtype=numpy.int64),
        )
    )
    unit_costs = numpy.concatenate(
        (
            numpy.zeros(slot_count, dtype=numpy.int64),
            numpy.array(arc_cost, dtype=numpy.int64),
            numpy.zeros(len(days), dtype=numpy.int64),
            numpy.array(load_cost, dtype=numpy.int64),
        )
    )
    capacities = numpy.ones(len(tails), dtype=numpy.int64)
    flow = min_cost_flow.SimpleMinCostFlow()
    flow.add_arcs_with_capacity_and_unit_cost(tails, heads, capacities, unit_costs)
    flow.set_node_supply(0, slot_count)
    flow.set_node_supply(1, -slot_count)
    if flow.solve() != flow.OPTIMAL:
        return None
    flows = flow.flows(numpy.arange(len(tails)))
    potential = numpy.array(
        _potentials(n_nodes, tails, heads, unit_costs, flows), dtype=numpy.int64
    )
    block = slice(slot_count, slot_count + len(keys))
    reduced_array = unit_costs[block] + potential[tails[block]] - potential[heads[block]]
    reduced = dict(zip(keys, reduced_array.tolist(), strict=True))
    used = frozenset(key for key, f in zip(keys, flows[block].tolist(), strict=True) if f)
    return Relaxation(bound=flow.optimal_cost(), reduced_costs=reduced, used=used)


def _potentials(n_nodes, tails, heads, costs, flows) -> list:
    """Node potentials that make every residual arc's reduced cost >= 0 (exact integers).

    Shortest distances from a virtual root joined to every node at cost 0, by queue-based
    Bellman-Ford; the residual graph of an optimal flow has no negative cycle, so this ends. Every
    distance starts at 0, so only nodes with a negative residual arc can lower another at first:
    the queue starts with them alone. Arcs are numpy arrays (capacity 1 each), grouped by tail.
    """
    import numpy

    free, used = flows == 0, flows > 0
    r_tails = numpy.concatenate((tails[free], heads[used]))
    r_heads = numpy.concatenate((heads[free], tails[used]))
    r_costs = numpy.concatenate((costs[free], -costs[used]))
    order = numpy.argsort(r_tails, kind="stable")
    r_heads, r_costs = r_heads[order].tolist(), r_costs[order].tolist()
    starts = numpy.searchsorted(r_tails[order], numpy.arange(n_nodes + 1)).tolist()
    sorted_tails = r_tails[order]
    first = numpy.unique(sorted_tails[numpy.array(r_costs) < 0]).tolist()
    distance = [0] * n_nodes
    queued = [False] * n_nodes
    for node in first:
        queued[node] = True
    queue = deque(first)
    while queue:
        node = queue.popleft()
        queued[node] = False
        base = distance[node]
        for at in range(starts[node], starts[node + 1]):
            head = r_heads[at]
            if base + r_costs[at] < distance[head]:
                distance[head] = base + r_costs[at]
                if not queued[head]:
                    queued[head] = True
                    queue.append(head)
    return distance


def _restrict(problem: Problem, relaxation: Relaxation, gap: int) -> Problem:
    """The same problem with only the candidates whose reduced cost is at most gap."""
    reduced = relaxation.reduced_costs
    slots = {
        (index, role): [p for p in allowed if reduced.get((index, role, p.id), 0) <= gap]
        for (index, role), allowed in problem.slots.items()
    }
    costs = {key: cost for key, cost in problem.costs.items() if reduced.get(key, 0) <= gap}
    return replace(problem, slots=slots, costs=costs)


def solve_reduced(problem, deadline, seed, num_workers) -> Optional[Solved]:
    """Solve on a pruned candidate set, with a proof that nothing optimal was pruned; None if
    unsure.

    Why it is exact: if a restricted solve pairs every pairable event, the best number of pairs is
    known, so every optimal assignment pairs them all and costs at most the restricted optimum UB.
    An assignment using a candidate with reduced cost rc costs at least bound + rc (see
    relax),
    so every optimal assignment uses only candidates with rc <= UB - bound. If the restricted set
    already held all of those, its optimum is the true optimum; otherwise one more solve on exactly
    that set (hinted with the first answer) is.
    """
    relaxation = relax(problem)
    if relaxation is None:
        return None
    for gap in REDUCE_GAPS:
        # No greedy hint here: it usually names pruned candidates, and repairing it costs more time
        # than it saves.
        solved = (
            Model(_restrict(problem, relaxation, gap), require_all=True)
            .build()
            .solve(deadline - time.perf_counter(), seed, num_workers, None)
        )
        if solved.status == cp_model.INFEASIBLE:
            continue  # too few candidates kept to pair everything: widen
        if solved.assignment is None or not pairs_every_pairable_event(problem, solved.assignment):
            return None  # out of time, or the proof's premise fails: let the full model decide
        if solved.status != cp_model.OPTIMAL:
            return solved  # valid and pairs everything, but unproven: reported as "feasible"
        excess = solved.variable_cost - relaxation.bound
        if excess <= gap:
            return solved
        final = (
            Model(_restrict(problem, relaxation, excess), require_all=True)
            .build()
            .solve(deadline - time.perf_counter(), seed, num_workers, solved.assignment)
        )
        if final.assignment is None:  # out of time: the first answer stands, unproven
            return replace(solved, status=cp_model.FEASIBLE, status_name="FEASIBLE")
        return final
    return None


def solve_region(problem, deadline, seed, num_workers, hint) -> Solved:
    """A region-sized problem within the time left: solve on a few candidates per slot and say how
    far from the best possible the answer can be.

    Kept per slot: the KEEP_PER_SLOT least reduced cost (least cost where there is no
    relaxation), the relaxation's own choice and the feasible `hint`'s (so a solution always
    exists, and CP-SAT starts from it). When the hint pairs every pairable event, the relaxation
    gives a lower bound: the answer is proven optimal when it meets it, or as in solve_reduced
    when nothing with reduced cost up to the answer's excess was left out. Otherwise, with
    REGION_SECOND_PASS_S left, once more on twice as many per slot (and again), each started
    from the answer before; the answer is "feasible", with `bound` (a lower bound on the total
    cost, or None) for the gap. If no solve finds anything in time, the hint improved swap by swap.
    """
    all_paired = pairs_every_pairable_event(problem, hint)
    relaxation = relax(problem) if all_paired else None
    bound = None
    if relaxation is not None:
        bound = relaxation.bound + Model(problem).pinned_constant()
    solved = Solved(cp_model.UNKNOWN, "UNKNOWN", None, None, None, problem.unpaired_penalty, bound)
    for keep_per_slot in (KEEP_PER_SLOT, 2 * KEEP_PER_SLOT, 4 * KEEP_PER_SLOT):
        left = deadline - time.perf_counter()
        if left <= 0 or (solved.assignment is not None and left < REGION_SECOND_PASS_S):
            break  # no time left to build a model, let alone solve it
        keep = _kept(problem, relaxation, keep_per_slot, solved.assignment or hint)
        restricted = _restricted(problem, keep)
        if solved.assignment is None:
            # first, the greedy answer improved swap by swap: a better start for CP-SAT, and
            # the answer should CP-SAT find nothing in time
            hint = descend(problem, hint, restricted.slots, time.perf_counter() + DESCENT_S)
        found = Model(restricted, require_all=all_paired, complete_hint=True).build()
        found = found.solve(
            deadline - time.perf_counter(), seed, num_workers, solved.assignment or hint
        )
        if found.assignment is None and solved.assignment is None:
            return replace(
                solved,
                assignment=hint,
                status_name="no solver answer in time: the greedy answer, improved swap by swap",
            )
        if found.assignment is None:
            break
        better = solved.assignment is None or found.objective < solved.objective
        if better:
            solved = replace(found, bound=bound, status=cp_model.FEASIBLE, status_name="FEASIBLE")
        if (
            relaxation is not None
            and found.objective == solved.objective
            and _proven(found, relaxation, keep)
        ):
            return replace(solved, status=cp_model.OPTIMAL, status_name="OPTIMAL")
        if not better and found.status != cp_model.OPTIMAL:
            break  # out of time without improving; a proven optimum of this width goes wider
    return solved


def _proven(found, relaxation, keep) -> bool:
    """Whether a restricted answer that pairs every pairable event is optimal for the whole
    problem: it meets the bound, or it is the restricted optimum and nothing that could beat it
    was left out (see solve_reduced)."""
    excess = found.variable_cost - relaxation.bound
    if excess == 0:
        return True
    return found.status == cp_model.OPTIMAL and not any(
        rc <= excess and key not in keep for key, rc in relaxation.reduced_costs.items()
    )


DESCENT_S = 0.4
"""The most solve_region's swap-by-swap descent of the greedy answer may take before CP-SAT."""

REGION_SECOND_PASS_S = 0.5
"""Time that must be left for another, wider pass of solve_region to be worth starting (the
measured 8-candidate pass proves its optimum in about 0.5 s of CPU, and is started from the
answer before, so a pass cut short loses nothing)."""


def _kept(problem, relaxation, per_slot, hint) -> set:
    """(event index, role, person id) kept for a restricted solve: per slot, the `per_slot` least
    reduced cost (then least cost; least cost alone without a relaxation), the relaxation's choice
    and the hint's."""
    reduced = relaxation.reduced_costs if relaxation is not None else {}
    keep = set(relaxation.used) if relaxation is not None else set()
    for (index, role), allowed in problem.slots.items():
        chosen = hint.get(problem.events[index].id, (None, None))[ROLES.index(role)]
        if chosen is not None:
            keep.add((index, role, chosen))
        ranked = heapq.nsmallest(  # as sorted(...)[:per_slot], without sorting them all
            per_slot,
            allowed,
            key=lambda p: (reduced.get((index, role, p.id), 0), problem.costs[(index, role, p.id)]),
        )
        keep.update((index, role, p.id) for p in ranked)
    return keep


def _restricted(problem, keep) -> Problem:
    """The problem with only the `keep` candidates, each slot's list in the order prepare gave it
    (the people's order), built from `keep` rather than by filtering every candidate."""
    order = {person.id: number for number, person in enumerate(problem.people)}
    kept = defaultdict(list)
    for index, role, person_id in keep:
        kept[(index, role)].append(person_id)
    people = problem.people_by_id
    return replace(
        problem,
        slots={
            slot: [people[i] for i in sorted(kept.get(slot, ()), key=order.__getitem__)]
            for slot in problem.slots
        },
        costs={key: problem.costs[key] for key in keep},
    )
