"""Say in plain English why a pairing was proposed, and why an event could not be paired."""

# Public API (the words for dates, reasons and rules live in words.py:
#   format_date(day, with_year=True) -> "12 March 2027"
#   slot_reasons(event, role, person, context=None, *, partner=None, earlier_visits=0) -> list[str]
#   describe_breach(rule, event, role, person, partner=None) -> str)
# Here:
# explain_pairing(event, lead, peer, context=None, *, people=(), events=(), assignment=None) -> str
#   explain_unpaired(event, role, people, context=None, *, events=(), assignment=None) -> str
#   explain_unpaired_event(event, people, context=None, *, events=(), assignment=None) -> str

from __future__ import annotations

from collections import Counter
from typing import Iterable, Mapping, Optional, Sequence

from qa.pairing import rules
from qa.pairing.costs import RELATED_SECTORS, sector_label, sector_relation, sector_slug
from qa.pairing.data import LEAD, PEER, ROLES, Context, Event, HardRule, Person
from qa.pairing.words import (
    POOL_NOUNS,
    ROLE_NOUNS,
    agency_reason,
    count_phrase,
    counted,
    describe_breach,
    format_date,
    load_reason,
)

# ---------------------------------------------------------------------------------------------
# Situation: the other commitments, shared by the explanations below
# ---------------------------------------------------------------------------------------------


class _Situation:
    """The assignment around one event, so each explanation asks the same questions the solver
    did."""

    def __init__(self, event, people, context, events, assignment):
        self.event = event
        self.people = tuple(people)
        self.people_by_id = rules.index_people(self.people)
        self.context = context or Context()
        self.assignment = assignment
        self.ledger = rules.Ledger(
            rules.with_event(events, event), self.people_by_id, assignment or {}
        )

    def partner_id(self, role):
        return rules.partner_id(self.event, role, self.assignment)

    def breaches(self, role, person, partner_id="from assignment"):
        if partner_id == "from assignment":
            partner_id = self.partner_id(role)
        return rules.breaches(self.event, role, person, self.context, self.ledger, partner_id)

    def free(self, role, partner_id="from assignment"):
        return [p for p in self.people if not self.breaches(role, p, partner_id)]


# ---------------------------------------------------------------------------------------------
# Why this pairing
# ---------------------------------------------------------------------------------------------


def _sector_sentence(
    situation: Optional[_Situation], event: Event, lead: Person, peer: Person
) -> str:
    relation = sector_relation(peer.sector, event.sector)
    wanted, got = sector_label(event.sector), sector_label(peer.sector)
    if relation == "same":
        return f"Same sector: {wanted}."
    closer = _closer_peers_free(situation, event, lead, peer, relation) if situation else None
    if relation == "related":
        if closer is None:
            return f"{got} is a related sector to {wanted}."
        if not closer:
            blocked = _blockers(situation, event, lead, peer)
            because = f" ({blocked})" if blocked else ""
            return f"No free peer in {wanted}{because}; {got} is a related sector."
        return (
            f"{got} is a related sector; a peer in {wanted} was free but fitted less well overall."
        )
    if closer is None:
        return f"{got} is not related to {wanted}."
    if not closer:
        related = sorted(
            sector_label(s) for s in RELATED_SECTORS.get(sector_slug(event.sector), ())
        )
        nearby = f"{wanted} or a related sector ({', '.join(related)})" if related else wanted
        return f"No free peer in {nearby}; {got} is the closest available."
    return f"{got} is not related to {wanted}; a closer peer was free but fitted less well overall."


def _blockers(situation, event, lead, peer) -> str:
    """Why the peers in the visited agency's own sector could not go with this lead, e.g. '1 from X
    itself, 1 conflicted'."""
    blamed = Counter()
    for other in situation.people:
        if (
            other.id != peer.id
            and other.is_peer_eligible
            and sector_relation(other.sector, event.sector) == "same"
        ):
            broken = situation.breaches(PEER, other, partner_id=lead.id)
            if broken:
                blamed[broken[0]] += 1
    ranked = sorted((rule for rule in HardRule if blamed[rule]), key=lambda rule: -blamed[rule])
    return ", ".join(count_phrase(rule, blamed[rule], event, PEER, lead) for rule in ranked)


def _closer_peers_free(situation, event, lead, peer, relation) -> list:
    """Peers in a closer sector who could have gone with this lead (the chosen peer's slot left
    empty)."""
    better = ("same",) if relation == "related" else ("same", "related")
    return [
        p
        for p in situation.free(PEER, partner_id=lead.id)
        if p.id != peer.id and sector_relation(p.sector, event.sector) in better
    ]


def _person_sentence(event: Event, role: str, person: Person, earlier_visits: int) -> str:
    # The reasons start with "No", "Never", "Has" or a number, never a name, so lower-casing is
    # safe.
    parts = [
        _lower_first(load_reason(person, earlier_visits)),
        _lower_first(agency_reason(event, person)),
    ]
    # partnership staff belong to no agency
    sector = f" ({sector_label(person.sector)})" if person.sector else ""
    return f"{ROLE_NOUNS[role].capitalize()} {person.name}{sector}: " + "; ".join(parts) + "."


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _together_sentence(lead: Person, peer: Person, context: Context) -> str:
    parts = []
    if frozenset((lead.id, peer.id)) in context.last_cycle_pairs:
        parts.append("They were paired together last cycle")
    if lead.is_first_timer and peer.is_first_timer:
        parts.append("Both are first-time visitors")
    elif lead.is_first_timer or peer.is_first_timer:
        newcomer, guide = (lead, peer) if lead.is_first_timer else (peer, lead)
        parts.append(
            f"{newcomer.name} is a first-time visitor, going with {guide.name} who has visited "
            "before"
        )
    return ". ".join(parts) + "." if parts else ""


def explain_pairing(
    event: Event,
    lead: Person,
    peer: Person,
    context: Optional[Context] = None,
    *,
    people: Iterable[Person] = (),
    events: Sequence[Event] = (),
    assignment: Optional[Mapping] = None,
) -> str:
    """Why this lead and peer suit this event, one line per point.

    Pass `people`, `events` and the proposal's `assignment` to say whether a closer-sector peer was
    free and to count the visitors' other visits in the proposal; without them the text describes
    the pair on its own.
    """
    context = context or Context()
    assignment = dict(assignment) if assignment is not None else {}
    assignment[event.id] = (lead.id, peer.id)
    everyone = {p.id: p for p in people}
    everyone.setdefault(lead.id, lead)
    everyone.setdefault(peer.id, peer)
    situation = _Situation(event, everyone.values(), context, events, assignment)
    with_pool = bool(people)
    lines = [
        _sector_sentence(situation if with_pool else None, event, lead, peer),
        _person_sentence(event, PEER, peer, situation.ledger.visits_elsewhere(peer.id, event.id)),
        _person_sentence(event, LEAD, lead, situation.ledger.visits_elsewhere(lead.id, event.id)),
        _together_sentence(lead, peer, context),
        _rules_sentence(situation, event, lead, peer),
    ]
    return "\n".join(line for line in lines if line)


def _rules_sentence(situation: _Situation, event: Event, lead: Person, peer: Person) -> str:
    broken = []
    for role, person, partner in ((LEAD, lead, peer), (PEER, peer, lead)):
        for rule in situation.breaches(role, person, partner.id):
            if rule is HardRule.NEVER_PAIR and role == PEER:
                continue  # the pair rule is symmetric: say it once
            broken.append(describe_breach(rule, event, role, person, partner))
    if not broken:
        return "No conflicts."
    pinned = event.pinned_lead_id is not None or event.pinned_peer_id is not None
    opener = "Pinned by an admin despite the rules" if pinned else "Breaks the rules"
    return f"{opener}: " + "; ".join(broken) + "."


# ---------------------------------------------------------------------------------------------
# Why no pairing
# ---------------------------------------------------------------------------------------------


def explain_unpaired(
    event: Event,
    role: str,
    people: Iterable[Person],
    context: Optional[Context] = None,
    *,
    events: Sequence[Event] = (),
    assignment: Optional[Mapping] = None,
) -> str:
    """Why nobody can fill (event, role): each person is blamed on the first hard rule they break.

    e.g. "No peer is free to visit Northshire Health on 12 March 2027: 3 unavailable, 1 conflicted,
    2 at their maximum." If someone is free, says so, so the admin looks at the other role instead.
    """
    situation = _Situation(event, people, context, events, assignment)
    return _role_sentence(situation, role)


def _role_sentence(situation: _Situation, role: str) -> str:
    event = situation.event
    noun = ROLE_NOUNS[role]
    pool = [p for p in situation.people if p.eligible_for(role)]
    if not pool:
        return f"There are no {POOL_NOUNS[role]} to act as {noun}."
    blamed = Counter()
    free = 0
    for person in pool:
        broken = situation.breaches(role, person)
        if broken:
            blamed[broken[0]] += 1
        else:
            free += 1
    where = f"visit {event.agency_name} on {format_date(event.date)}"
    if free:
        return f"{counted(free, noun)} could {where}, so the {noun} is not what is missing."
    partner = situation.people_by_id.get(situation.partner_id(role))
    # Biggest blocker first; ties keep the rules' own order.
    ranked = sorted((rule for rule in HardRule if blamed[rule]), key=lambda rule: -blamed[rule])
    counts = [count_phrase(rule, blamed[rule], event, role, partner) for rule in ranked]
    return f"No {noun} is free to {where}: " + ", ".join(counts) + "."


def explain_unpaired_event(
    event: Event,
    people: Iterable[Person],
    context: Optional[Context] = None,
    *,
    events: Sequence[Event] = (),
    assignment: Optional[Mapping] = None,
) -> str:
    """Why an event has no full pair: the empty role(s) that block it, or a lead and peer who
    clash."""
    situation = _Situation(event, people, context, events, assignment)
    filled = dict(
        zip(
            ROLES,
            (assignment or {}).get(event.id, (event.pinned_lead_id, event.pinned_peer_id)),
            strict=False,
        )
    )
    open_roles = [role for role in ROLES if filled[role] is None]
    if not open_roles:
        return "This event has both a lead and a peer."
    blocking = [_role_sentence(situation, role) for role in open_roles if not situation.free(role)]
    if blocking:
        return " ".join(blocking)
    if len(open_roles) == 2 and not _compatible_pair_exists(situation):
        return (
            f"Free leads and peers exist for {event.agency_name} on {format_date(event.date)}, "
            "but none can go"
            " together: each free lead is the same person as, or must never be paired with, each "
            "free peer."
        )
    return "Visitors are free for this event now; run the proposal again to pair it."


def _compatible_pair_exists(situation: _Situation) -> bool:
    leads = situation.free(LEAD, partner_id=None)
    peers = situation.free(PEER, partner_id=None)
    never = situation.context.never_pair
    return any(
        lead.id != peer.id and frozenset((lead.id, peer.id)) not in never
        for lead in leads
        for peer in peers
    )
