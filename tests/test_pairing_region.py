"""Region-sized pools: the restricted solve is checked against brute force on small instances (with
the size threshold lowered), says how far from the best it may be, and never overruns into a full
model or hides the greedy answer."""

import random
import time

import pytest
from hypothesis import HealthCheck, given, settings
from ortools.sat.python import cp_model

from qa.pairing import reduce, solver
from qa.pairing.model import Model
from qa.pairing.problem import (
    descend,
    greedy_assignment,
    pairs_every_pairable_event,
    prepare,
    score,
)
from tests.test_pairing_solver import brute_force, instances, reference_cost, violations


@pytest.fixture(name="region_everywhere")
def region_everywhere_fixture(monkeypatch):
    monkeypatch.setattr(solver, "REGION_ABOVE_CANDIDATES", 0)
    monkeypatch.setattr(reduce, "KEEP_PER_SLOT", 1)  # so that pruning really prunes


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(instance=instances(max_people=6))
def test_region_solve_agrees_with_brute_force_and_its_bound_holds(instance, region_everywhere):
    events, people, ctx = instance
    proposal = solver.propose(events, people, ctx)
    assert violations(events, {p.id: p for p in people}, ctx, proposal.assignment()) == []
    best_paired, best_neg_cost = brute_force(events, people, ctx)
    # it never claims more than it proves: optimal means optimal, a bound is a bound
    assert proposal.paired_count <= best_paired
    if proposal.status == "optimal":
        assert (proposal.paired_count, proposal.total_cost) == (best_paired, -best_neg_cost)
        assert proposal.gap == 0
    if proposal.lower_bound is not None:
        assert proposal.paired_count == best_paired
        assert proposal.lower_bound <= -best_neg_cost <= proposal.total_cost


def crowded(seed, n_events=30, n_people=120):
    """Several events a day and a pool with few leads: a few seconds' model, built in a blink."""
    from benchmarks.bench_pairing import build_instance

    return build_instance(n_events, n_people, 20, 6, random.Random(seed))


def test_with_no_time_left_the_greedy_answer_is_said_to_be_one_with_its_gap(
    region_everywhere, monkeypatch
):
    built = []
    build = solver.Model.build
    monkeypatch.setattr(solver.Model, "build", lambda self: built.append(self) or build(self))
    events, people, ctx = crowded(7)
    proposal = solver.propose(events, people, ctx, time_limit_s=0)
    greedy = greedy_assignment(events, people, ctx)
    assert proposal.assignment() == {e.id: greedy.get(e.id, (None, None)) for e in events}
    assert proposal.status == "feasible"
    assert "the quick greedy answer" in proposal.solver_status
    assert built == []  # no model is built once the time is gone
    assert proposal.lower_bound is not None and 0 < proposal.gap < 1
    total = sum(sum(v.values()) for v in score(events, people, ctx, greedy).values())
    assert proposal.total_cost == total


def test_a_region_answer_reports_a_bound_no_greater_than_its_cost(region_everywhere):
    events, people, ctx = crowded(11)
    proposal = solver.propose(events, people, ctx, time_limit_s=5)
    assert proposal.paired_count == len(events)
    assert proposal.lower_bound is not None and proposal.lower_bound <= proposal.total_cost
    assert violations(events, {p.id: p for p in people}, ctx, proposal.assignment()) == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instance=instances(max_people=6))
def test_the_swap_descent_keeps_every_rule_pairs_the_same_events_and_never_costs_more(instance):
    events, people, ctx = instance
    problem = prepare(events, people, ctx)
    greedy = greedy_assignment(events, people, ctx, problem=problem)
    better = descend(problem, greedy, problem.slots, time.perf_counter() + 60)
    by_id = {p.id: p for p in people}
    assert violations(events, by_id, ctx, better) == []
    assert {e for e, pair in better.items() if None not in pair} == {
        e for e, pair in greedy.items() if None not in pair
    }
    assert reference_cost(events, by_id, ctx, better) <= reference_cost(events, by_id, ctx, greedy)
    # and no single swap of an open slot within the rules would save anything
    cost = reference_cost(events, by_id, ctx, better)
    for ev in events:
        pair = better.get(ev.id, (None, None))
        if None in pair:
            continue
        for side, pinned in enumerate((ev.pinned_lead_id, ev.pinned_peer_id)):
            if pinned is not None:
                continue
            for p in people:
                trial = {
                    **better,
                    ev.id: tuple(p.id if i == side else v for i, v in enumerate(pair)),
                }
                if not violations(events, by_id, ctx, trial):
                    assert reference_cost(events, by_id, ctx, trial) >= cost


def test_a_valid_hint_names_every_variable_and_is_a_solution_as_it_stands():
    # Under a short limit on a loaded machine CP-SAT found no first solution from a hint of the
    # visitors alone; hinting the helper booleans too makes a valid hint a complete solution
    events, people, ctx = crowded(3)
    problem = prepare(events, people, ctx)
    hint = greedy_assignment(events, people, ctx, problem=problem)
    assert pairs_every_pairable_event(problem, hint)
    built = Model(problem, require_all=True, complete_hint=True).build()
    assert built.products and built.extras and built.directions  # every kind of helper is here
    built._hint(hint)
    proto = built.model.proto
    hinted = dict(zip(proto.solution_hint.vars, proto.solution_hint.values, strict=True))
    assert sorted(hinted) == list(range(len(proto.variables)))
    # every variable fixed to its hint: a solution, and the hint's own cost
    for index, value in hinted.items():
        built.model.add(built.model.get_bool_var_from_proto_index(index) == value)
    built.model.clear_hints()
    solved = built.solve(10, 0, 1, None)
    assert solved.status == cp_model.OPTIMAL
    assert solved.assignment == {e: pair for e, pair in hint.items() if None not in pair}
    total = sum(sum(v.values()) for v in score(events, people, ctx, hint).values())
    assert solved.objective == total
