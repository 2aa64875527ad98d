"""Clashes that should stop an event being saved unless the admin overrides them.

No Flask, no database.
"""

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    agency_id: int | None = None
    unavailable: frozenset = frozenset()  # dates they declared they cannot visit
    conflicts: tuple = ()  # ((agency_id, why in words), ...) declared conflicts of interest


@dataclass(frozen=True)
class Booking:
    """Another live event: its agency, day and visitors' ids."""

    event_id: int
    cycle_id: int
    agency_id: int
    agency_name: str
    day: date | None
    visitor_ids: frozenset = frozenset()
    hours: str = ""  # "10:00 to 13:00", when it has times


@dataclass(frozen=True)
class Plan:
    """The event as it would be saved."""

    event_id: int | None
    cycle_id: int
    cycle_name: str
    agency_id: int
    agency_name: str
    day: date | None
    visitors: tuple = field(default_factory=tuple)  # Person, ...


@dataclass(frozen=True)
class Clash:
    kind: str  # busy, unavailable, conflict, own-agency, duplicate
    text: str
    person_id: int | None = None


def find(plan: Plan, others) -> list[Clash]:
    """Every clash of `plan` with the other live events and with what its visitors declared."""
    others = [b for b in others if b.event_id != plan.event_id]
    found = [
        Clash(
            "duplicate",
            f"{plan.agency_name} already has a challenge event in {plan.cycle_name}{_on(b.day)}.",
        )
        for b in others
        if b.cycle_id == plan.cycle_id and b.agency_id == plan.agency_id
    ]
    for person in plan.visitors:
        found.extend(for_person(plan, person, others))
    return found


def for_person(plan: Plan, person: Person, others) -> list[Clash]:
    """The clashes one visitor would bring to `plan`."""
    found = []
    if person.agency_id == plan.agency_id:
        found.append(
            Clash(
                "own-agency",
                f"{person.name} works for {plan.agency_name}, the agency being visited.",
                person.id,
            )
        )
    for agency_id, why in person.conflicts:
        if agency_id == plan.agency_id:
            found.append(
                Clash(
                    "conflict",
                    f"{person.name} has declared a conflict of interest with "
                    f"{plan.agency_name}{_because(why)}.",
                    person.id,
                )
            )
    if plan.day and plan.day in person.unavailable:
        found.append(
            Clash(
                "unavailable",
                f"{person.name} has said they are not available on {_day(plan.day)}.",
                person.id,
            )
        )
    for booking in others:
        if (
            plan.day
            and booking.day == plan.day
            and person.id in booking.visitor_ids
            and booking.event_id != plan.event_id
        ):
            found.append(
                Clash(
                    "busy",
                    f"{person.name} is already visiting {booking.agency_name} on "
                    f"{_day(plan.day)}{' from ' + booking.hours if booking.hours else ''}.",
                    person.id,
                )
            )
    return found


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _on(day):
    return f" (on {_day(day)})" if day else " (not yet given a date)"


def _because(why):
    return f" ({why[0].lower() + why[1:]})" if why else ""
