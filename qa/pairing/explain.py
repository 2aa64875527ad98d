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

from qa.pairing import facts, rules, sentences
from qa.pairing.data import LEAD, PEER, ROLES, Context, Event, HardRule, Person
from qa.pairing.words import (
    POOL_NOUNS,
    ROLE_NOUNS,
    count_phrase,
    counted,
    format_date,
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
        events = rules.with_event(events, event)
        self.events_by_id = {e.id: e for e in events}
        self.ledger = rules.Ledger(events, self.people_by_id, assignment or {})

    def partner_id(self, role):
        return rules.partner_id(self.event, role, self.assignment)

    def breaches(self, role, person, partner_id="from assignment"):
        if partner_id == "from assignment":
            partner_id = self.partner_id(role)
        return rules.breaches(self.event, role, person, self.context, self.ledger, partner_id)

    def taken_that_day(self, person_id) -> list:
        """The other events of the assignment that have this person on this event's day."""
        return [
            other
            for other, day in self.ledger.commitments.get(person_id, ())
            if other != self.event.id and day == self.event.date
        ]

    def agency_name(self, event_id) -> str:
        return self.events_by_id[event_id].agency_name

    def free(self, role, partner_id="from assignment"):
        return [p for p in self.people if not self.breaches(role, p, partner_id)]


# ---------------------------------------------------------------------------------------------
# Why this pairing: the facts (facts.py) in words
# ---------------------------------------------------------------------------------------------


def explain_pairing(
    event: Event,
    lead: Person,
    peer: Person,
    context: Optional[Context] = None,
    *,
    people: Iterable[Person] = (),
    events: Sequence[Event] = (),
    assignment: Optional[Mapping] = None,
    pin_notes: Optional[Mapping] = None,
) -> str:
    """Why this lead and peer suit this event, one line per point.

    Pass `people`, `events` and the proposal's `assignment` to compare the choice with who else was
    free (closer sectors, ties, people other events took) and to count the visitors' other visits
    in the proposal; without them the text describes the pair on its own. `pin_notes` {role:
    "pinned as the lead by Ann Admin on 3 December 2026"} says who fixed a pinned visitor, when.
    """
    return "\n".join(
        text
        for _, text in explain_pairing_lines(
            event,
            lead,
            peer,
            context,
            people=people,
            events=events,
            assignment=assignment,
            pin_notes=pin_notes,
        )
    )


def explain_pairing_lines(
    event, lead, peer, context=None, *, people=(), events=(), assignment=None, pin_notes=None
) -> list:
    """explain_pairing's lines as (about, text): about is LEAD or PEER for a line about one
    visitor, None for a line about the pair."""
    people = tuple(people)
    found = facts.pairing_facts(
        event, lead, peer, context, people=people, events=events, assignment=assignment
    )
    names = {p.id: p for p in people}
    names.setdefault(lead.id, lead)
    names.setdefault(peer.id, peer)
    events_by_id = {e.id: e for e in events}
    return sentences.render(found, event, names, events_by_id, pin_notes or {})


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
    taken = {}  # event id -> names of people that event of the proposal took on this day
    for person in pool:
        broken = situation.breaches(role, person)
        if broken:
            blamed[broken[0]] += 1
            if broken[0] is HardRule.BUSY and event.date not in person.busy_dates:
                for other in situation.taken_that_day(person.id):
                    taken.setdefault(other, []).append(person.name)
        else:
            free += 1
    where = f"visit {event.agency_name} on {format_date(event.date)}"
    if free:
        return f"{counted(free, noun)} could {where}, so the {noun} is not what is missing."
    partner = situation.people_by_id.get(situation.partner_id(role))
    # Biggest blocker first; ties keep the rules' own order.
    ranked = sorted((rule for rule in HardRule if blamed[rule]), key=lambda rule: -blamed[rule])
    counts = [count_phrase(rule, blamed[rule], event, role, partner) for rule in ranked]
    took = [f"{situation.agency_name(other)} took {_and(names)}" for other, names in taken.items()]
    competition = f" In this proposal, {'; '.join(took)} that day." if took else ""
    return f"No {noun} is free to {where}: " + ", ".join(counts) + "." + competition


def _and(names) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


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
