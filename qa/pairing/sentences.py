"""The facts of a pairing (facts.py) as sentences: a line a point, about a visitor or the pair."""

from __future__ import annotations

from qa.pairing import costs, facts
from qa.pairing.costs import RELATED_SECTORS, sector_label, sector_slug
from qa.pairing.data import PEER, HardRule
from qa.pairing.words import (
    ROLE_NOUNS,
    TERM_WORDS,
    agency_reason,
    count_phrase,
    counted,
    describe_breach,
    format_date,
    load_reason,
)


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

    def sector_wish(self, fact, by_kind):
        return (
            f"{self.name(fact.person_id)} asked to review {sector_label(self.event.sector)} "
            f"({-costs.PREFERRED_SECTOR_COST} points off)."
        )

    def date_wish(self, fact, by_kind):
        day = format_date(self.event.date)
        if fact.amount > 0:
            return (
                f"{self.name(fact.person_id)} prefers not to visit on {day} "
                f"({costs.AVOIDED_DATE_COST} points more)."
            )
        return (
            f"{self.name(fact.person_id)} prefers to visit on {day} "
            f"({-costs.PREFERRED_DATE_COST} points off)."
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
