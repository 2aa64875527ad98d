"""Reads for the pairing pages: an event with its agency and cycle, a person's declarations."""

from peewee import JOIN

from qa.challenge.models import ChallengeEvent
from qa.cycles.models import Cycle
from qa.people.models import Agency, Conflict, Unavailability, User


def event_with_cycle(event_id):
    """The challenge event with its agency and cycle (a query, for get_object_or_404)."""
    return (
        ChallengeEvent.select(ChallengeEvent, Agency, Cycle)
        .join(Agency)
        .switch(ChallengeEvent)
        .join(Cycle)
        .where(ChallengeEvent.id == event_id)
    )


def person(person_id):
    """The person with their agency, if any (a query, for get_object_or_404)."""
    return User.select(User, Agency).join(Agency, JOIN.LEFT_OUTER).where(User.id == person_id)


def conflicts_of(person):
    """The person's declared conflicts of interest, by agency name."""
    return list(
        Conflict.select(Conflict, Agency)
        .join(Agency)
        .where(Conflict.user == person)
        .order_by(Agency.name)
    )


def unavailable_dates_of(person):
    """The dates the person said they are not available, earliest first."""
    return list(
        Unavailability.select().where(Unavailability.user == person).order_by(Unavailability.date)
    )
