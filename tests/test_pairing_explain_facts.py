"""Every fact behind every pairing explanation, on random instances, checked against the rules and
costs written again from the spec (tests/test_pairing_solver.py's reference), not from the engine.
"""

from dataclasses import replace
from datetime import date

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from qa.pairing import facts as F
from qa.pairing.costs import RELATED_SECTORS, sector_slug
from qa.pairing.data import LEAD, PEER, Context, Event, HardRule, Person
from qa.pairing.explain import explain_pairing_lines
from qa.pairing.solver import propose
from tests.test_pairing_solver import instances, reference_cost

RANK = {"same": 0, "related": 1, "unrelated": 2}


def relation(peer_sector, visited_sector):
    a, b = sector_slug(peer_sector), sector_slug(visited_sector)
    if a == b:
        return "same"
    return "related" if a in RELATED_SECTORS.get(b, ()) else "unrelated"


def broken(ev, role, p, partner_id, ctx, events, assignment):
    """Each hard rule p breaks in (ev, role), from the spec; assignment gives everyone else."""
    others = [e for e in events if e.id != ev.id and p.id in assignment.get(e.id, (None, None))]
    found = set()
    if not (p.is_lead_eligible if role == LEAD else p.is_peer_eligible):
        found.add(HardRule.NOT_ELIGIBLE)
    if p.agency_id == ev.agency_id:
        found.add(HardRule.OWN_AGENCY)
    if p.organisation and p.organisation == ev.organisation:
        found.add(HardRule.OWN_ORGANISATION)
    if ev.agency_id in p.conflict_agency_ids:
        found.add(HardRule.CONFLICT)
    if partner_id == p.id:
        found.add(HardRule.SAME_PERSON)
    if ev.date in p.unavailable_dates:
        found.add(HardRule.UNAVAILABLE)
    if ev.date in p.busy_dates or any(e.date == ev.date for e in others):
        found.add(HardRule.BUSY)
    if p.visits_this_cycle + len(others) >= p.max_visits:
        found.add(HardRule.AT_MAXIMUM)
    if any(e.agency_id == ev.agency_id for e in others):
        found.add(HardRule.SAME_AGENCY_TWICE)
    if role == PEER:
        by_id = {e.id: e for e in events}
        mirrored = any(
            e_id != ev.id
            and pair[1] is not None
            and PEOPLE[pair[1]].agency_id == ev.agency_id
            and by_id[e_id].agency_id == p.agency_id
            for e_id, pair in assignment.items()
        )
        if (ev.agency_id, p.agency_id) in ctx.existing_peer_visits or mirrored:
            found.add(HardRule.RECIPROCAL)
    if partner_id is not None and frozenset((partner_id, p.id)) in ctx.never_pair:
        found.add(HardRule.NEVER_PAIR)
    return found


PEOPLE = {}  # person id -> Person of the instance being checked (set per example)


def with_slot(assignment, ev, role, person_id):
    pair = list(assignment[ev.id])
    pair[0 if role == LEAD else 1] = person_id
    return {**assignment, ev.id: tuple(pair)}


def check_pairing(ev, events, people, ctx, assignment, optimal):
    lead_id, peer_id = assignment[ev.id]
    chosen = {LEAD: PEOPLE[lead_id], PEER: PEOPLE[peer_id]}
    found = F.pairing_facts(
        ev, chosen[LEAD], chosen[PEER], ctx, people=people, events=events, assignment=assignment
    )
    base = reference_cost(events, PEOPLE, ctx, assignment)

    def delta(role, other_id):
        return reference_cost(events, PEOPLE, ctx, with_slot(assignment, ev, role, other_id)) - base

    def partner(role):
        return chosen[PEER if role == LEAD else LEAD].id

    def free_alternatives(role):
        """{person id: cost difference} of everyone who could take the slot instead, the rest
        staying as it is."""
        rest = with_slot(assignment, ev, role, None)
        return {
            p.id: delta(role, p.id)
            for p in people
            if p.id != chosen[role].id and not broken(ev, role, p, partner(role), ctx, events, rest)
        }

    kinds = {}
    for fact in found:
        kinds.setdefault((fact.kind, fact.role), []).append(fact)
        check_fact(fact, ev, events, people, ctx, assignment, chosen, partner, delta)

    for role in (LEAD, PEER):
        pinned = ev.pinned(role) == chosen[role].id
        assert bool(kinds.get((F.PINNED, role))) == pinned
        me = chosen[role]
        assert bool(kinds.get((F.SECTOR_WISH, role))) == (
            sector_slug(ev.sector) in me.preferred_sectors
        )
        day_wish = ev.date in me.avoided_dates or ev.date in me.preferred_dates
        assert bool(kinds.get((F.DATE_WISH, role))) == day_wish
        alternatives = free_alternatives(role)
        cheaper = [d for d in alternatives.values() if d < 0]
        stated = kinds.get((F.CHEAPER, role), [])
        assert bool(stated) == bool(cheaper)
        if cheaper:
            assert stated[0].amount == min(cheaper)  # the best alternative is the one named
            assert pinned or not optimal  # an optimum is never beaten by one swap
        if not pinned:
            assert bool(kinds.get((F.TIE, role))) == (0 in alternatives.values())
        if role == PEER and not pinned:
            mine = RANK[relation(chosen[PEER].sector, ev.sector)]
            closer = {
                pid: d
                for pid, d in alternatives.items()
                if RANK[relation(PEOPLE[pid].sector, ev.sector)] < mine
            }
            nobody = kinds.get((F.NOBODY_CLOSER, PEER), [])
            assert bool(nobody) == (mine > 0 and not closer)
            dearer = kinds.get((F.CLOSER_FREE, PEER), [])
            assert bool(dearer) == bool(closer and min(closer.values()) > 0)
            if dearer:
                assert dearer[0].amount == min(closer.values())
            if nobody:
                rest = with_slot(assignment, ev, PEER, None)
                blocked = [
                    broken(ev, PEER, p, lead_id, ctx, events, rest)
                    for p in people
                    if p.is_peer_eligible
                    and p.id != peer_id
                    and RANK[relation(p.sector, ev.sector)] < mine
                ]
                assert sum(n for _, n in nobody[0].blocked) == len(blocked)
                for rule, n in nobody[0].blocked:
                    assert n <= sum(rule in b for b in blocked)
    # Every explanation renders, one line per fact that has words of its own
    lines = explain_pairing_lines(
        ev, chosen[LEAD], chosen[PEER], ctx, people=people, events=events, assignment=assignment
    )
    assert lines and all(text.endswith(".") for _, text in lines)


def check_fact(fact, ev, events, people, ctx, assignment, chosen, partner, delta):
    role = fact.role
    if fact.kind == F.SECTOR:
        assert fact.relation == relation(chosen[PEER].sector, ev.sector)
    elif fact.kind == F.LOAD:
        visits = [e.id for e in events if fact.person_id in assignment.get(e.id, (None, None))]
        assert fact.amount == len(visits)
        assert set(fact.events) == set(visits) - {ev.id}
    elif fact.kind == F.HISTORY:
        assert fact.amount == int(ev.agency_id in PEOPLE[fact.person_id].visited_agency_ids)
    elif fact.kind in (F.CHEAPER, F.TIE, F.CLOSER_FREE):
        rest = with_slot(assignment, ev, role, None)
        assert not broken(ev, role, PEOPLE[fact.other_id], partner(role), ctx, events, rest)
        assert fact.amount == delta(role, fact.other_id)
        assert sum(v for _, v in fact.terms) == fact.amount
        assert {F.CHEAPER: fact.amount < 0, F.TIE: fact.amount == 0}.get(fact.kind, fact.amount > 0)
        if fact.kind == F.CLOSER_FREE:
            mine = RANK[relation(chosen[PEER].sector, ev.sector)]
            assert RANK[relation(PEOPLE[fact.other_id].sector, ev.sector)] < mine
    elif fact.kind == F.TAKEN:
        other = PEOPLE[fact.other_id]
        rest = with_slot(assignment, ev, role, None)
        rules = broken(ev, role, other, partner(role), ctx, events, rest)
        assert rules and rules <= {HardRule.BUSY, HardRule.AT_MAXIMUM}
        by_id = {e.id: e for e in events}
        for taker in fact.events:
            assert fact.other_id in assignment[taker] and taker != ev.id
            if fact.rule is HardRule.BUSY:
                assert by_id[taker].date == ev.date
        assert fact.amount == delta(role, fact.other_id) < 0
    elif fact.kind == F.BREACH:
        assert fact.rule in broken(ev, role, chosen[role], partner(role), ctx, events, assignment)
        assert ev.pinned(role) == chosen[role].id  # the proposal itself never breaks a rule
    elif fact.kind == F.NO_CONFLICTS:
        for r in (LEAD, PEER):
            assert not broken(ev, r, chosen[r], partner(r), ctx, events, assignment)
    elif fact.kind == F.SECTOR_WISH:
        assert sector_slug(ev.sector) in PEOPLE[fact.person_id].preferred_sectors
    elif fact.kind == F.DATE_WISH:
        me = PEOPLE[fact.person_id]
        if fact.amount > 0:
            assert ev.date in me.avoided_dates
        else:
            assert ev.date in me.preferred_dates and ev.date not in me.avoided_dates
    elif fact.kind == F.LAST_CYCLE:
        assert frozenset((chosen[LEAD].id, chosen[PEER].id)) in ctx.last_cycle_pairs
    elif fact.kind == F.FIRST_TIMERS:
        assert chosen[LEAD].previous_visits_total == chosen[PEER].previous_visits_total == 0
    elif fact.kind == F.NEWCOMER:
        assert PEOPLE[fact.person_id].previous_visits_total == 0
        assert PEOPLE[fact.other_id].previous_visits_total > 0


def plain(instance):
    """The instance with little history, so that ties and closer but dearer peers are common."""
    events, people, ctx = instance
    people = [
        replace(
            p, visits_last_three_cycles=0, visited_agency_ids=frozenset(), previous_visits_total=2
        )
        for p in people
    ]
    return events, people, Context(existing_peer_visits=ctx.existing_peer_visits)


def two_sectors(instance):
    """The instance with health and early years only, busy people included, so that a closer peer
    is often free but dearer."""
    events, people, ctx = instance

    def sector(agency):
        return "health" if agency % 2 == 0 else "early-years"

    people = [
        replace(p, sector=sector(p.agency_id), visits_last_three_cycles=3 * p.visits_this_cycle)
        for p in people
    ]
    events = [replace(e, sector=sector(e.agency_id)) for e in events]
    return events, people, ctx


DAY = date(2027, 3, 12)
CLOSER_BUT_DEARER = (
    [Event(id=1, agency_id="V", agency_name="Agency V", sector="health", date=DAY)],
    [
        Person(1, "Ann", "L", "police", True, False),
        Person(
            2,
            "Dee",
            "P",
            "health",
            False,
            True,
            visits_this_cycle=1,
            visits_last_three_cycles=10,
            visited_agency_ids=frozenset({"V"}),
        ),
        Person(3, "Eve", "Q", "early-years", False, True),
    ],
    Context(),
)


@example(CLOSER_BUT_DEARER)
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        instances(max_people=6),
        instances(max_people=7, pins=False).map(plain),
        instances(max_people=7, pins=False).map(two_sectors),
    )
)
def test_every_fact_of_every_explanation_is_true(instance):
    events, people, ctx = instance
    PEOPLE.clear()
    PEOPLE.update({p.id: p for p in people})
    proposal = propose(events, people, ctx)
    assignment = proposal.assignment()
    for ev in events:
        if proposal.pairing_for(ev.id).paired:
            check_pairing(ev, events, people, ctx, assignment, proposal.status == "optimal")
