"""What is true of one pairing, as facts: explain.py puts them into words, and tests check each one.

A fact names its kind, the role and person it is about, and (where it compares) the other person,
the difference in cost and which cost terms made it, so no sentence can claim more than the facts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Hashable, Iterable, Mapping, Optional, Sequence

from qa.pairing import rules
from qa.pairing.costs import pair_breakdown, sector_relation, sector_slug, slot_breakdown
from qa.pairing.data import LEAD, PEER, Context, Event, HardRule, Person

PINNED = "pinned"  # the person was put in the slot by hand, not chosen by the proposal
SECTOR = "sector"  # relation: how the peer's sector sits against the visited agency's
NOBODY_CLOSER = "nobody_closer"  # no peer in a closer sector was free; blocked: first rule counts
CLOSER_FREE = "closer_free"  # other_id, in a closer sector, was free but costs `amount` more
TIE = "tie"  # other_id was free and costs the same (amount 0); terms show how it differs
CHEAPER = "cheaper"  # other_id was free and costs less (amount < 0): a pin's price, or not optimal
TAKEN = "taken"  # other_id would cost less here but `events` of this proposal took them
LOAD = "load"  # amount: visits in this proposal, this one included; events: the others
HISTORY = "history"  # amount 1 when the person has visited this agency before
LAST_CYCLE = "last_cycle"  # the lead and peer were paired together last cycle
FIRST_TIMERS = "first_timers"  # both are first-time visitors
SECTOR_WISH = "sector_wish"  # the person asked to review the visited agency's sector
DATE_WISH = "date_wish"  # amount 1: they would rather not visit that day; -1: they would like to
NEWCOMER = "newcomer"  # person_id is a first-time visitor, other_id has visited before
BREACH = "breach"  # rule: a hard rule person_id breaks here (only a pin can)
NO_CONFLICTS = "no_conflicts"

MOST_TIES = 3
"""Ties named per slot; more would bury the point."""

MOST_TAKEN = 2
"""Cheaper people taken by other events, named per slot."""


@dataclass(frozen=True)
class Fact:
    kind: str
    role: Optional[str] = None
    person_id: Hashable = None
    other_id: Hashable = None
    amount: int = 0
    terms: tuple = ()  # ((cost key, the other person's cost less this person's), ...)
    events: tuple = ()  # event ids
    relation: str = ""
    blocked: tuple = ()  # ((HardRule, how many it removed), ...), biggest first
    rule: Optional[HardRule] = None


def slot_cost(event, role, person, partner, context, earlier) -> dict:
    """What `person` adds to a proposal's cost in (event, role) beside `partner`, with `earlier`
    other visits in it: the same figure the swap list shows (solver.candidates)."""
    items = slot_breakdown(event, role, person, earlier)
    if partner is not None:
        lead, peer = (person, partner) if role == LEAD else (partner, person)
        items.update(pair_breakdown(lead, peer, context))
    return items


def difference(other: Mapping, mine: Mapping) -> tuple:
    """The cost terms where `other` differs from `mine`, as (key, other less mine)."""
    keys = list(dict.fromkeys([*mine, *other]))
    return tuple(
        (k, other.get(k, 0) - mine.get(k, 0)) for k in keys if other.get(k, 0) != mine.get(k, 0)
    )


class _Around:
    """The proposal round one event: who is committed where, and who else was free."""

    def __init__(self, event, lead, peer, people, context, events, assignment):
        self.event = event
        self.context = context
        self.chosen = {LEAD: lead, PEER: peer}
        self.people_by_id = {p.id: p for p in people}
        self.people_by_id.setdefault(lead.id, lead)
        self.people_by_id.setdefault(peer.id, peer)
        self.assignment = {**(assignment or {}), event.id: (lead.id, peer.id)}
        self.events = rules.with_event(events, event)
        self.events_by_id = {e.id: e for e in self.events}
        self.ledger = rules.Ledger(self.events, self.people_by_id, self.assignment)

    def partner(self, role):
        return self.chosen[PEER if role == LEAD else LEAD]

    def others_in_proposal(self, person_id) -> tuple:
        return tuple(e for e, _ in self.ledger.commitments.get(person_id, ()) if e != self.event.id)

    def cost(self, role, person) -> dict:
        # every other slot of theirs in the proposal, the other role here too (a pin may do both)
        here = int(self.chosen[role].id == person.id)
        earlier = len(self.ledger.commitments.get(person.id, ())) - here
        return slot_cost(self.event, role, person, self.partner(role), self.context, earlier)

    def breaches(self, role, person):
        partner = self.partner(role)
        return rules.breaches(self.event, role, person, self.context, self.ledger, partner.id)


def pairing_facts(
    event: Event,
    lead: Person,
    peer: Person,
    context: Optional[Context] = None,
    *,
    people: Iterable[Person] = (),
    events: Sequence[Event] = (),
    assignment: Optional[Mapping] = None,
) -> list:
    """Every fact the explanation of (lead, peer) at `event` rests on, in the order it says them.

    With `people` (everyone who might have gone) the facts compare the choice with who else was
    free; without, they describe the pair on its own.
    """
    people = tuple(people)
    around = _Around(event, lead, peer, people, context or Context(), events, assignment)
    facts = []
    for role in (PEER, LEAD):
        person = around.chosen[role]
        if event.pinned(role) == person.id:
            facts.append(Fact(PINNED, role, person.id))
        if role == PEER:
            relation = sector_relation(peer.sector, event.sector)
            facts.append(Fact(SECTOR, PEER, peer.id, relation=relation))
        others = around.others_in_proposal(person.id)
        facts.append(Fact(LOAD, role, person.id, amount=1 + len(others), events=others))
        visited = int(event.agency_id in person.visited_agency_ids)
        facts.append(Fact(HISTORY, role, person.id, amount=visited))
        facts.extend(_wish_facts(event, role, person))
        if people:
            facts.extend(_choice_facts(around, role, person))
    facts.extend(_together_facts(lead, peer, around.context))
    broken = [
        Fact(BREACH, role, around.chosen[role].id, around.partner(role).id, rule=rule)
        for role in (LEAD, PEER)
        for rule in around.breaches(role, around.chosen[role])
        if not (rule is HardRule.NEVER_PAIR and role == PEER)  # symmetric: said once
    ]
    return facts + (broken or [Fact(NO_CONFLICTS)])


def _wish_facts(event, role, person) -> list:
    """What the person said they would like, where it bears on this visit."""
    found = []
    if sector_slug(event.sector) in person.preferred_sectors:
        found.append(Fact(SECTOR_WISH, role, person.id))
    if event.date in person.avoided_dates:
        found.append(Fact(DATE_WISH, role, person.id, amount=1))
    elif event.date in person.preferred_dates:
        found.append(Fact(DATE_WISH, role, person.id, amount=-1))
    return found


def _together_facts(lead, peer, context) -> list:
    facts = []
    if frozenset((lead.id, peer.id)) in context.last_cycle_pairs:
        facts.append(Fact(LAST_CYCLE, person_id=lead.id, other_id=peer.id))
    if lead.is_first_timer and peer.is_first_timer:
        facts.append(Fact(FIRST_TIMERS, person_id=lead.id, other_id=peer.id))
    elif lead.is_first_timer or peer.is_first_timer:
        newcomer, guide = (lead, peer) if lead.is_first_timer else (peer, lead)
        facts.append(Fact(NEWCOMER, person_id=newcomer.id, other_id=guide.id))
    return facts


def _choice_facts(around: _Around, role: str, person: Person) -> list:
    """How the person in the slot compares with everyone else who was free for it."""
    mine = around.cost(role, person)
    mine_total = sum(mine.values())
    free = []  # (cost, name, id, breakdown) of each other person who could take the slot
    blocked = []  # (person, rules broken) of each other eligible person who could not
    for other in around.people_by_id.values():
        if other.id == person.id or not other.eligible_for(role):
            continue
        broken = around.breaches(role, other)
        if broken:
            blocked.append((other, broken))
        else:
            items = around.cost(role, other)
            free.append((sum(items.values()), other.name, repr(other.id), other, items))
    free.sort(key=lambda f: f[:3])
    facts = []

    def compare(kind, found):
        _, _, _, other, items = found
        terms = difference(items, mine)
        return Fact(kind, role, person.id, other.id, sum(v for _, v in terms), terms)

    cheaper = [f for f in free if f[0] < mine_total]
    if cheaper:
        facts.append(compare(CHEAPER, cheaper[0]))
    pinned = around.event.pinned(role) == person.id
    if not pinned:
        ties = [f for f in free if f[0] == mine_total]
        facts.extend(compare(TIE, f) for f in ties[:MOST_TIES])
    if role == PEER and not pinned:
        facts.extend(_sector_choice(around, person, free, blocked, mine_total, compare))
    facts.extend(_taken(around, role, person, blocked, mine_total))
    return facts


def _sector_choice(around, peer, free, blocked, mine_total, compare) -> list:
    event = around.event
    relation = sector_relation(peer.sector, event.sector)
    if relation == "same":
        return []
    better = ("same",) if relation == "related" else ("same", "related")
    closer = [f for f in free if sector_relation(f[3].sector, event.sector) in better]
    dearer = [f for f in closer if f[0] > mine_total]
    if closer:
        # a cheaper or tied closer peer is already named by CHEAPER or TIE
        return [compare(CLOSER_FREE, dearer[0])] if dearer and len(dearer) == len(closer) else []
    counts = {}
    for other, broken in blocked:
        if sector_relation(other.sector, event.sector) in better:
            counts[broken[0]] = counts.get(broken[0], 0) + 1
    ranked = sorted((rule for rule in HardRule if counts.get(rule)), key=lambda r: -counts[r])
    blamed = tuple((rule, counts[rule]) for rule in ranked)
    return [Fact(NOBODY_CLOSER, PEER, peer.id, relation=relation, blocked=blamed)]


def _taken(around, role, person, blocked, mine_total) -> list:
    """People who would cost less here but whom another event of this proposal took: on the same
    day, or up to their maximum."""
    event = around.event
    found = []
    for other, broken in blocked:
        if not set(broken) <= {HardRule.BUSY, HardRule.AT_MAXIMUM}:
            continue
        others = around.others_in_proposal(other.id)
        same_day = tuple(e for e in others if around.events_by_id[e].date == event.date)
        if HardRule.BUSY in broken and (event.date in other.busy_dates or not same_day):
            continue  # busy with something outside this proposal
        if HardRule.AT_MAXIMUM in broken and other.visits_this_cycle >= other.max_visits:
            continue  # full before this proposal
        takers = same_day if HardRule.BUSY in broken else others
        cost = sum(around.cost(role, other).values())
        if takers and cost < mine_total:
            found.append((cost, other.name, repr(other.id), other, takers))
    found.sort(key=lambda f: f[:3])
    return [
        Fact(TAKEN, role, person.id, other.id, cost - mine_total, events=takers, rule=_why(broken))
        for cost, _, _, other, takers in found[:MOST_TAKEN]
        for broken in [around.breaches(role, other)]
    ]


def _why(broken) -> HardRule:
    return HardRule.BUSY if HardRule.BUSY in broken else HardRule.AT_MAXIMUM
