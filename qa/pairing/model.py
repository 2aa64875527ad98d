"""The CP-SAT model of a prepared problem.

One boolean per (event, role, allowed person), solved for least cost.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping, Optional

from ortools.sat.python import cp_model

from qa.pairing.costs import (
    REPEAT_PAIRING_COST,
    TWO_FIRST_TIMERS_COST,
    extra_visit_cost,
    fit,
    pair_breakdown,
    slot_breakdown,
)
from qa.pairing.data import LEAD, PEER, ROLES
from qa.pairing.problem import Problem, is_pairable, room_left

SOLVER_PARAMETERS = MappingProxyType(
    {"cp_model_presolve": False, "linearization_level": 2, "add_lp_constraints_lazily": False}
)
"""Measured on the benchmark (about 2.5x faster than the defaults): these assignment-shaped models
gain little from presolve, and putting the whole, nearly integral, LP relaxation in from the start
guides the search straight to the optimum."""


class Model:
    """Builds the CP-SAT model: one boolean per (event, role, allowed person).

    Constraints: each pairable event has exactly one lead and one peer when 'paired', none otherwise
    (with require_all every pairable event must be paired, which drops the big unpaired penalty and
    tightens the LP); a person visits at most once a day and within their cycle maximum; no two-way
    peer visits between agencies; never-pair pairs never share an event. Pair costs use product
    booleans only for the few lead-peer pairs that were together last cycle; 'two first-timers'
    needs one boolean per event.
    """

    def __init__(self, problem: Problem, require_all: bool = False, complete_hint: bool = False):
        self.p = problem
        self.require_all = require_all
        # hint the helper booleans too (a region's solve under a short limit; see _hint)
        self.complete_hint = complete_hint
        self.model = cp_model.CpModel()
        self.x = {}  # (event index, role, person id) -> BoolVar
        self.paired = {}  # event index -> BoolVar (absent with require_all)
        self.terms = []  # (coefficient, BoolVar) in the soft-cost objective
        self.constant = 0  # soft cost of pinned visitors, fixed whatever the solver does
        self.fits = defaultdict(list)  # event index -> [(coefficient, BoolVar)] of its fit
        self.fit_constants = defaultdict(int)  # event index -> the fit of its pinned visitors
        # helper booleans, kept so a hint can name them too (a complete hint is a first solution)
        # (BoolVar, groups of BoolVars): at least 1 when some variable of every group is chosen
        self.products = []
        self.extras = {}  # person id -> [BoolVar]: their 2nd, 3rd... visit
        self.directions = []  # (BoolVar, [forward BoolVar], [backward BoolVar])

    def build(self):
        for index, event in enumerate(self.p.events):
            self._event(index, event)
        self._per_person()
        self._reciprocity()
        self.constant = self.pinned_constant()
        return self

    # -- per event --------------------------------------------------------------------------

    def _event(self, index, event):
        if not is_pairable(self.p, index):
            return
        open_roles = [role for role in ROLES if event.pinned(role) is None]
        for role in ROLES:
            if event.pinned(role) is not None:
                person = self.p.people_by_id[event.pinned(role)]
                self.fit_constants[index] += fit(slot_breakdown(event, role, person))
        if not open_roles:
            lead, peer = (self.p.people_by_id[event.pinned(role)] for role in ROLES)
            self.fit_constants[index] += fit(pair_breakdown(lead, peer, self.p.context))
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
                self.fits[index].append((fit(slot_breakdown(event, role, person)), var))
            self.model.add(sum(chosen) == paired)
        self._pair_terms(index, event)

    def _pair_terms(self, index, event):
        leads = self._side(index, event, LEAD)
        peers = self._side(index, event, PEER)
        for lead_id, peer_id in _directed(self.p.context.last_cycle_pairs):
            if lead_id in leads and peer_id in peers:
                self._charge_both(
                    REPEAT_PAIRING_COST, leads[lead_id], peers[peer_id], f"rp_{index}", index
                )
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
        return {
            person.id: self.x[(index, role, person.id)] for person in self.p.slots[(index, role)]
        }

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
                self._charge(TWO_FIRST_TIMERS_COST, var, index)
            return
        # At most one lead and one peer per event, so "both new" means sum(new leads) + sum(new
        # peers) = 2.
        both = self.model.new_bool_var(f"ft_{index}")
        self.model.add(sum(new_leads) + sum(new_peers) - 1 <= both)
        self.products.append((both, [new_leads, new_peers]))
        self._charge(TWO_FIRST_TIMERS_COST, both, index)

    def _charge_both(self, cost, a, b, name, index):
        if a is True and b is True:
            return  # constant, counted in pinned_constant
        if a is True or b is True:
            self._charge(cost, b if a is True else a, index)
            return
        both = self.model.new_bool_var(name)
        self.model.add(a + b - 1 <= both)  # minimisation keeps `both` at 0 unless both are chosen
        self.products.append((both, [[a], [b]]))
        self._charge(cost, both, index)

    def _charge(self, cost, var, fit_of=None):
        """Add cost * var to the objective (and to the fit of event `fit_of`, for a pair term)."""
        if cost:
            self.terms.append((cost, var))
            if fit_of is not None:
                self.fits[fit_of].append((cost, var))

    # -- per person -------------------------------------------------------------------------

    def _per_person(self):
        by_person = defaultdict(lambda: defaultdict(list))  # person id -> date -> [var]
        by_agency = defaultdict(list)  # (person id, visited agency) -> [var]
        for (index, _role, person_id), var in self.x.items():
            by_person[person_id][self.p.events[index].date].append(var)
            by_agency[(person_id, self.p.events[index].agency_id)].append(var)
        for same_agency in by_agency.values():
            if len(same_agency) > 1:
                self.model.add_at_most_one(same_agency)  # one visit to an agency a proposal
        for person_id, by_date in by_person.items():
            for day_vars in by_date.values():
                if len(day_vars) > 1:
                    # one visit a day; also stops one person taking both roles
                    self.model.add_at_most_one(day_vars)
            all_vars = [v for day_vars in by_date.values() for v in day_vars]
            room = room_left(self.p, person_id)
            if len(by_date) > room:
                self.model.add(sum(all_vars) <= room)
            self._repeat_load(person_id, all_vars, min(room, len(by_date)))

    def _repeat_load(self, person_id, all_vars, most):
        """The k-th proposed visit of one person costs extra_visit_cost(k - 1) more than the first
        (more load; no longer towards their minimum).

        Extra costs never fall as k grows, so minimisation switches on extra_2 before extra_3 and
        the sum of extras equals the true convex load cost without ordering constraints.
        """
        if most < 2:
            return
        person = self.p.people_by_id[person_id]
        pinned = self.p.ledger.visits_elsewhere(person_id, None)
        extras = [self.model.new_bool_var(f"load_{person_id}_{k}") for k in range(2, most + 1)]
        self.extras[person_id] = extras
        self.model.add(sum(all_vars) <= 1 + sum(extras))
        for k, extra in enumerate(extras, start=2):
            self._charge(extra_visit_cost(person, pinned, k - 1), extra)

    # -- reciprocity ------------------------------------------------------------------------

    def _reciprocity(self):
        flows = defaultdict(list)  # (peer agency, visited agency) -> [peer vars]
        for (index, role, person_id), var in self.x.items():
            if role == PEER:
                flows[
                    (self.p.people_by_id[person_id].agency_id, self.p.events[index].agency_id)
                ].append(var)
        for (a, b), forward in flows.items():
            backward = flows.get((b, a))
            if backward and _ordered(a, b):
                # direction = 1 allows a->b peer visits only; 0 allows b->a only.
                direction = self.model.new_bool_var(f"recip_{a}_{b}")
                self.directions.append((direction, forward, backward))
                for var in forward:
                    self.model.add_implication(var, direction)
                for var in backward:
                    self.model.add_implication(var, direction.negated())

    # -- pinned -----------------------------------------------------------------------------

    def pinned_constant(self) -> int:
        """Pinned visitors' costs, written as the solver sees them (order-free per person)."""
        constant = 0
        counted = defaultdict(int)
        for event in self.p.events:
            lead_id, peer_id = self.p.pins.get(event.id, (None, None))
            for role, person_id in ((LEAD, lead_id), (PEER, peer_id)):
                if person_id is not None:
                    person = self.p.people_by_id[person_id]
                    constant += sum(
                        slot_breakdown(event, role, person, counted[person_id]).values()
                    )
                    counted[person_id] += 1
            if lead_id is not None and peer_id is not None:
                lead, peer = self.p.people_by_id[lead_id], self.p.people_by_id[peer_id]
                constant += sum(pair_breakdown(lead, peer, self.p.context).values())
        return constant

    # -- fairness ---------------------------------------------------------------------------

    def fairest(self, time_limit_s, seed, num_workers, hint) -> Optional["Solved"]:
        """With every pairable event paired (require_all): first the least possible fit of the
        worst-fitting event, then, keeping that, the least total cost. None if the first step is
        not proven in time."""
        started = time.perf_counter()
        worst = self.model.new_int_var(0, 10**9, "worst_fit")
        for index in range(len(self.p.events)):
            if is_pairable(self.p, index):
                terms = self.fits.get(index, [])
                expression = cp_model.LinearExpr.weighted_sum(
                    [v for _, v in terms], [c for c, _ in terms]
                )
                self.model.add(worst >= expression + self.fit_constants.get(index, 0))
        self.model.minimize(worst)
        if hint:
            self._hint(hint)
        solver = _solver(time_limit_s, seed, num_workers)
        if solver.solve(self.model) != cp_model.OPTIMAL:
            return None
        first = self.read(solver)
        self.model.add(worst <= round(solver.objective_value))
        self.model.clear_hints()
        left = time_limit_s - (time.perf_counter() - started)
        return self.solve(left, seed, num_workers, first)

    # -- objective and solve ----------------------------------------------------------------

    def solve(self, time_limit_s, seed, num_workers, hint: Optional[Mapping]) -> "Solved":
        penalty = self.p.unpaired_penalty
        unpairable = sum(1 for index in range(len(self.p.events)) if not is_pairable(self.p, index))
        constant = self.constant + penalty * (unpairable + len(self.paired))
        coefficients = [cost for cost, _ in self.terms] + [-penalty] * len(self.paired)
        variables = [var for _, var in self.terms] + list(self.paired.values())
        self.model.minimize(cp_model.LinearExpr.weighted_sum(variables, coefficients) + constant)
        if hint:
            self._hint(hint)
        solver = _solver(time_limit_s, seed, num_workers)
        status = solver.solve(self.model)
        found = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
        return Solved(
            status=status,
            status_name=solver.status_name(status),
            assignment=self.read(solver) if found else None,
            objective=round(solver.objective_value) if found else None,
            variable_cost=round(solver.objective_value) - constant if found else None,
            penalty=penalty,
        )

    def _hint(self, hint):
        """Hint the visitors; with complete_hint every helper too: a valid assignment then is a
        complete first solution, and CP-SAT improves on it from the start instead of searching
        for one (on a region's pool with under a second of CPU it had found none). Off elsewhere:
        it changes which of two equally good answers CP-SAT settles on."""
        value = {}
        for (index, role, person_id), var in self.x.items():
            chosen = hint.get(self.p.events[index].id, (None, None))[ROLES.index(role)]
            value[var.index] = chosen == person_id
            self.model.add_hint(var, value[var.index])
        for index, var in self.paired.items():
            lead_id, peer_id = hint.get(self.p.events[index].id, (None, None))
            self.model.add_hint(var, lead_id is not None and peer_id is not None)
        if not self.complete_hint:
            return
        visits = defaultdict(int)
        for (_index, _role, person_id), var in self.x.items():
            visits[person_id] += value[var.index]
        for person_id, extras in self.extras.items():
            for k, extra in enumerate(extras, start=2):
                self.model.add_hint(extra, visits[person_id] >= k)
        for both, groups in self.products:
            self.model.add_hint(both, all(any(value[v.index] for v in g) for g in groups))
        for direction, forward, _backward in self.directions:
            self.model.add_hint(direction, any(value[v.index] for v in forward))

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
class Solved:
    """What one CP-SAT solve found: its status, the assignment (None if none in time) and costs."""

    status: int
    status_name: str
    assignment: Optional[dict]
    objective: Optional[int]
    variable_cost: Optional[int]  # objective without pinned costs and unpaired penalties
    penalty: int
    bound: Optional[int] = None  # a proven lower bound on the total cost, when one is known


def _solver(time_limit_s, seed, num_workers):
    solver = cp_model.CpSolver()
    for name, value in SOLVER_PARAMETERS.items():
        setattr(solver.parameters, name, value)
    solver.parameters.max_time_in_seconds = max(time_limit_s, 0.01)
    solver.parameters.num_workers = num_workers
    solver.parameters.random_seed = seed
    return solver


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
