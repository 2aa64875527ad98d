"""The hard rules: who may fill a slot given the rest of an assignment.

And which rules a person would break.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Mapping, Optional, Sequence

from qa.pairing.data import LEAD, PEER, ROLES, Context, Event, HardRule, Person


class Ledger:
    """Who is already committed where in an assignment, for the rules that depend on other events.

    Queries take the event being filled and ignore its own entries, so one ledger serves every slot.
    """

    def __init__(self, events: Sequence[Event], people_by_id: Mapping, assignment: Mapping):
        events_by_id = {event.id: event for event in events}
        self.agency_of = {event.id: event.agency_id for event in events}
        self.commitments = defaultdict(list)  # person id -> [(event id, date)]
        self.peer_visits = defaultdict(set)  # (peer agency, visited agency) -> {event id}
        for event_id, (lead_id, peer_id) in assignment.items():
            if event_id not in events_by_id:
                raise ValueError(f"assignment names unknown event {event_id!r}")
            event = events_by_id[event_id]
            for person_id in (lead_id, peer_id):
                if person_id is not None:
                    self.commitments[person_id].append((event_id, event.date))
            if peer_id is not None and peer_id in people_by_id:
                self.peer_visits[(people_by_id[peer_id].agency_id, event.agency_id)].add(event_id)

    def visits_elsewhere(self, person_id, event_id) -> int:
        return sum(1 for other, _ in self.commitments.get(person_id, ()) if other != event_id)

    def busy_elsewhere(self, person_id, day, event_id) -> bool:
        return any(
            other != event_id and d == day for other, d in self.commitments.get(person_id, ())
        )

    def visits_agency_elsewhere(self, person_id, agency_id, event_id) -> bool:
        """Whether the person visits `agency_id` at another event of this assignment."""
        return any(
            other != event_id and self.agency_of.get(other) == agency_id
            for other, _ in self.commitments.get(person_id, ())
        )

    def peer_visit_elsewhere(self, peer_agency, visited_agency, event_id) -> bool:
        visits = self.peer_visits.get((peer_agency, visited_agency))
        return bool(visits) and any(other != event_id for other in visits)


def _breach_iter(event, role, person, context, ledger, partner_id):
    """Yield each hard rule broken by putting person in (event, role), most basic first.

    A generator so that the hot loops (allowed) stop at the first breach.
    """
    agency, day = event.agency_id, event.date
    if not (person.is_lead_eligible if role == LEAD else person.is_peer_eligible):
        yield HardRule.NOT_ELIGIBLE
    if person.agency_id == agency:
        yield HardRule.OWN_AGENCY
    if person.organisation and person.organisation == event.organisation:
        yield HardRule.OWN_ORGANISATION
    if agency in person.conflict_agency_ids:
        yield HardRule.CONFLICT
    if partner_id is not None and partner_id == person.id:
        yield HardRule.SAME_PERSON
    if day in person.unavailable_dates:
        yield HardRule.UNAVAILABLE
    elsewhere = [d for other, d in ledger.commitments.get(person.id, ()) if other != event.id]
    if day in person.busy_dates or day in elsewhere:
        yield HardRule.BUSY
    if person.visits_this_cycle + len(elsewhere) >= person.max_visits:
        yield HardRule.AT_MAXIMUM
    if ledger.visits_agency_elsewhere(person.id, agency, event.id):
        yield HardRule.SAME_AGENCY_TWICE
    if role == PEER and (
        (agency, person.agency_id) in context.existing_peer_visits
        or ledger.peer_visit_elsewhere(agency, person.agency_id, event.id)
    ):
        yield HardRule.RECIPROCAL
    if partner_id is not None and frozenset((partner_id, person.id)) in context.never_pair:
        yield HardRule.NEVER_PAIR


def breaches(event, role, person, context, ledger, partner_id) -> list:
    """Every hard rule broken by putting person in (event, role); see check_hard_rules."""
    return list(_breach_iter(event, role, person, context, ledger, partner_id))


def allowed(event, role, person, context, ledger, partner_id) -> bool:
    """Whether person may fill (event, role) beside `partner_id`: no hard rule broken.

    The same rules as _breach_iter, as one expression that stops at the first breach: it runs for
    every (slot, person) of a region's pool, where the generator's overhead doubled the time.
    """
    agency, day = event.agency_id, event.date
    committed = ledger.commitments.get(person.id)
    return not (
        not (person.is_lead_eligible if role == LEAD else person.is_peer_eligible)
        or person.agency_id == agency
        or (person.organisation and person.organisation == event.organisation)
        or agency in person.conflict_agency_ids
        or (partner_id is not None and partner_id == person.id)
        or day in person.unavailable_dates
        or day in person.busy_dates
        or (
            committed
            and (
                any(other != event.id and d == day for other, d in committed)
                or person.visits_this_cycle + sum(1 for other, _ in committed if other != event.id)
                >= person.max_visits
                or ledger.visits_agency_elsewhere(person.id, agency, event.id)
            )
        )
        or person.visits_this_cycle >= person.max_visits
        or (
            role == PEER
            and (
                (agency, person.agency_id) in context.existing_peer_visits
                or ledger.peer_visit_elsewhere(agency, person.agency_id, event.id)
            )
        )
        or (partner_id is not None and frozenset((partner_id, person.id)) in context.never_pair)
    )


def partner_id(event: Event, role: str, assignment: Optional[Mapping]):
    """The other visitor at `event` for someone filling `role`: from `assignment` when it names the
    event, else the event's pinned visitor (or None)."""
    other = 1 if role == LEAD else 0
    if assignment is not None and event.id in assignment:
        return assignment[event.id][other]
    return event.pinned(ROLES[other])


def check_hard_rules(
    event: Event,
    role: str,
    person: Person,
    context: Optional[Context] = None,
    *,
    people: Iterable[Person] = (),
    events: Sequence[Event] = (),
    assignment: Optional[Mapping] = None,
) -> tuple:
    """The hard rules person would break as `role` at `event`, most basic first; () means allowed.

    `assignment` (event id -> (lead id, peer id)) with its `events` and `people` supplies the other
    commitments: same-day visits, load, reciprocal peers, and this event's other visitor (the
    partner).
    Without an assignment the event's pinned visitor, if any, is the partner.
    """
    context = context or Context()
    people_by_id = {p.id: p for p in people}
    events = with_event(events, event)
    ledger = Ledger(events, people_by_id, assignment or {})
    return tuple(
        breaches(event, role, person, context, ledger, partner_id(event, role, assignment))
    )


def with_event(events: Sequence[Event], event: Event) -> list:
    """`events` as a list that includes `event`, so a Ledger can place it."""
    events = list(events)
    if all(e.id != event.id for e in events):
        events.append(event)
    return events


def index_people(people: Iterable[Person]) -> dict:
    """People by id; a duplicate id is a ValueError."""
    people_by_id = {}
    for person in people:
        if person.id in people_by_id:
            raise ValueError(f"duplicate person id {person.id!r}")
        people_by_id[person.id] = person
    return people_by_id
