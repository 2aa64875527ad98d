"""Solver inputs built from the database.

Who may go, what they did before, what they declared, in a bounded number of queries.
"""

from datetime import timedelta

from qa.challenge import scheduling
from qa.challenge.models import ChallengeEvent, Visitor
from qa.cycles.models import Cycle
from qa.pairing import inputs, planning
from qa.pairing.data import LEAD, PEER, HardRule
from qa.pairing.models import NeverPair, PairingPin
from qa.pairing.rules import check_hard_rules
from qa.people.models import Conflict, Unavailability, User
from tests.challenge_helpers import SOON, cycle_fixture, last_cycle_fixture, reload  # noqa: F401
from tests.pairing_helpers import dated_event, reviewer, world_fixture  # noqa: F401


def visit(event, user, role, admin):
    scheduling.assign_visitor(
        reload(event), user, role, "manual", "", admin, override_reason="test"
    )


def held_last_cycle(world, last_cycle, agency, lead, peer, day=None):
    event = dated_event(last_cycle, agency, day or SOON - timedelta(days=300), world.admin)
    visit(event, lead, LEAD, world.admin)
    visit(event, peer, PEER, world.admin)
    ChallengeEvent.update(status="held").where(ChallengeEvent.id == event.id).execute()
    return event


def test_the_event_needing_visitors_is_the_problem_with_its_agency_sector_and_date(world):
    data = inputs.build(world.cycle)
    (event,) = data.events
    assert (event.id, event.agency_id, event.sector, event.date) == (
        world.event.id,
        world.hospital.id,
        "health",
        SOON,
    )
    assert (event.pinned_lead_id, event.pinned_peer_id) == (None, None)


def test_only_active_sub_group_members_lead_and_only_active_reviewers_from_an_agency_are_peers(
    world, people
):
    User.update(active=False).where(User.id == world.eddie.id).execute()
    data = inputs.build(world.cycle)
    eligible = {p.name: (p.is_lead_eligible, p.is_peer_eligible) for p in data.people}
    assert eligible["Angela Brooks"] == (True, True)
    assert eligible["Hana Hughes"] == (False, True)
    # partnership staff: no agency, and not in the sub-group here
    assert eligible["Priya Shah"] == (False, False)
    # inactive; an agency lead
    assert "Eddie Evans" not in eligible and "Amara Nwosu" not in eligible


def test_a_conflicted_or_unavailable_person_is_never_proposed(world):
    Conflict.create(user=world.hana, agency=world.hospital, kind="family")
    Unavailability.create(user=world.eddie, date=SOON)
    plan = planning.propose(world.cycle)
    data = plan.data
    event = data.event(world.event.id)
    assert check_hard_rules(event, PEER, data.person(world.hana.id), data.context) == (
        HardRule.CONFLICT,
    )
    assert check_hard_rules(event, PEER, data.person(world.eddie.id), data.context) == (
        HardRule.UNAVAILABLE,
    )
    (row,) = plan.rows
    assert row.pairing.peer_id == world.olivia.id
    assert {c.person.id for c in row.peer.candidates} == {world.olivia.id}


def test_visits_are_counted_this_cycle_in_the_last_three_cycles_and_ever(world, last_cycle):
    held_last_cycle(world, last_cycle, world.community, world.angela, world.olivia)
    older = Cycle.create(
        name="Two cycles ago",
        starts=last_cycle.starts - timedelta(days=365),
        ends=last_cycle.starts - timedelta(days=1),
    )
    held_last_cycle(
        world, older, world.nursery, world.angela, world.hana, day=SOON - timedelta(days=700)
    )
    # fully visited: not being paired
    this_cycle = dated_event(world.cycle, world.police, SOON + timedelta(days=7), world.admin)
    visit(
        this_cycle,
        reviewer("lena@example.org", "Lena Lead", world.nursery, subgroup=True),
        LEAD,
        world.admin,
    )
    visit(this_cycle, world.hana, PEER, world.admin)
    data = inputs.build(world.cycle)
    angela, hana, olivia = (
        data.person(world.angela.id),
        data.person(world.hana.id),
        data.person(world.olivia.id),
    )
    assert (
        angela.visits_this_cycle,
        angela.visits_last_three_cycles,
        angela.previous_visits_total,
    ) == (0, 2, 2)
    assert (hana.visits_this_cycle, hana.visits_last_three_cycles, hana.previous_visits_total) == (
        1,
        1,
        1,
    )
    assert angela.visited_agency_ids == {world.community.id, world.nursery.id}
    assert olivia.visited_agency_ids == {world.community.id}
    assert data.context.last_cycle_pairs == {frozenset((world.angela.id, world.olivia.id))}
    assert data.context.existing_peer_visits == {(world.community.id, world.police.id)}


def test_cancelled_events_count_for_nothing(world, last_cycle):
    event = held_last_cycle(world, last_cycle, world.community, world.angela, world.olivia)
    ChallengeEvent.update(status="cancelled").where(ChallengeEvent.id == event.id).execute()
    data = inputs.build(world.cycle)
    assert (
        data.person(world.angela.id).previous_visits_total == 0
        and not data.context.last_cycle_pairs
    )


def test_a_visit_elsewhere_that_day_in_any_cycle_makes_them_busy(world, last_cycle):
    # an overrunning old cycle's event, same day
    other = dated_event(last_cycle, world.community, SOON, world.admin)
    visit(other, world.hana, PEER, world.admin)
    data = inputs.build(world.cycle)
    assert data.person(world.hana.id).busy_dates == {SOON}
    assert check_hard_rules(
        data.event(world.event.id), PEER, data.person(world.hana.id), data.context
    ) == (HardRule.BUSY,)


def test_saved_visitors_and_pins_fill_their_slots_and_are_not_counted_as_other_visits(world):
    visit(world.event, world.angela, LEAD, world.admin)
    PairingPin.create(event=world.event, role=PEER, user=world.eddie, by=world.admin)
    data = inputs.build(world.cycle)
    event = data.event(world.event.id)
    assert (event.pinned_lead_id, event.pinned_peer_id) == (world.angela.id, world.eddie.id)
    assert data.person(world.angela.id).visits_this_cycle == 0
    assert set(data.saved) == {(world.event.id, LEAD)} and set(data.pins) == {
        (world.event.id, PEER)
    }


def test_a_pin_on_a_slot_saved_since_is_ignored(world):
    PairingPin.create(event=world.event, role=LEAD, user=world.olivia, by=world.admin)
    visit(world.event, world.angela, LEAD, world.admin)
    data = inputs.build(world.cycle)
    assert data.event(world.event.id).pinned_lead_id == world.angela.id and not data.pins


def test_never_pairs_are_in_the_context(world):
    NeverPair.create(
        user_a=min(world.angela.id, world.hana.id),
        user_b=max(world.angela.id, world.hana.id),
        reason="Old feud",
    )
    assert inputs.build(world.cycle).context.never_pair == {
        frozenset((world.angela.id, world.hana.id))
    }


def test_events_without_a_date_are_listed_apart(world):
    undated = scheduling.choose(world.cycle, [(world.police, "No date yet")], world.admin)[0]
    data = inputs.build(world.cycle)
    assert [e.id for e in data.events] == [world.event.id] and [r.id for r in data.undated] == [
        undated.id
    ]


def test_building_the_inputs_takes_the_same_few_queries_however_big_the_history(
    world, last_cycle, count_queries
):
    with count_queries() as small:
        inputs.build(world.cycle)
    for number in range(6):
        extra = reviewer(
            f"extra{number}@example.org",
            f"Extra {number}",
            world.community,
            subgroup=number % 2 == 0,
        )
        Conflict.create(user=extra, agency=world.nursery)
        Unavailability.create(user=extra, date=SOON)
    held_last_cycle(world, last_cycle, world.community, world.angela, world.olivia)
    dated_event(world.cycle, world.nursery, SOON + timedelta(days=2), world.admin)
    with count_queries() as big:
        data = inputs.build(world.cycle)
    assert len(data.events) == 2 and len(data.people) > 10
    assert big.count == small.count <= 10, (small.count, big.count)
    assert Visitor.select().count() == 2


def test_a_parent_organisation_set_on_the_agency_form_keeps_its_people_from_reviewing_it(
    world, admin_client
):
    # The hospital and the community trust name one parent: Hana (community) may not review the
    # hospital, so the related-sector peer goes instead, and the proposal says why.
    for agency, parent in (
        (world.hospital, "Northbrook Health Group "),
        (world.community, "northbrook  health group"),
    ):
        response = admin_client.post(
            f"/admin/agencies/{agency.id}",
            {
                "version": str(agency.version),
                "name": agency.name,
                "sector": agency.sector_id,
                "framework": "None",
                "parent_organisation": parent,
                "active": "y",
            },
        )
        assert response.status_code == 302
    data = inputs.build(world.cycle)
    hana, event = data.person(world.hana.id), data.event(world.event.id)
    assert hana.organisation == event.organisation  # one organisation however it was typed
    assert event.organisation.casefold() == "northbrook health group"
    assert check_hard_rules(event, PEER, hana) == (HardRule.OWN_ORGANISATION,)
    plan = planning.propose(world.cycle)
    (row,) = plan.rows
    assert row.pairing.peer_id == world.eddie.id
    assert row.why[0].startswith(
        f"No free peer in Health (1 from {event.organisation}, as Northbrook Hospitals"
    )


def test_the_fewest_visits_set_on_the_person_form_favours_them_and_is_explained(
    world, admin_client
):
    # Eddie (early years, related: 40 points) is asked for at least one visit: 40 - 50 = -10
    # beats Hana (health, same sector: 0).
    eddie = User.get_by_id(world.eddie.id)
    form = {
        "version": eddie.version,
        "name": eddie.name,
        "email": eddie.email,
        "role": "reviewer",
        "agency": eddie.agency_id,
        "max_visits": 2,
        "active": "y",
    }
    refused = admin_client.post(f"/admin/people/{eddie.id}", {**form, "min_visits": 3})
    assert refused.status_code == 200
    assert "The fewest visits must not be more than the most visits" in refused.get_data(
        as_text=True
    )
    saved = admin_client.post(f"/admin/people/{eddie.id}", {**form, "min_visits": 1})
    assert saved.status_code == 302
    assert inputs.build(world.cycle).person(eddie.id).min_visits == 1
    (row,) = planning.propose(world.cycle).rows
    assert row.pairing.peer_id == eddie.id
    assert row.pairing.breakdown["peer_minimum"] == -50
    assert any("below the fewest asked of them (1)" in line for line in row.why)
