"""Fixtures for the challenge tests.

A cycle around today, a submitted return to challenge, an event with its two visitors.

Import the *_fixture names into a test module to use the fixtures (cycle, last_cycle, outsider,
event)."""

from datetime import date, datetime, time, timedelta

import pytest

from qa.challenge import scheduling
from qa.challenge.models import ChallengeEvent, Finding
from qa.cycles.models import Cycle
from qa.frameworks.models import Framework, Standard
from qa.people.models import User
from qa.section11.models import Rating, Return
from tests.conftest import password_hash

SOON = date.today() + timedelta(days=30)
RAGS = "GGAGRGAGG"  # the agency's own ratings for the nine Section 11 standards


def at(day, hour):
    return datetime.combine(day, time(hour))


def reload(event):
    return ChallengeEvent.get_by_id(event.id)


@pytest.fixture(name="cycle")
def cycle_fixture(app):
    today = date.today()
    return Cycle.create(
        name="This cycle", starts=today - timedelta(days=200), ends=today + timedelta(days=165)
    )


@pytest.fixture(name="last_cycle")
def last_cycle_fixture(app, cycle):
    return Cycle.create(
        name="Last cycle",
        starts=cycle.starts - timedelta(days=365),
        ends=cycle.starts - timedelta(days=1),
    )


@pytest.fixture(name="outsider")
def outsider_fixture(people):
    """A reviewer who visits nobody."""
    return User.create(
        email="ben@example.org",
        name="Ben Ashworth",
        role="reviewer",
        agency=people["agency_b"],
        password_hash=password_hash(),
    )


def submitted_return(agency, cycle, rags=RAGS):
    framework = Framework.get(Framework.name.startswith("Section 11"))
    ret = Return.create(agency=agency, cycle=cycle, framework=framework, status="submitted")
    standards = Standard.select().where(Standard.framework == framework).order_by(Standard.position)
    for standard, rag in zip(standards, rags):
        Rating.create(
            return_=ret, standard=standard, rag=rag, evidence=f"Our evidence for {standard.title}."
        )
    return ret


@pytest.fixture(name="event")
def event_fixture(people, cycle):
    """A scheduled event for agency A (the hospital trust), visited by the reviewer (lead) and the
    peer."""
    submitted_return(people["agency_a"], cycle)
    admin = people["admin"]
    made = scheduling.choose(
        cycle,
        [(people["agency_a"], "Two learning reviews involved its emergency department")],
        admin,
    )[0]
    scheduling.schedule(
        made, made.version, at(SOON, 10), at(SOON, 13), "Northbrook General, room 4", admin
    )
    scheduling.assign_visitor(reload(made), people["reviewer"], "lead", "manual", "", admin)
    scheduling.assign_visitor(reload(made), people["peer"], "peer", "manual", "", admin)
    return reload(made)


def findings_of(event):
    return list(
        Finding.select(Finding, Standard)
        .join(Standard)
        .where(Finding.event == event)
        .order_by(Standard.position)
    )


def visit_happened(event):
    """The visit took place yesterday (findings are agreed only after it)."""
    yesterday = date.today() - timedelta(days=1)
    event.starts_at, event.ends_at = at(yesterday, 10), at(yesterday, 13)
    ChallengeEvent.update(starts_at=event.starts_at, ends_at=event.ends_at).where(
        ChallengeEvent.id == event.id
    ).execute()


def agree_everything(event, who):
    """The visit took place, and the visitors gave an agreed rating for every standard and a
    summary."""
    visit_happened(event)
    Finding.update(agreed_rag="A").where(Finding.event == event).execute()
    ChallengeEvent.update(summary="A thorough, honest self-assessment.").where(
        ChallengeEvent.id == event.id
    ).execute()
