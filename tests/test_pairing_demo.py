"""The demo's pairings: an obvious pair and a related-sector peer made by pairing and explained.

One event left for a newcomer.
"""

from datetime import date

from qa.challenge.models import ChallengeEvent, Visitor
from qa.cycles.models import Cycle
from qa.demo import load
from qa.pairing import planning
from qa.pairing.data import PEER, Event, HardRule
from qa.pairing.inputs import build
from qa.pairing.models import NeverPair
from qa.pairing.rules import check_hard_rules
from qa.people.models import Agency, User


def visitors_of(name):
    event = ChallengeEvent.get(ChallengeEvent.agency == Agency.get(Agency.name == name).id)
    return {v.role: v for v in Visitor.select().where(Visitor.event == event)}


def test_demo_pairings_are_made_by_pairing_explained_and_loading_twice_changes_nothing(
    demo_partnership, app_context
):
    obvious = visitors_of("Northbrook GP Federation")
    assert {v.how for v in obvious.values()} == {"auto"} and obvious["peer"].explanation.startswith(
        "Same sector: Health."
    )
    related = visitors_of("Northbrook Council Family Help")
    assert related["peer"].explanation.startswith(
        "No free peer in Children's social care (1 from Northbrook Council Family Help itself, 1 "
        "from Northbrook Council, as Northbrook Council Family Help is); Early years is a related "
        "sector."
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


def test_in_the_demo_fire_and_rescue_has_its_own_sector_and_nobody_reviews_their_own_council(
    demo_partnership, app_context
):
    """Fire and Rescue sat in the Police sector; a Family Help reviewer was the peer at the same
    council's Children's Services. The council's agencies name it as their parent organisation."""
    fire = Agency.get(Agency.name == "Northbrook Fire and Rescue Service")
    assert fire.sector.name == "Fire and rescue"
    council = {a.id for a in Agency.select().where(Agency.name.startswith("Northbrook Council"))}
    assert len(council) == 3
    visits = [
        (v.user.agency_id, v.event.agency_id)
        for v in Visitor.select().join(ChallengeEvent).switch(Visitor).join(User)
    ]
    plan = planning.propose(Cycle.get(Cycle.name == "2026-27"))
    users = {u.id: u for u in User.select()}
    for row in plan.rows:
        for user_id in (row.pairing.lead_id, row.pairing.peer_id):
            if user_id is not None:
                visits.append((users[user_id].agency_id, row.record.agency_id))
    own_council = [pair for pair in visits if pair[0] in council and pair[1] in council]
    assert visits and own_council == []
    # and pairing will not propose it either: the council is each council agency's parent
    # organisation, and nobody reviews an agency of their own parent organisation
    assert {a.parent_organisation for a in Agency.select().where(Agency.id.in_(list(council)))} == {
        "Northbrook Council"
    }
    inputs = build(Cycle.get(Cycle.name == "2026-27"))
    for reviewer in User.select().where((User.role == "reviewer") & User.agency.in_(list(council))):
        person = inputs.person(reviewer.id)
        for agency in Agency.select().where(Agency.id.in_(list(council - {reviewer.agency_id}))):
            event = Event(
                1, agency.id, agency.name, "", date(2027, 3, 1), organisation="Northbrook Council"
            )
            assert HardRule.OWN_ORGANISATION in check_hard_rules(event, PEER, person), reviewer.name
