"""Fixtures for the home page tests: a cycle under way, and a reviewer's visits.

Import the *_fixture names into a test module to use the fixtures (busy_cycle, visits)."""

from datetime import date, datetime, time, timedelta

import pytest

from qa.actions.models import Action
from qa.challenge import scheduling
from qa.challenge.models import ChallengeEvent
from qa.people.models import Agency
from qa.section11 import returns
from qa.surveys.models import Answer, Flag, Response
from tests.section11_fixtures import submitted
from tests.survey_fixtures import make_survey


def at(day, hour):
    return datetime.combine(day, time(hour))


@pytest.fixture(name="busy_cycle")
def busy_cycle_fixture(people, cycles):
    """Agency B has sent its return in, agency A has not (and the deadline has passed); one event
    with a date but no visitors, one with neither; one flagged answer; one overdue action."""
    this, admin = cycles["this"], people["admin"]
    submitted(returns.start(people["agency_b"], this, people["lead_b"]), people["lead_b"])
    returns.start(people["agency_a"], this, people["lead_a"])
    type(this).update(deadline=date.today() - timedelta(days=1)).where(
        type(this).id == this.id
    ).execute()
    dated, undated = scheduling.choose(
        this, [(people["agency_a"], "Late return"), (people["agency_b"], "Learning review")], admin
    )
    soon = date.today() + timedelta(days=20)
    scheduling.schedule(dated, dated.version, at(soon, 10), at(soon, 12), "Room 4", admin)
    survey = make_survey()
    answer = Answer.create(
        response=Response.create(survey=survey, age_band="8-12"),
        question=survey.questions.first(),
        value="someone hits me",
    )
    Flag.create(answer=answer, phrases="hit")
    Action.create(
        agency=people["agency_a"],
        cycle=this,
        description="Train reception staff",
        owner="Head of quality",
        due=date.today() - timedelta(days=3),
    )
    return {"dated": dated, "undated": undated, "survey": survey}


def visit(agency, cycle, people, day, visitors, hour=10):
    admin = people["admin"]
    event = scheduling.choose(cycle, [(agency, "Chosen")], admin)[0]
    if day is not None:
        scheduling.schedule(event, event.version, at(day, hour), at(day, hour + 2), "Room 1", admin)
    for user, role in visitors:
        event = ChallengeEvent.get_by_id(event.id)
        scheduling.assign_visitor(event, user, role, "manual", "", admin)
    return ChallengeEvent.get_by_id(event.id)


@pytest.fixture(name="visits")
def visits_fixture(people, cycles):
    """Three agencies visited by the reviewer (lead) and the peer: a later visit made first, a
    sooner one, and one still to be dated; and a past one."""
    this, health = cycles["this"], people["agency_a"].sector
    pair = [(people["reviewer"], "lead"), (people["peer"], "peer")]
    later = Agency.create(name="Riverside High School", sector=health)
    sooner = Agency.create(name="Oak Hill Primary School", sector=health)
    undated = Agency.create(name="Little Acorns Nursery", sector=health)
    past = Agency.create(name="Millbrook Academy", sector=health)
    today = date.today()
    made = {
        "later": visit(later, this, people, today + timedelta(days=40), pair),
        "sooner": visit(sooner, this, people, today + timedelta(days=10), pair),
        "undated": visit(undated, this, people, None, pair),
    }
    event = visit(past, this, people, today + timedelta(days=5), pair)
    ChallengeEvent.update(
        starts_at=at(today - timedelta(days=9), 10), ends_at=at(today - timedelta(days=9), 12)
    ).where(ChallengeEvent.id == event.id).execute()
    return made
