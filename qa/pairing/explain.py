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

from qa.pairing import facts, rules
from qa.pairing.costs import RELATED_SECTORS, sector_label, sector_slug
from qa.pairing.data import LEAD, PEER, ROLES, Context, Event, HardRule, Person
from qa.pairing.words import (
    POOL_NOUNS,
    ROLE_NOUNS,
    TERM_WORDS,
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
    return render(found, event, names, events_by_id, pin_notes or {})


def render(found, event, people_by_id, events_by_id, pin_notes) -> list:
    """Facts as (about, sentence) lines."""
    words = _Words(event, people_by_id, events_by_id, pin_notes)
    by_kind = {}
    for fact in found:
        by_kind.setdefault(fact.kind, []).append(fact)
    lines = []
    for fact in found:
        text = words.say(fact, by_kind)
        if text:
            about = None if fact.kind in _PAIR_KINDS else fact.role
            lines.append((about, text))
    return lines


_PAIR_KINDS = {facts.LAST_CYCLE, facts.FIRST_TIMERS, facts.NEWCOMER, facts.BREACH}
_PAIR_KINDS |= {facts.NO_CONFLICTS}


class _Words:
    def __init__(self, event, people_by_id, events_by_id, pin_notes):
        self.event = event
        self.people = people_by_id
        self.events = events_by_id
        self.pin_notes = pin_notes

    def name(self, person_id):
        return self.people[person_id].name

    def named(self, person_id):
        """'Bob Health (Health)': a name with the sector, for people compared with the chosen."""
        person = self.people[person_id]
        return f"{person.name} ({sector_label(person.sector)})" if person.sector else person.name

    def visit(self, event_id):
        other = self.events[event_id]
        return f"{other.agency_name} on {format_date(other.date)}"

    def say(self, fact, by_kind):
        return getattr(self, fact.kind)(fact, by_kind)

    def pinned(self, fact, by_kind):
        role = ROLE_NOUNS[fact.role]
        how = self.pin_notes.get(fact.role) or f"put in as the {role} by hand"
        return f"{self.name(fact.person_id)} was {how}, not chosen by the proposal."

    def sector(self, fact, by_kind):
        wanted, got = (
            sector_label(self.event.sector),
            sector_label(self.people[fact.person_id].sector),
        )
        if fact.relation == "same":
            return f"Same sector: {wanted}."
        nobody = by_kind.get(facts.NOBODY_CLOSER)
        if fact.relation == "related":
            if not nobody:
                return f"{got} is a related sector to {wanted}."
            blocked = _blocked(nobody[0], self.event)
            return f"No free peer in {wanted}{blocked}; {got} is a related sector."
        if not nobody:
            return f"{got} is not related to {wanted}."
        related = sorted(
            sector_label(s) for s in RELATED_SECTORS.get(sector_slug(self.event.sector), ())
        )
        nearby = f"{wanted} or a related sector ({', '.join(related)})" if related else wanted
        return (
            f"No free peer in {nearby}{_blocked(nobody[0], self.event)}; {got} is an unrelated "
            "sector, and every unrelated sector costs the same."
        )

    def nobody_closer(self, fact, by_kind):
        return ""  # said in the sector line

    def closer_free(self, fact, by_kind):
        return (
            f"{self.named(fact.other_id)} was free but would have cost {fact.amount} points more "
            f"({_terms(fact.terms)})."
        )

    def tie(self, fact, by_kind):
        ties = [f for f in by_kind[facts.TIE] if f.role == fact.role]
        if fact is not ties[0]:
            return ""  # every tie of a slot in one sentence
        names = [
            self.named(f.other_id) + (f" ({_terms(f.terms)})" if f.terms else "") for f in ties
        ]
        who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        each = "" if len(names) == 1 else " each"
        return (
            f"A tie: {who} would{each} have cost the same. The solver's fixed order chose "
            f"{self.name(fact.person_id)}; the same information always gives the same choice."
        )

    def cheaper(self, fact, by_kind):
        other = self.named(fact.other_id)
        saving = f"{-fact.amount} points less ({_terms(fact.terms)})"
        if self.event.pinned(fact.role) == fact.person_id:
            return (
                f"Keeping the pin costs {-fact.amount} points: {other} was free and would have "
                f"cost {saving}."
            )
        return f"{other} was free and would have cost {saving}."

    def taken(self, fact, by_kind):
        other = self.name(fact.other_id)
        if fact.rule is HardRule.BUSY:
            visits = " and ".join(self.events[e].agency_name for e in fact.events)
            why = f"this proposal sends them to {visits} that day"
        else:
            visits = " and ".join(self.visit(e) for e in fact.events)
            why = f"this proposal's visits to {visits} bring them to their maximum"
        return f"{other} would have cost {-fact.amount} points less here, but {why}."

    def load(self, fact, by_kind):
        person = self.people[fact.person_id]
        if fact.events:
            also = ", ".join(self.visit(e) for e in fact.events)
            load = f"{counted(fact.amount, 'visit')} in this proposal (also {also})"
            if person.visits_this_cycle:
                load += f", {counted(person.visits_this_cycle, 'visit')} arranged before it"
            if person.visits_last_three_cycles:
                load += f", {person.visits_last_three_cycles} in the last three cycles"
        else:
            load = _lower_first(load_reason(person))
        parts = [load, _lower_first(agency_reason(self.event, person))]
        sector = f" ({sector_label(person.sector)})" if person.sector else ""
        return (
            f"{ROLE_NOUNS[fact.role].capitalize()} {person.name}{sector}: " + "; ".join(parts) + "."
        )

    def history(self, fact, by_kind):
        return ""  # said in the load line

    def last_cycle(self, fact, by_kind):
        """The facts about the pair together, in one line."""
        parts = []
        if facts.LAST_CYCLE in by_kind:
            parts.append("They were paired together last cycle.")
        if facts.FIRST_TIMERS in by_kind:
            parts.append("Both are first-time visitors.")
        for newcomer in by_kind.get(facts.NEWCOMER, ()):
            parts.append(
                f"{self.name(newcomer.person_id)} is a first-time visitor, going with "
                f"{self.name(newcomer.other_id)} who has visited before."
            )
        return " ".join(parts)

    def first_timers(self, fact, by_kind):
        return "" if facts.LAST_CYCLE in by_kind else self.last_cycle(fact, by_kind)

    newcomer = first_timers

    def breach(self, fact, by_kind):
        if fact is not by_kind[facts.BREACH][0]:
            return ""  # all breaches in one sentence
        pinned = self.event.pinned_lead_id is not None or self.event.pinned_peer_id is not None
        opener = "Pinned by an admin despite the rules" if pinned else "Breaks the rules"
        texts = [
            describe_breach(
                f.rule, self.event, f.role, self.people[f.person_id], self.people[f.other_id]
            )
            for f in by_kind[facts.BREACH]
        ]
        return f"{opener}: " + "; ".join(texts) + "."

    def no_conflicts(self, fact, by_kind):
        return "No conflicts."


def _blocked(fact, event) -> str:
    counts = [count_phrase(rule, n, event, PEER, None) for rule, n in fact.blocked]
    return f" ({', '.join(counts)})" if counts else ""


def _terms(terms) -> str:
    """'40 points less for the peer's sector, 20 points more for the peer's other visits'."""
    return ", ".join(
        f"{abs(v)} points {'more' if v > 0 else 'less'} for {TERM_WORDS.get(k, k)}"
        for k, v in terms
    )


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


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
