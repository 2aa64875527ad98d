"""The pairing solver obeys every hard rule, honours pins.

Prefers cheaper pairs and matches brute force.
"""

import ast
import itertools
import pathlib
import random
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qa.pairing import costs
from qa.pairing.costs import RELATED_SECTORS, SECTOR_LABELS, sector_relation, sector_slug
from qa.pairing.data import LEAD, PEER, Context, Event, HardRule, Person
from qa.pairing.model import Model
from qa.pairing.problem import greedy_assignment, is_pairable, prepare
from qa.pairing.reduce import relax
from qa.pairing.rules import check_hard_rules
from qa.pairing.solver import candidates, propose

DAY1 = date(2027, 3, 12)
DAY2 = date(2027, 3, 19)
PAIRING_DIR = pathlib.Path(__file__).resolve().parent.parent / "qa" / "pairing"


def person(pid, agency="A", sector="health", lead=False, peer=False, **kw):
    kw.setdefault("previous_visits_total", 5)  # experienced unless a test says otherwise
    return Person(
        id=pid,
        name=f"Person {pid}",
        agency_id=agency,
        sector=sector,
        is_lead_eligible=lead,
        is_peer_eligible=peer,
        **kw,
    )


def event(eid, agency="V", sector="health", day=DAY1, **kw):
    return Event(
        id=eid, agency_id=agency, agency_name=f"Agency {agency}", sector=sector, date=day, **kw
    )


def lead(pid, agency="L", **kw):
    return person(pid, agency=agency, sector=kw.pop("sector", "police"), lead=True, **kw)


def peer(pid, agency="P", sector="health", **kw):
    return person(pid, agency=agency, sector=sector, peer=True, **kw)


def only(proposal):
    (pairing,) = proposal.pairings
    return pairing


# ---------------------------------------------------------------------------------------------
# Independent reference: hard rules and costs written again from the spec, not from the module.
# ---------------------------------------------------------------------------------------------


def slot_allowed_alone(ev, role, p, ctx, partner_id):
    """Rules that need nothing but the person, the event, the context and the partner."""
    eligible = p.is_lead_eligible if role == LEAD else p.is_peer_eligible
    return (
        eligible
        and p.agency_id != ev.agency_id
        and not (p.organisation != "" and p.organisation == ev.organisation)
        and ev.agency_id not in p.conflict_agency_ids
        and ev.date not in p.unavailable_dates
        and ev.date not in p.busy_dates
        and p.visits_this_cycle < p.max_visits
        and not (role == PEER and (ev.agency_id, p.agency_id) in ctx.existing_peer_visits)
        and partner_id != p.id
        and frozenset((partner_id, p.id)) not in ctx.never_pair
    )


def violations(events, people_by_id, ctx, assignment):
    """Every hard-rule breach by a non-pinned visitor in a (possibly partial) assignment."""
    found = []
    slots = []  # (event, role, person id, pinned)
    for ev in events:
        lead_id, peer_id = assignment.get(ev.id, (None, None))
        for role, pid, pin in (
            (LEAD, lead_id, ev.pinned_lead_id),
            (PEER, peer_id, ev.pinned_peer_id),
        ):
            if pin is not None and pid != pin:
                found.append(f"pin dropped at {ev.id}")
            if pid is not None:
                slots.append((ev, role, pid, pin is not None))
    for ev, role, pid, pinned in slots:
        if pinned:
            continue
        p = people_by_id[pid]
        partner = assignment[ev.id][1 if role == LEAD else 0]
        if not slot_allowed_alone(ev, role, p, ctx, partner):
            found.append(f"{pid} not allowed as {role} at {ev.id}")
        mine = [s for s in slots if s[2] == pid]
        if any(s[0].date == ev.date and s[0].id != ev.id for s in mine):
            found.append(f"{pid} twice on {ev.date}")
        if p.visits_this_cycle + len(mine) > p.max_visits:
            found.append(f"{pid} over maximum")
        if any(s[0].agency_id == ev.agency_id and s[0].id != ev.id for s in mine):
            found.append(f"{pid} visits agency {ev.agency_id} twice")
        if role == PEER:
            for other_ev, other_role, other_pid, _ in slots:
                if (
                    other_role == PEER
                    and other_ev.agency_id == p.agency_id
                    and people_by_id[other_pid].agency_id == ev.agency_id
                ):
                    found.append(f"reciprocal {p.agency_id}<->{ev.agency_id}")
    return found


def reference_cost(events, people_by_id, ctx, assignment):
    """Soft cost of an assignment straight from the documented cost table."""
    total = 0
    visits = {}
    for ev in events:
        lead_id, peer_id = assignment.get(ev.id, (None, None))
        for role, pid in ((LEAD, lead_id), (PEER, peer_id)):
            if pid is None:
                continue
            p = people_by_id[pid]
            visits.setdefault(pid, 0)
            if role == PEER:
                if sector_slug(p.sector) == sector_slug(ev.sector):
                    total += costs.SAME_SECTOR_COST
                elif sector_slug(p.sector) in RELATED_SECTORS.get(sector_slug(ev.sector), ()):
                    total += costs.RELATED_SECTOR_COST
                else:
                    total += costs.UNRELATED_SECTOR_COST
            total += costs.VISIT_LAST_THREE_CYCLES_COST * p.visits_last_three_cycles
            total += costs.REPEAT_AGENCY_VISIT_COST * (ev.agency_id in p.visited_agency_ids)
            total += costs.PREFERRED_SECTOR_COST * (sector_slug(ev.sector) in p.preferred_sectors)
            if ev.date in p.avoided_dates:
                total += costs.AVOIDED_DATE_COST
            elif ev.date in p.preferred_dates:
                total += costs.PREFERRED_DATE_COST
            shown = ev.shown_lead_id if role == LEAD else ev.shown_peer_id
            total += costs.CHANGE_COST * (shown is not None and shown != pid)
            visits[pid] += 1
        if lead_id is not None and peer_id is not None:
            a, b = people_by_id[lead_id], people_by_id[peer_id]
            total += costs.REPEAT_PAIRING_COST * (frozenset((a.id, b.id)) in ctx.last_cycle_pairs)
            total += costs.TWO_FIRST_TIMERS_COST * (
                a.previous_visits_total == 0 and b.previous_visits_total == 0
            )
    for pid, n in visits.items():
        v = people_by_id[pid].visits_this_cycle
        # k-th visit sees k earlier
        total += costs.VISIT_THIS_CYCLE_COST * sum(v + k for k in range(n))
        # each visit that brings them towards their minimum: 50 points off
        total -= costs.UNDER_MINIMUM_COST * min(max(0, people_by_id[pid].min_visits - v), n)
    return total


def is_paired(assignment, ev):
    lead_id, peer_id = assignment.get(ev.id, (None, None))
    return lead_id is not None and peer_id is not None


def brute_force(events, people, ctx, key=None):
    """Best (paired count, -cost) over every assignment that keeps pins and breaks no hard rule;
    or the best by `key(assignment)` if given (greater is better)."""
    by_id = {p.id: p for p in people}
    options = []
    for ev in events:
        pins = (ev.pinned_lead_id, ev.pinned_peer_id)
        leads = (
            [ev.pinned_lead_id]
            if ev.pinned_lead_id is not None
            else [p.id for p in people if p.is_lead_eligible]
        )
        peers = (
            [ev.pinned_peer_id]
            if ev.pinned_peer_id is not None
            else [p.id for p in people if p.is_peer_eligible]
        )
        full = [
            (lead_id, peer_id)
            for lead_id, peer_id in itertools.product(leads, peers)
            if not violations([ev], by_id, ctx, {ev.id: (lead_id, peer_id)})
        ]
        options.append([pins] + [f for f in full if f != pins])
    best = None

    def walk(i, assignment):
        nonlocal best
        if violations(events[:i], by_id, ctx, assignment):
            return  # breaches only grow as events are added
        if i == len(events):
            found = (
                key(assignment)
                if key
                else (
                    sum(is_paired(assignment, ev) for ev in events),
                    -reference_cost(events, by_id, ctx, assignment),
                )
            )
            if best is None or found > best:
                best = found
            return
        for option in options[i]:
            assignment[events[i].id] = option
            walk(i + 1, assignment)
        del assignment[events[i].id]

    walk(0, {})
    return best


# ---------------------------------------------------------------------------------------------
# Random small instances
# ---------------------------------------------------------------------------------------------

SECTORS = ["health", "early-years", "police", "youth-justice", "education"]


@st.composite
def instances(draw, max_people=5, max_events=3, pins=True, agency_count=(2, 4)):
    agencies = draw(
        st.lists(st.sampled_from(SECTORS), min_size=agency_count[0], max_size=agency_count[1])
    )
    agency_ids = list(range(len(agencies)))
    # parent organisations: most agencies stand alone, some share a council
    orgs = [draw(st.sampled_from(["", "", "Council A", "Council B"])) for _ in agencies]
    days = [DAY1, DAY2]

    def rarely(values):  # most people have no conflicts or absences, as in real life
        return (
            frozenset({draw(st.sampled_from(values))})
            if draw(st.integers(0, 3)) == 0
            else frozenset()
        )

    people = []
    for pid in range(draw(st.integers(3, max_people))):
        agency = draw(st.sampled_from(agency_ids))
        is_lead, is_peer = draw(
            st.sampled_from([(True, False), (False, True), (True, True), (True, True)])
        )
        people.append(
            Person(
                id=pid,
                name=f"P{pid}",
                agency_id=agency,
                sector=agencies[agency],
                is_lead_eligible=is_lead,
                is_peer_eligible=is_peer,
                max_visits=draw(st.sampled_from([1, 2, 2])),
                visits_this_cycle=draw(st.sampled_from([0, 0, 1])),
                visits_last_three_cycles=draw(st.integers(0, 3)),
                previous_visits_total=draw(st.sampled_from([0, 0, 2])),
                unavailable_dates=rarely(days),
                conflict_agency_ids=rarely(agency_ids),
                busy_dates=rarely(days),
                visited_agency_ids=rarely(agency_ids),
                organisation=orgs[agency],
                min_visits=draw(st.sampled_from([0, 0, 0, 1, 2])),
                preferred_sectors=rarely(SECTORS),
                preferred_dates=rarely(days),
                avoided_dates=rarely(days),
            )
        )
    ids = [p.id for p in people]
    events = []
    for eid in range(draw(st.integers(1, max_events))):
        pinned_lead = draw(st.sampled_from(ids)) if pins and draw(st.integers(0, 5)) == 0 else None
        pinned_peer = draw(st.sampled_from(ids)) if pins and draw(st.integers(0, 5)) == 0 else None
        agency = draw(st.sampled_from(agency_ids))
        events.append(
            Event(
                id=100 + eid,
                agency_id=agency,
                agency_name=f"Agency {agency}",
                sector=agencies[agency],
                date=draw(st.sampled_from(days)),
                pinned_lead_id=pinned_lead,
                pinned_peer_id=pinned_peer,
                organisation=orgs[agency],
                # a re-run: who the proposal shown before had here
                shown_lead_id=draw(st.sampled_from(ids)) if draw(st.integers(0, 4)) == 0 else None,
                shown_peer_id=draw(st.sampled_from(ids)) if draw(st.integers(0, 4)) == 0 else None,
            )
        )
    pair = st.tuples(st.sampled_from(ids), st.sampled_from(ids)).filter(lambda t: t[0] != t[1])
    ctx = Context(
        never_pair=draw(st.lists(pair, max_size=2)),
        last_cycle_pairs=draw(st.lists(pair, max_size=3)),
        existing_peer_visits=draw(
            st.lists(
                st.tuples(st.sampled_from(agency_ids), st.sampled_from(agency_ids)), max_size=2
            )
        ),
    )
    return events, people, ctx


@st.composite
def mutual_challenges(draw):
    """Events at agencies 0, 1 and 2 with willing visitors everywhere: every peer visit risks
    reciprocity."""
    sectors = draw(st.lists(st.sampled_from(SECTORS), min_size=3, max_size=3))
    people = [
        Person(
            id=pid,
            name=f"P{pid}",
            agency_id=draw(st.integers(0, 2)),
            sector="",
            is_lead_eligible=draw(st.booleans()),
            is_peer_eligible=True,
            visits_last_three_cycles=draw(st.integers(0, 2)),
            previous_visits_total=draw(st.integers(0, 1)),
        )
        for pid in range(draw(st.integers(3, 6)))
    ]
    people = [Person(**{**p.__dict__, "sector": sectors[p.agency_id]}) for p in people]
    events = [
        Event(
            id=100 + i,
            agency_id=a,
            agency_name=f"Agency {a}",
            sector=sectors[a],
            date=draw(st.sampled_from([DAY1, DAY2])),
        )
        for i, a in enumerate(draw(st.lists(st.integers(0, 2), min_size=2, max_size=3)))
    ]
    existing = draw(st.lists(st.tuples(st.integers(0, 2), st.integers(0, 2)), max_size=1))
    return events, people, Context(existing_peer_visits=existing)


FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# ---------------------------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("reduce", [False, True], ids=["full-model", "reduced-cost-pruning"])
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instance=st.one_of(instances(), mutual_challenges()))
def test_solver_matches_brute_force_optimum(instance, reduce):
    events, people, ctx = instance
    proposal = propose(events, people, ctx, reduce=reduce)
    assert proposal.status == "optimal"
    best_paired, best_neg_cost = brute_force(events, people, ctx)
    assert (proposal.paired_count, proposal.total_cost) == (best_paired, -best_neg_cost)


@FAST
@given(instances(max_people=6))
def test_every_proposal_obeys_every_hard_rule_and_keeps_pins(instance):
    events, people, ctx = instance
    proposal = propose(events, people, ctx)
    by_id = {p.id: p for p in people}
    assert violations(events, by_id, ctx, proposal.assignment()) == []
    for ev, pairing in zip(events, proposal.pairings):
        assert pairing.event_id == ev.id
        if ev.pinned_lead_id is not None:
            assert pairing.lead_id == ev.pinned_lead_id and pairing.pinned_lead
        if ev.pinned_peer_id is not None:
            assert pairing.peer_id == ev.pinned_peer_id and pairing.pinned_peer
        # An event is either fully paired or keeps only its pins.
        if not pairing.paired:
            assert (pairing.lead_id, pairing.peer_id) == (ev.pinned_lead_id, ev.pinned_peer_id)
    assert proposal.total_cost == reference_cost(events, by_id, ctx, proposal.assignment())
    assert proposal.objective == proposal.total_cost + proposal.unpaired_penalty * len(
        proposal.unpaired_event_ids
    )


@FAST
@given(mutual_challenges())
def test_agencies_never_challenge_each_other_in_one_proposal(instance):
    events, people, ctx = instance
    proposal = propose(events, people, ctx)
    assert violations(events, {p.id: p for p in people}, ctx, proposal.assignment()) == []


@st.composite
def medium_instances(draw):
    """Bigger than brute force can check: 4-8 events, 20-40 people, several per agency and day."""
    rng = random.Random(draw(st.integers(0, 10**6)))
    days = [DAY1, DAY2, date(2027, 3, 26)]
    agencies = [(i, rng.choice(SECTORS)) for i in range(8)]
    people = []
    for pid in range(rng.randint(20, 40)):
        agency, sector = rng.choice(agencies)
        is_lead = rng.random() < 0.4
        first = rng.random() < 0.25
        people.append(
            Person(
                id=pid,
                name=f"P{pid}",
                agency_id=agency,
                sector=sector,
                is_lead_eligible=is_lead,
                is_peer_eligible=not is_lead or rng.random() < 0.5,
                max_visits=rng.choice([1, 2, 2, 3]),
                visits_this_cycle=rng.choice([0, 0, 1]),
                visits_last_three_cycles=rng.randint(0, 3),
                previous_visits_total=0 if first else rng.randint(1, 5),
                unavailable_dates=frozenset(d for d in days if rng.random() < 0.15),
                conflict_agency_ids=frozenset(a for a, _ in agencies if rng.random() < 0.05),
                visited_agency_ids=frozenset(a for a, _ in agencies if rng.random() < 0.1),
            )
        )
    events = []
    for eid in range(rng.randint(4, 8)):
        agency, sector = rng.choice(agencies)
        pin = rng.random() < 0.15
        events.append(
            Event(
                100 + eid,
                agency,
                f"Agency {agency}",
                sector,
                rng.choice(days),
                pinned_lead_id=rng.choice(people).id if pin else None,
            )
        )
    ids = [p.id for p in people]
    ctx = Context(
        never_pair=[tuple(rng.sample(ids, 2)) for _ in range(4)],
        last_cycle_pairs=[tuple(rng.sample(ids, 2)) for _ in range(8)],
        existing_peer_visits=[tuple(rng.sample(range(8), 2)) for _ in range(3)],
    )
    return events, people, ctx


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(medium_instances())
def test_reduced_cost_pruning_never_changes_the_optimum(instance):
    events, people, ctx = instance
    pruned, full = (
        propose(events, people, ctx, reduce=True),
        propose(events, people, ctx, reduce=False),
    )
    assert pruned.status == full.status == "optimal"
    assert (pruned.paired_count, pruned.total_cost, pruned.objective) == (
        full.paired_count,
        full.total_cost,
        full.objective,
    )
    assert violations(events, {p.id: p for p in people}, ctx, pruned.assignment()) == []


@FAST
@given(st.one_of(instances(max_people=6), mutual_challenges()))
def test_relaxation_bounds_the_cost_of_every_candidate_used(instance):
    # The pruning proof in one line: an assignment pairing every pairable event that uses
    # (slot, person) costs at least bound + reduced cost of that candidate.
    events, people, ctx = instance
    problem = prepare(events, people, ctx)
    relaxation = relax(problem)
    proposal = propose(events, people, ctx, reduce=False)
    pairable = sum(1 for i in range(len(events)) if is_pairable(problem, i))
    if relaxation is None or proposal.paired_count < pairable:
        return  # the bound speaks only of assignments that pair every pairable event
    variable_cost = proposal.total_cost - Model(problem).build().constant
    for index, ev in enumerate(events):
        pairing = proposal.pairing_for(ev.id)
        for role, pid in ((LEAD, pairing.lead_id), (PEER, pairing.peer_id)):
            if ev.pinned(role) is None and pid is not None:
                assert (
                    relaxation.bound + relaxation.reduced_costs[(index, role, pid)] <= variable_cost
                )


def test_a_tiny_time_limit_still_gives_a_valid_proposal():
    people = [lead(i, agency=f"L{i}") for i in range(10)] + [
        peer(20 + i, agency=f"P{i}") for i in range(10)
    ]
    events = [event(i, agency=f"V{i}", day=[DAY1, DAY2][i % 2]) for i in range(6)]
    proposal = propose(events, people, time_limit_s=0.0)
    assert proposal.status in ("optimal", "feasible")
    assert violations(events, {p.id: p for p in people}, Context(), proposal.assignment()) == []


@FAST
@given(instances(max_people=6))
def test_greedy_assignment_obeys_every_hard_rule(instance):
    events, people, ctx = instance
    assignment = greedy_assignment(events, people, ctx)
    assert violations(events, {p.id: p for p in people}, ctx, assignment) == []


@FAST
@given(instances(max_people=6), st.data())
def test_swap_candidates_are_exactly_the_people_who_keep_the_rules(instance, data):
    events, people, ctx = instance
    proposal = propose(events, people, ctx)
    ev = data.draw(st.sampled_from(events))
    role = data.draw(st.sampled_from([LEAD, PEER]))
    assignment = proposal.assignment()
    offered = {
        c.person.id: c
        for c in candidates(ev, role, people, ctx, events=events, assignment=assignment)
    }
    by_id = {p.id: p for p in people}
    base = reference_cost(
        events, by_id, ctx, {**assignment, ev.id: _with_slot(assignment[ev.id], role, None)}
    )
    for p in people:
        trial = {**assignment, ev.id: _with_slot(assignment[ev.id], role, p.id)}
        trial_events = [e if e.id != ev.id else _unpin(e, role) for e in events]
        # The proposal is clean, so any breach in the trial is caused by putting p in the slot.
        allowed = not violations(trial_events, by_id, ctx, trial)
        assert (p.id in offered) == allowed, (p, violations(trial_events, by_id, ctx, trial))
        if allowed:
            assert offered[p.id].cost == reference_cost(events, by_id, ctx, trial) - base
        rules = check_hard_rules(
            ev, role, p, ctx, people=people, events=events, assignment=assignment
        )
        assert (rules == ()) == allowed


def _with_slot(pair, role, pid):
    return (pid, pair[1]) if role == LEAD else (pair[0], pid)


def _unpin(ev, role):
    return replace(
        ev,
        pinned_lead_id=None if role == LEAD else ev.pinned_lead_id,
        pinned_peer_id=None if role == PEER else ev.pinned_peer_id,
    )


# ---------------------------------------------------------------------------------------------
# Hard rules, one by one
# ---------------------------------------------------------------------------------------------


def test_conflicted_reviewer_is_never_proposed():
    conflicted = peer(1, conflict_agency_ids=frozenset({"V"}))
    other = peer(2, sector="police")  # dearer, but allowed
    pairing = only(propose([event(1)], [lead(9), conflicted, other]))
    assert pairing.peer_id == 2


def test_conflicted_lead_is_never_proposed():
    pairing = only(
        propose([event(1)], [lead(1, conflict_agency_ids=frozenset({"V"})), lead(2), peer(3)])
    )
    assert pairing.lead_id == 2


def test_nobody_visits_their_own_agency():
    pairing = only(
        propose(
            [event(1)],
            [lead(1, agency="V"), lead(2), peer(3, agency="V"), peer(4, sector="police")],
        )
    )
    assert (pairing.lead_id, pairing.peer_id) == (2, 4)


def test_nobody_reviews_an_agency_of_their_own_parent_organisation():
    # A council's Family Help reviewer is never proposed for the same council's Children's Services
    services = event(
        1, agency="CS", sector="childrens-social-care", organisation="Northbrook Council"
    )
    family_help = peer(
        2, agency="FH", sector="childrens-social-care", organisation="Northbrook Council"
    )
    school = peer(3, agency="S", sector="education", organisation="")
    proposal = propose([services], [lead(1), family_help, school])
    assert only(proposal).peer_id == 3
    assert check_hard_rules(services, PEER, family_help) == (HardRule.OWN_ORGANISATION,)
    council_lead = lead(4, agency="HS", organisation="Northbrook Council")
    assert only(propose([services], [council_lead, lead(1), family_help, school])).lead_id == 1


def test_nobody_visits_the_same_agency_twice_in_one_proposal():
    # Two events at one agency on different days: the only cheap peer goes to one of them only.
    first, second = event(1, agency="V", day=DAY1), event(2, agency="V", day=DAY2)
    people = [lead(1), lead(2), peer(3), peer(4, agency="Q", sector="police")]
    proposal = propose([first, second], people)
    peers = [p.peer_id for p in proposal.pairings]
    leads = [p.lead_id for p in proposal.pairings]
    assert sorted(peers) == [3, 4] and sorted(leads) == [1, 2]
    assert check_hard_rules(
        second, PEER, people[2], people=people, events=[first, second], assignment={1: (1, 3)}
    ) == (HardRule.SAME_AGENCY_TWICE,)


def test_a_person_below_their_fewest_visits_is_favoured_then_not():
    # Same sector both; 2 has three visits in the last three cycles (9 points) but is asked for at
    # least one visit this cycle (50 points off it): 2 goes first, then 3 for the second event.
    first, second = event(1, agency="V", day=DAY1), event(2, agency="W", day=DAY2)
    people = [
        lead(1),
        lead(4),
        peer(2, visits_last_three_cycles=3, min_visits=1),
        peer(3, agency="Q"),
    ]
    proposal = propose([first], people)
    assert only(proposal).peer_id == 2 and only(proposal).breakdown["peer_minimum"] == -50
    both = propose([first, second], people)
    assert sorted(p.peer_id for p in both.pairings) == [2, 3]


def test_unavailable_person_is_never_proposed():
    pairing = only(
        propose(
            [event(1)],
            [lead(9), peer(1, unavailable_dates=frozenset({DAY1})), peer(2, sector="police")],
        )
    )
    assert pairing.peer_id == 2


def test_person_already_visiting_elsewhere_that_day_is_not_proposed():
    pairing = only(
        propose(
            [event(1)], [lead(9), peer(1, busy_dates=frozenset({DAY1})), peer(2, sector="police")]
        )
    )
    assert pairing.peer_id == 2


def test_two_events_on_the_same_day_never_share_a_person():
    people = [lead(1), lead(2), peer(3), peer(4, sector="police")]
    proposal = propose([event(1), event(2, agency="W")], people)
    ids = [pid for p in proposal.pairings for pid in (p.lead_id, p.peer_id)]
    assert proposal.paired_count == 2 and len(set(ids)) == 4


def test_one_person_never_fills_both_roles_of_an_event():
    both = person(1, agency="B", lead=True, peer=True)
    proposal = propose([event(1)], [both])
    assert proposal.unpaired_event_ids == (1,)
    assert only(propose([event(1)], [both, lead(2)])).lead_id == 2


def test_maximum_visits_counts_existing_visits():
    full = lead(1, visits_this_cycle=2)  # default maximum is 2
    assert only(propose([event(1)], [full, lead(2, visits_this_cycle=1), peer(3)])).lead_id == 2
    assert propose([event(1)], [full, peer(3)]).paired_count == 0


def test_maximum_visits_counts_visits_in_the_same_proposal():
    busy = lead(1, max_visits=2, visits_this_cycle=1)
    people = [busy, peer(2), peer(3, agency="Q")]
    proposal = propose([event(1), event(2, agency="W", day=DAY2)], people)
    assert proposal.paired_count == 1


def test_reciprocal_challenge_with_an_existing_visit_is_not_proposed():
    # A peer from V already challenges agency P this cycle, so P's peers may not challenge V.
    ctx = Context(existing_peer_visits={("V", "P")})
    pairing = only(
        propose(
            [event(1)], [lead(9), peer(1, agency="P"), peer(2, agency="Q", sector="police")], ctx
        )
    )
    assert pairing.peer_id == 2


def test_reciprocal_challenge_within_one_proposal_is_not_proposed():
    events = [
        event(1, agency="X", sector="health"),
        event(2, agency="Y", sector="police", day=DAY2),
    ]
    people = [
        lead(8),
        lead(9, agency="M"),
        peer(1, agency="Y", sector="health"),
        peer(2, agency="X", sector="police"),
        peer(3, agency="Z", sector="education"),
    ]
    proposal = propose(events, people)
    assert proposal.paired_count == 2
    peers = {p.event_id: p.peer_id for p in proposal.pairings}
    assert not (peers[1] == 1 and peers[2] == 2)


def test_never_pair_is_respected():
    ctx = Context(never_pair={(1, 3)})
    pairing = only(propose([event(1)], [lead(1), lead(2, visits_this_cycle=1), peer(3)], ctx))
    assert (pairing.lead_id, pairing.peer_id) == (2, 3)


def test_never_pair_can_leave_an_event_unpaired():
    ctx = Context(never_pair={frozenset({1, 3})})
    assert propose([event(1)], [lead(1), peer(3)], ctx).unpaired_event_ids == (1,)


def test_pinned_visitors_are_kept_even_against_the_rules():
    conflicted = lead(1, conflict_agency_ids=frozenset({"V"}))
    pairing = only(propose([event(1, pinned_lead_id=1)], [conflicted, lead(2), peer(3)]))
    assert (pairing.lead_id, pairing.peer_id, pairing.pinned_lead, pairing.pinned_peer) == (
        1,
        3,
        True,
        False,
    )


def test_solver_fills_round_a_pinned_peer_respecting_never_pair():
    ctx = Context(never_pair={(1, 3)})
    pairing = only(
        propose([event(1, pinned_peer_id=3)], [lead(1), lead(2, visits_this_cycle=1), peer(3)], ctx)
    )
    assert (pairing.lead_id, pairing.peer_id) == (2, 3)


def test_pinned_visitor_uses_up_their_day_and_load_for_other_events():
    people = [lead(1), lead(2, visits_this_cycle=1), peer(3), peer(4, agency="Q")]
    events = [event(1, pinned_lead_id=1), event(2, agency="W")]
    proposal = propose(events, people)
    assert proposal.pairing_for(2).lead_id == 2  # lead 1 is pinned elsewhere that day


def test_pinned_peer_counts_towards_reciprocity():
    events = [event(1, agency="X", pinned_peer_id=1), event(2, agency="Y", day=DAY2)]
    people = [
        lead(8),
        peer(1, agency="Y"),
        peer(2, agency="X"),
        peer(3, agency="Z", sector="police"),
    ]
    proposal = propose(events, people)
    assert proposal.pairing_for(2).peer_id == 3


def test_unknown_pinned_person_is_rejected():
    with pytest.raises(ValueError, match="unknown person"):
        propose([event(1, pinned_lead_id=42)], [lead(1), peer(2)])


def test_check_hard_rules_names_each_broken_rule():
    ev = event(1, pinned_lead_id=7)
    p = person(
        7,
        agency="V",
        lead=False,
        peer=True,
        conflict_agency_ids=frozenset({"V"}),
        unavailable_dates=frozenset({DAY1}),
        busy_dates=frozenset({DAY1}),
        visits_this_cycle=2,
    )
    assert check_hard_rules(ev, PEER, p, Context(existing_peer_visits={("V", "V")})) == (
        HardRule.OWN_AGENCY,
        HardRule.CONFLICT,
        HardRule.SAME_PERSON,
        HardRule.UNAVAILABLE,
        HardRule.BUSY,
        HardRule.AT_MAXIMUM,
        HardRule.RECIPROCAL,
    )
    assert check_hard_rules(ev, LEAD, p)[0] is HardRule.NOT_ELIGIBLE
    assert check_hard_rules(event(1), PEER, peer(3)) == ()


# ---------------------------------------------------------------------------------------------
# Soft preferences
# ---------------------------------------------------------------------------------------------


def test_same_sector_peer_is_chosen_over_related_over_unrelated():
    same, related, unrelated = (
        peer(1, sector="health"),
        peer(2, agency="Q", sector="early-years"),
        peer(3, agency="R", sector="police"),
    )
    assert only(propose([event(1)], [lead(9), unrelated, related, same])).peer_id == 1
    assert only(propose([event(1)], [lead(9), unrelated, related])).peer_id == 2
    assert only(propose([event(1)], [lead(9), unrelated])).peer_id == 3


def test_lead_sector_does_not_matter():
    pairing = only(
        propose(
            [event(1)],
            [
                lead(1, sector="police"),
                lead(2, sector="health", visits_last_three_cycles=1),
                peer(3),
            ],
        )
    )
    assert pairing.lead_id == 1


def test_less_loaded_person_is_preferred():
    assert (
        only(
            propose([event(1)], [lead(9), peer(1, visits_this_cycle=1), peer(2, agency="Q")])
        ).peer_id
        == 2
    )
    assert (
        only(
            propose(
                [event(1)],
                [
                    lead(9),
                    peer(1, visits_last_three_cycles=3),
                    peer(2, agency="Q", visits_last_three_cycles=1),
                ],
            )
        ).peer_id
        == 2
    )


def test_load_is_spread_across_people_within_one_proposal():
    events = [event(1), event(2, agency="W", day=DAY2)]
    proposal = propose(events, [lead(1), lead(2), peer(3), peer(4, agency="Q")])
    assert {p.lead_id for p in proposal.pairings} == {1, 2}
    assert {p.peer_id for p in proposal.pairings} == {3, 4}


def test_last_cycle_pairing_is_avoided():
    ctx = Context(last_cycle_pairs={(1, 3)})
    assert only(propose([event(1)], [lead(1), lead(2), peer(3)], ctx)).lead_id == 2


def test_revisiting_an_agency_is_avoided():
    people = [lead(1, visited_agency_ids=frozenset({"V"})), lead(2), peer(3)]
    assert only(propose([event(1)], people)).lead_id == 2


def test_two_first_timers_are_avoided_when_possible():
    people = [
        lead(1, previous_visits_total=0),
        lead(2, visits_last_three_cycles=2),
        peer(3, previous_visits_total=0),
    ]
    pairing = only(propose([event(1)], people))
    assert pairing.lead_id == 2
    assert "two_first_timers" not in pairing.breakdown


def test_two_first_timers_are_paired_when_there_is_no_one_else():
    pairing = only(
        propose([event(1)], [lead(1, previous_visits_total=0), peer(3, previous_visits_total=0)])
    )
    assert pairing.paired and pairing.breakdown["two_first_timers"] == costs.TWO_FIRST_TIMERS_COST


def test_pairing_more_events_beats_any_cost_saving():
    # Peer 3 is the only same-sector peer for both; giving event 1 the cheap peer would strand event
    # 2.
    events = [event(1, sector="health"), event(2, agency="W", sector="health", day=DAY1)]
    people = [
        lead(1),
        lead(2),
        peer(3),
        peer(4, agency="Q", sector="police", conflict_agency_ids=frozenset({"W"})),
    ]
    proposal = propose(events, people)
    assert proposal.paired_count == 2
    assert proposal.pairing_for(2).peer_id == 3


def test_breakdown_itemises_the_cost():
    ctx = Context(last_cycle_pairs={(1, 3)})
    people = [
        lead(
            1, visits_this_cycle=1, visits_last_three_cycles=2, visited_agency_ids=frozenset({"V"})
        ),
        peer(3, sector="early-years"),
    ]
    pairing = only(propose([event(1)], people, ctx))
    assert pairing.breakdown == {
        "lead_load": 16,
        "lead_repeat_agency": costs.REPEAT_AGENCY_VISIT_COST,
        "peer_sector": costs.RELATED_SECTOR_COST,
        "repeat_pairing": costs.REPEAT_PAIRING_COST,
    }
    assert pairing.cost == sum(pairing.breakdown.values())


# ---------------------------------------------------------------------------------------------
# Tables, API behaviour and module hygiene
# ---------------------------------------------------------------------------------------------


def test_related_sectors_table_is_symmetric_and_uses_known_slugs():
    for sector, related in RELATED_SECTORS.items():
        assert sector in SECTOR_LABELS and sector not in related
        for other in related:
            assert sector in RELATED_SECTORS[other]
    assert sector_relation("Health", "early years") == "related"
    assert sector_relation("Police", "Youth justice") == "related"
    assert sector_relation("housing", "voluntary") == "related"
    assert sector_relation("police", "health") == "unrelated"


def test_sector_labels_are_normalised_to_slugs():
    assert sector_slug("Children's social care") == "childrens-social-care"
    assert sector_slug("  Youth_Justice ") == "youth-justice"
    assert sector_relation("Children’s Social Care", "childrens-social-care") == "same"


def test_results_are_repeatable_and_proven_optimal():
    people = [lead(i, agency=f"L{i}") for i in range(6)] + [
        peer(10 + i, agency=f"P{i}") for i in range(6)
    ]
    events = [event(i, agency=f"V{i}") for i in range(3)]
    first, second = propose(events, people), propose(events, people)
    assert first.assignment() == second.assignment()
    assert first.status == "optimal" and first.solver_status == "OPTIMAL"


def test_candidates_are_allowed_people_cheapest_first_with_reasons():
    ev = event(1)
    people = [
        lead(9),
        peer(1, sector="police"),
        peer(2, agency="Q"),
        peer(3, conflict_agency_ids=frozenset({"V"})),
    ]
    found = candidates(ev, PEER, people, assignment={1: (9, 2)}, events=[ev])
    assert [c.person.id for c in found] == [2, 1]
    assert found[0].cost == 0 and found[1].cost == costs.UNRELATED_SECTOR_COST
    assert found[0].reasons[0] == "Same sector: Health"


def test_candidates_count_the_persons_other_visits_in_the_proposal():
    events = [event(1), event(2, agency="W", day=DAY2)]
    people = [lead(9), lead(8), peer(2, agency="Q")]
    found = candidates(events[0], PEER, people, events=events, assignment={1: (9, None), 2: (8, 2)})
    assert found[0].cost == costs.VISIT_THIS_CYCLE_COST
    assert "1 visit this cycle (including 1 in this proposal)" in found[0].reasons


def test_empty_inputs_give_an_empty_proposal():
    proposal = propose([], [])
    assert proposal.pairings == () and proposal.status == "optimal" and proposal.objective == 0


# The pairing folder also holds the capability's web side; these modules may use the database and
# Flask.
ADAPTERS = {
    "__init__.py",  # the capability's declaration: its blueprints and what it brings
    "models.py",
    "inputs.py",
    "planning.py",
    "apply.py",
    "never.py",
    "queries.py",  # the pairing pages' reads
    "forms.py",
    "views.py",
    "people_views.py",
    "demo.py",
}


def test_pairing_modules_import_neither_flask_nor_peewee():
    for path in PAIRING_DIR.glob("*.py"):
        tree = ast.parse(path.read_text())
        assert ast.get_docstring(tree) and "\n" not in ast.get_docstring(tree).split("\n\n")[0], (
            path
        )
        if path.name in ADAPTERS:
            continue
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            for name in names:
                assert name.split(".")[0] not in {
                    "flask",
                    "flask_login",
                    "flask_wtf",
                    "peewee",
                    "qa",
                } or (
                    name.startswith("qa.pairing") and name.split(".")[-1] + ".py" not in ADAPTERS
                ), f"{path.name} imports {name}"
