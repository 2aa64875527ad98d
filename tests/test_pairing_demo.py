"""The demo's pairings: an obvious pair and a related-sector peer made by pairing and explained.

One event left for a newcomer.
"""

from qa.challenge.models import ChallengeEvent, Visitor
from qa.cycles.models import Cycle
from qa.demo import load
from qa.pairing import planning
from qa.pairing.models import NeverPair
from qa.people.models import Agency


def visitors_of(name):
    event = ChallengeEvent.get(ChallengeEvent.agency == Agency.get(Agency.name == name).id)
    return {v.role: v for v in Visitor.select().where(Visitor.event == event)}


def test_demo_pairings_are_made_by_pairing_explained_and_loading_twice_changes_nothing(
    app, app_context
):
    load("demo password for tests")
    obvious = visitors_of("Northbrook GP Federation")
    assert {v.how for v in obvious.values()} == {"auto"} and obvious["peer"].explanation.startswith(
        "Same sector: Health."
    )
    related = visitors_of("Northbrook Council Family Help")
    assert related["peer"].explanation.startswith(
        "No free peer in Children's social care (1 from Northbrook Council Family Help itself, 1 "
        "conflicted); Early years is a related sector."
    )
    plan = planning.propose(Cycle.get(Cycle.name == "2026-27"))
    assert [row.record.agency.name for row in plan.rows] == [
        "Little Acorns Nursery Group"
    ] and plan.rows[0].paired
    counts = (ChallengeEvent.select().count(), Visitor.select().count(), NeverPair.select().count())
    load("demo password for tests")
    assert (
        ChallengeEvent.select().count(),
        Visitor.select().count(),
        NeverPair.select().count(),
    ) == counts
