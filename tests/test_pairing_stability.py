"""A re-run after a small change keeps every visitor it can: a visitor shown before changes only
when they can no longer go, are needed elsewhere, or the change saves at least the stability
threshold; each change says why. (Random re-runs are in the brute-force test's instances.)"""

import re
from dataclasses import replace
from datetime import date

from qa.pairing import planning
from qa.pairing.costs import CHANGE_COST, STABILITY_THRESHOLD
from qa.pairing.data import Event, Person
from qa.pairing.models import PairingPin
from qa.pairing.solver import propose
from qa.pairing.stability import change_reason, with_shown
from qa.pairing.words import format_date
from qa.people.models import Unavailability
from tests.challenge_helpers import SOON, cycle_fixture  # noqa: F401
from tests.pairing_helpers import reviewer, world_fixture  # noqa: F401

DAY1, DAY2 = date(2027, 3, 12), date(2027, 3, 19)


def person(pid, name, agency, sector="health", lead=False, peer=True, **kw):
    kw.setdefault("previous_visits_total", 3)
    kw.setdefault("max_visits", 1)
    return Person(pid, name, agency, sector, lead, peer, **kw)


EVENTS = [
    Event(1, "V1", "Northbrook Hospital", "health", DAY1),
    Event(2, "V2", "Southbrook Hospital", "health", DAY2),
]
LEADS = [
    person(10, "Lee Lead", "L1", "police", True, False),
    person(11, "Lu Lead", "L2", "police", True, False),
]
ANN = person(1, "Ann Lee", "P1")
RAJ = person(2, "Raj Patel", "P2")
# Cy is early years (related: 40) and has visited Northbrook before (15): dearer there
CY = person(3, "Cy Early", "P3", "early-years", visited_agency_ids=frozenset({"V1"}))


def rerun(events, people, before):
    return propose(with_shown(events, before), people)


def test_after_one_person_becomes_unavailable_only_the_pair_that_must_change_does():
    people = [*LEADS, ANN, RAJ, CY]
    first = propose(EVENTS, people).assignment()
    assert first[1][1] == ANN.id and first[2][1] == RAJ.id
    away = replace(ANN, unavailable_dates=frozenset({DAY1, DAY2}))  # away for both
    people = [*LEADS, away, RAJ, CY]
    # from scratch the best is to move Raj to Northbrook and Cy to Southbrook (40 against 55)...
    plain = propose(EVENTS, people).assignment()
    assert (plain[1][1], plain[2][1]) == (RAJ.id, CY.id)
    # ...but that changes two visitors for a 15-point gain: the re-run changes only Ann's place
    again = rerun(EVENTS, people, first)
    assert again.status == "optimal"
    changed = {
        (e, side) for e in first for side in (0, 1) if first[e][side] != again.assignment()[e][side]
    }
    assert changed == {(1, 1)}
    assert again.assignment()[1][1] == CY.id
    events = with_shown(EVENTS, first)
    why = change_reason(
        events[0], "peer", ANN.id, CY.id, people, None, events=events, assignment=again.assignment()
    )
    assert why == "Ann Lee is unavailable on 12 March 2027; Cy Early was the next best fit."


def test_with_a_gain_above_the_threshold_a_better_re_pairing_is_taken_and_explained():
    people = [*LEADS, ANN, RAJ, CY]
    first = propose(EVENTS, people).assignment()
    # Cy would also rather not visit on Ann's day: keeping Raj costs 40 + 15 + 30 + one change,
    # moving him 40 + two changes, a gain of 45 - 30 = 15 beyond the threshold
    away = replace(ANN, unavailable_dates=frozenset({DAY1, DAY2}))  # away for both
    reluctant = replace(CY, avoided_dates=frozenset({DAY1}))
    people = [*LEADS, away, RAJ, reluctant]
    again = rerun(EVENTS, people, first).assignment()
    assert (again[1][1], again[2][1]) == (RAJ.id, CY.id)
    events = with_shown(EVENTS, first)
    reasons = [
        change_reason(events[i], "peer", was, now, people, None, events=events, assignment=again)
        for i, was, now in ((0, ANN.id, RAJ.id), (1, RAJ.id, CY.id))
    ]
    assert reasons == [
        "Ann Lee is unavailable on 12 March 2027; Raj Patel was the next best fit.",
        "Raj Patel is now proposed for Northbrook Hospital on 12 March 2027 instead; Cy Early was "
        "the next best fit.",
    ]


def test_a_newcomer_replaces_a_visitor_only_when_the_gain_reaches_the_threshold():
    event = [Event(1, "V1", "Northbrook Hospital", "early-years", DAY1)]
    # Cy (early years, same sector) is shown
    first = propose(event, [LEADS[0], CY]).assignment()
    assert first[1][1] == CY.id
    # a newcomer who saves less than the threshold is not taken
    small = person(4, "Dee Early", "P4", "early-years", visits_last_three_cycles=0)
    # Cy has visited Northbrook (15) and made 3 visits in the last three cycles (9): 24 dearer
    busy_cy = replace(CY, visits_last_three_cycles=3)
    kept = rerun(event, [LEADS[0], busy_cy, small], first).assignment()
    assert (
        kept[1][1] == CY.id
        and propose(event, [LEADS[0], busy_cy, small]).assignment()[1][1] == small.id
    )
    # one who saves more is, and the change says by how much
    very_busy = replace(CY, visits_last_three_cycles=15)  # 15 + 45: 60 points dearer
    people = [LEADS[0], very_busy, small]
    again = rerun(event, people, first).assignment()
    assert again[1][1] == small.id
    events = with_shown(event, first)
    why = change_reason(
        events[0], "peer", CY.id, small.id, people, None, events=events, assignment=again
    )
    assert why == (
        f"Dee Early fits 60 points better than Cy Early, at least the {STABILITY_THRESHOLD} points "
        "a re-run needs to change a visitor."
    )
    assert CHANGE_COST == STABILITY_THRESHOLD == 30


# ---------------------------------------------------------------------------------------------
# On the proposal page
# ---------------------------------------------------------------------------------------------


def test_proposing_again_after_someone_becomes_unavailable_says_what_changed_and_why(
    world, admin_client
):
    url = f"/pairing/cycles/{world.cycle.id}"
    html = admin_client.get(url).get_data(as_text=True)
    before = re.search(r'name="before" value="([^"]*)"', html).group(1)
    assert f"{world.event.id}:{world.angela.id}:{world.hana.id}" == before
    Unavailability.create(user=world.hana, date=SOON)
    html = admin_client.get(f"{url}?before={before}").get_data(as_text=True)
    assert "Worked out again: 1 change from the proposal before" in html
    assert (
        f"<li>{world.hospital.name}: the peer was Hana Hughes, now Eddie Evans. Hana Hughes is "
        f"unavailable on {format_date(SOON)}; Eddie Evans was the next best fit.</li>"
    ) in html
    assert "a visitor shown before is changed only if they can no longer go" in html
    assert f"at least {STABILITY_THRESHOLD} points" in html


# ---------------------------------------------------------------------------------------------
# Other optimal choices
# ---------------------------------------------------------------------------------------------


def test_where_the_optimum_is_not_unique_the_other_choices_are_offered_with_a_swap(
    world, admin_client
):
    # Bea is Hana's twin for pairing: same sector, no visits, never visited: a tie
    bea = reviewer("bea@example.org", "Bea Health", world.community)
    url = f"/pairing/cycles/{world.cycle.id}"
    (row,) = planning.propose(world.cycle).rows
    chosen, other = (world.hana, bea) if row.pairing.peer_id == world.hana.id else (bea, world.hana)
    assert row.pairing.peer_id == chosen.id  # the solver's fixed order breaks the tie
    assert [c.person.id for c in row.peer.alternatives] == [other.id]
    assert row.lead.alternatives == []  # Angela is the only lead
    html = admin_client.get(url).get_data(as_text=True)
    assert (
        f"Equally good: {other.name} would cost the same here (25 points), so the total would "
        "stay the lowest possible."
    ) in html
    assert f'name="user" value="{other.id}"' in html and f"Swap in {other.name}" in html
    response = admin_client.post(
        f"/pairing/events/{world.event.id}/pins", {"role": "peer", "user": other.id}, htmx=True
    )
    assert PairingPin.get(PairingPin.event == world.event.id).user_id == other.id
    assert response.status_code == 200
    (row,) = planning.propose(world.cycle).rows
    assert row.pairing.peer_id == other.id and row.pairing.cost == 25


def test_no_alternatives_are_offered_without_a_tie(world):
    (row,) = planning.propose(world.cycle).rows
    assert row.peer.alternatives == [] and row.lead.alternatives == []
