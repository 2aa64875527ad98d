"""The pairing pages: admins only; the preview saves nothing.

Applying saves how and why, and refuses if the world changed.
"""

import re
from datetime import timedelta

import pytest

from qa.audit import AuditEvent
from qa.challenge.models import ClashOverride, Visitor
from qa.pairing.forms import shown_pairs
from qa.pairing.models import PairingPin
from qa.pairing.words import format_date
from qa.people.models import Unavailability, User
from tests.challenge_helpers import SOON, cycle_fixture, reload  # noqa: F401
from tests.pairing_helpers import dated_event, world_fixture  # noqa: F401


def page(client, path):
    response = client.get(path)
    assert response.status_code == 200, response.status_code
    return response.get_data(as_text=True)


def pair_field(world, lead, peer):
    return {
        f"pair-{world.event.id}": f"{lead.id}:{peer.id}",
        "event": str(world.event.id),
        "apply": "ticked",
    }


def counts():
    return Visitor.select().count(), AuditEvent.select().count(), PairingPin.select().count()


@pytest.mark.parametrize("who", ["reviewer", "lead_a"])
def test_only_admins_may_see_or_change_pairings(world, people, signed_in, who):
    client = signed_in(people[who])
    for path in (
        f"/pairing/cycles/{world.cycle.id}",
        f"/pairing/events/{world.event.id}/peer",
        f"/admin/people/{world.hana.id}/pairing",
    ):
        assert client.get(path).status_code == 403, path
    assert (
        client.post(
            f"/pairing/cycles/{world.cycle.id}/apply", pair_field(world, world.angela, world.hana)
        ).status_code
        == 403
    )
    assert (
        client.post(
            f"/pairing/events/{world.event.id}/pins", {"role": "peer", "user": world.hana.id}
        ).status_code
        == 403
    )
    assert Visitor.select().count() == 0 and PairingPin.select().count() == 0


def test_anonymous_visitors_are_sent_to_sign_in(world, client):
    response = client.get(f"/pairing/cycles/{world.cycle.id}")
    assert response.status_code == 302 and "/sign-in" in response.location


def test_the_preview_shows_the_best_pair_with_its_cost_and_why_and_saves_nothing(
    world, admin_client
):
    before = counts()
    html = page(admin_client, f"/pairing/cycles/{world.cycle.id}")
    assert counts() == before
    assert "The proposal pairs 1 of them at a total cost of 25 points, the lowest possible." in html
    assert (
        "Same sector: Health." in html
        and "Both are first-time visitors." in html
        and "No conflicts." in html
    )
    assert f'name="pair-{world.event.id}" value="{world.angela.id}:{world.hana.id}"' in html
    # the swap list, with cost and why
    assert (
        "65 points: Related sector: Early years is related to Health; no visits this cycle; "
        "never visited this agency; both would be first-time visitors." in html
    )
    # the cost is made of points, in words: "lead's visits 10" read as ten visits
    assert "25 points for two first-timers" in html


def test_applying_saves_both_visitors_as_proposed_by_pairing_with_the_reason_and_who(
    world, admin_client
):
    response = admin_client.post(
        f"/pairing/cycles/{world.cycle.id}/apply", pair_field(world, world.angela, world.hana)
    )
    assert response.status_code == 302
    visitors = {v.role: v for v in Visitor.select().where(Visitor.event == world.event)}
    assert (visitors["lead"].user_id, visitors["peer"].user_id) == (world.angela.id, world.hana.id)
    assert {v.how for v in visitors.values()} == {"auto"} and {
        v.assigned_by_id for v in visitors.values()
    } == {world.admin.id}
    assert visitors["peer"].explanation.startswith(
        "Same sector: Health. Peer Hana Hughes (Health): no visits this cycle; never visited "
        "this agency."
    )
    assert visitors["lead"].explanation == (
        "Lead Angela Brooks (Police): no visits this cycle; never visited this agency. "
        "Both are first-time visitors. No conflicts."
    )
    assert AuditEvent.select().where(AuditEvent.verb == "applied pairings").count() == 1
    html = page(admin_client, f"/challenge/events/{world.event.id}")
    assert "Proposed by pairing: Same sector: Health." in html and "Priya Shah" in html


def test_only_the_ticked_pairings_are_applied(world, admin_client):
    other = dated_event(world.cycle, world.nursery, SOON, world.admin)
    form = pair_field(world, world.angela, world.hana) | {
        f"pair-{other.id}": f"{world.angela.id}:{world.olivia.id}"
    }
    admin_client.post(f"/pairing/cycles/{world.cycle.id}/apply", form)
    assert {v.event_id for v in Visitor.select()} == {world.event.id}


def test_applying_refuses_and_saves_nothing_if_the_world_changed(world, admin_client):
    page(admin_client, f"/pairing/cycles/{world.cycle.id}")
    Unavailability.create(user=world.hana, date=SOON, note="Called away")
    before = counts()
    response = admin_client.post(
        f"/pairing/cycles/{world.cycle.id}/apply", pair_field(world, world.angela, world.hana)
    )
    html = response.get_data(as_text=True)
    assert (
        response.status_code == 200
        and "Nothing was saved: things changed since the proposal was made" in html
    )
    assert f"Hana Hughes is unavailable on {SOON.day} {SOON:%B %Y}." in html
    assert counts() == before
    # and a fresh proposal round the change
    assert f'value="{world.angela.id}:{world.eddie.id}"' in html


def test_a_pair_that_was_never_proposed_cannot_be_smuggled_in(world, admin_client, people):
    admin_client.post(
        f"/pairing/cycles/{world.cycle.id}/apply", pair_field(world, world.angela, people["lead_a"])
    )
    assert Visitor.select().count() == 0


def test_swapping_pins_a_candidate_and_the_proposal_is_worked_out_round_them(world, admin_client):
    response = admin_client.post(
        f"/pairing/events/{world.event.id}/pins",
        {"role": "peer", "user": world.eddie.id},
        htmx=True,
    )
    html = response.get_data(as_text=True)
    assert html.lstrip().startswith('<div id="proposal">') and "Pinned" in html
    assert f'value="{world.angela.id}:{world.eddie.id}"' in html
    assert Visitor.select().count() == 0
    admin_client.post(
        f"/pairing/cycles/{world.cycle.id}/apply", pair_field(world, world.angela, world.eddie)
    )
    visitors = {v.role: v for v in Visitor.select()}
    assert (visitors["lead"].how, visitors["peer"].how) == (
        "auto",
        "manual",
    ) and not PairingPin.select().exists()


def test_without_javascript_a_pin_goes_back_to_the_preview(world, admin_client):
    response = admin_client.post(
        f"/pairing/events/{world.event.id}/pins", {"role": "peer", "user": world.eddie.id}
    )
    assert response.status_code == 302 and response.location.endswith(
        f"/pairing/cycles/{world.cycle.id}#event-{world.event.id}"
    )


def test_pinning_someone_who_breaks_a_rule_needs_a_reason(world, admin_client):
    Unavailability.create(user=world.hana, date=SOON)
    html = admin_client.post(
        f"/pairing/events/{world.event.id}/pins", {"role": "peer", "user": world.hana.id}
    ).get_data(as_text=True)
    assert (
        "Give a reason for breaking the rule" in html
        and f"Hana Hughes is unavailable on {SOON.day} {SOON:%B %Y}" in html
    )
    assert not PairingPin.select().exists()


def test_a_rule_breaking_pin_with_a_reason_is_saved_by_hand_with_the_reason_recorded(
    world, admin_client
):
    Unavailability.create(user=world.hana, date=SOON)
    admin_client.post(
        f"/pairing/events/{world.event.id}/pins",
        {"role": "peer", "user": world.hana.id, "reason": "She moved her leave"},
    )
    assert PairingPin.get().broken == "UNAVAILABLE"
    admin_client.post(
        f"/pairing/cycles/{world.cycle.id}/apply", pair_field(world, world.angela, world.hana)
    )
    peer = Visitor.get(Visitor.role == "peer")
    assert (peer.how, peer.override_reason, peer.user_id) == (
        "manual",
        "She moved her leave",
        world.hana.id,
    )
    assert "Pinned by an admin despite the rules: Hana Hughes is unavailable" in peer.explanation
    assert ClashOverride.get().reason == "She moved her leave"


def test_overriding_a_pairing_only_rule_is_recorded_beside_the_clashes(world, admin_client):
    from qa.people.models import User

    User.update(max_visits=0).where(User.id == world.hana.id).execute()
    admin_client.post(
        f"/pairing/events/{world.event.id}/pins",
        {"role": "peer", "user": world.hana.id, "reason": "Agreed one extra visit"},
    )
    admin_client.post(
        f"/pairing/cycles/{world.cycle.id}/apply", pair_field(world, world.angela, world.hana)
    )
    assert Visitor.get(Visitor.role == "peer").override_reason == "Agreed one extra visit"
    assert (
        ClashOverride.get().clashes
        == "Hana Hughes has reached their maximum of 0 visits this cycle."
    )


def test_the_by_hand_page_lists_rule_breakers_with_the_rule(world, admin_client):
    Unavailability.create(user=world.hana, date=SOON)
    html = page(admin_client, f"/pairing/events/{world.event.id}/peer")
    assert (
        "Eddie Evans, Little Acorns Nursery Group" in html and "40 points: Related sector" in html
    )
    assert f"Breaks a rule: Hana Hughes is unavailable on {SOON.day} {SOON:%B %Y}." in html


def test_unpinning_lets_the_proposal_choose_again(world, admin_client):
    admin_client.post(
        f"/pairing/events/{world.event.id}/pins", {"role": "peer", "user": world.eddie.id}
    )
    html = admin_client.post(
        f"/pairing/events/{world.event.id}/pins/peer/remove", htmx=True
    ).get_data(as_text=True)
    assert not PairingPin.select().exists() and f'value="{world.angela.id}:{world.hana.id}"' in html


def test_an_event_nobody_can_lead_says_why(world, admin_client):
    Unavailability.create(user=world.angela, date=SOON)
    html = page(admin_client, f"/pairing/cycles/{world.cycle.id}")
    assert "None of them can be paired within the rules" in html
    assert (
        f"No lead is free to visit Northbrook Hospitals NHS Foundation Trust on {SOON.day} "
        f"{SOON:%B %Y}: 1 unavailable." in html
    )


def test_the_preview_runs_a_bounded_number_of_queries(world, admin_client, count_queries):
    path = f"/pairing/cycles/{world.cycle.id}"
    admin_client.get(path)
    with count_queries() as counter:
        admin_client.get(path)
    for number in range(3):
        dated_event(
            world.cycle, [world.nursery, world.community, world.police][number], SOON, world.admin
        )
    with count_queries() as bigger:
        admin_client.get(path)
    assert bigger.count == counter.count <= 20, (counter.count, bigger.count)


def test_the_calendar_and_a_person_page_link_to_pairing(world, admin_client):
    assert f"/pairing/cycles/{world.cycle.id}" in page(
        admin_client, f"/challenge/cycles/{world.cycle.id}"
    )
    assert f"/admin/people/{world.hana.id}/pairing" in page(
        admin_client, f"/admin/people/{world.hana.id}"
    )
    assert f"/pairing/cycles/{world.cycle.id}#event-{world.event.id}" in page(
        admin_client, f"/challenge/events/{reload(world.event).id}"
    )


def test_an_event_with_one_visitor_saved_gets_only_the_other_proposed_and_saved(
    world, admin_client
):
    from qa.challenge import scheduling

    scheduling.assign_visitor(
        reload(world.event), world.angela, "lead", "manual", "Asked for this one", world.admin
    )
    html = page(admin_client, f"/pairing/cycles/{world.cycle.id}")
    assert "Already saved" in html and f'value="{world.angela.id}:{world.hana.id}"' in html
    admin_client.post(
        f"/pairing/cycles/{world.cycle.id}/apply", pair_field(world, world.angela, world.hana)
    )
    visitors = {v.role: v for v in Visitor.select()}
    assert (visitors["lead"].how, visitors["lead"].explanation) == ("manual", "Asked for this one")
    assert (visitors["peer"].how, visitors["peer"].user_id) == ("auto", world.hana.id)


def shown(html):
    return re.search(r'name="before" value="([^"]*)"', html).group(1)


def rerun_world(world):
    """Two events; Angela may visit once: pinning her to the hospital moves the nursery's lead."""
    User.update(subgroup_member=True).where(User.id.in_([world.hana.id, world.eddie.id])).execute()
    User.update(max_visits=1).where(User.id == world.angela.id).execute()
    return dated_event(world.cycle, world.nursery, SOON + timedelta(days=1), world.admin)


def test_the_swap_list_gives_every_reason_in_full_as_radios_not_a_cut_off_select(
    world, admin_client
):
    html = page(admin_client, f"/pairing/cycles/{world.cycle.id}")
    assert "<select" not in html
    label = re.search(
        rf'<input class="govuk-radios__input" id="swap-{world.event.id}-peer-{world.eddie.id}"'
        rf"[^>]*>\s*<label[^>]*>([^<]*)</label>\s*<div[^>]*>([^<]*)</div>",
        html,
    )
    assert label.groups() == (
        "Eddie Evans, Little Acorns Nursery Group",
        "65 points: Related sector: Early years is related to Health; no visits this cycle; "
        "never visited this agency; both would be first-time visitors.",
    )


def test_a_rerun_after_a_pin_names_every_change_it_made_even_to_another_event(world, admin_client):
    rerun_world(world)
    before = shown(page(admin_client, f"/pairing/cycles/{world.cycle.id}"))
    response = admin_client.post(
        f"/pairing/events/{world.event.id}/pins",
        {"role": "lead", "user": world.angela.id, "before": before},
        htmx=True,
    )
    html = response.get_data(as_text=True)
    assert "Worked out again: 3 changes from the proposal before" in html
    hospital, nursery = world.hospital.name, world.nursery.name
    day = format_date(SOON)
    for line in (
        f"{hospital}: the lead was Eddie Evans, now Angela Brooks. Angela Brooks was pinned here "
        "by hand.",
        f"{nursery}: the lead was Angela Brooks, now Hana Hughes. Angela Brooks is now proposed "
        f"for {hospital} on {day} instead; Hana Hughes was the next best fit.",
        f"{nursery}: the peer was Hana Hughes, now Olivia Chen. Hana Hughes is already the lead "
        "for this visit; Olivia Chen was the next best fit.",
    ):
        assert f"<li>{line}</li>" in html
    # and in the table, in words beside each changed visitor
    assert html.count(">Changed</strong>") == 3 and "was Angela Brooks" in html


def test_without_javascript_the_rerun_still_names_its_changes(world, admin_client):
    rerun_world(world)
    before = shown(page(admin_client, f"/pairing/cycles/{world.cycle.id}"))
    response = admin_client.post(
        f"/pairing/events/{world.event.id}/pins",
        {"role": "lead", "user": world.angela.id, "before": before},
    )
    assert response.status_code == 302
    html = page(admin_client, response.location)
    assert f"{world.nursery.name}: the lead was Angela Brooks, now Hana Hughes" in html


def test_proposing_again_with_nothing_changed_says_so(world, admin_client):
    before = shown(page(admin_client, f"/pairing/cycles/{world.cycle.id}"))
    html = page(admin_client, f"/pairing/cycles/{world.cycle.id}?before={before}")
    assert "no visitor changed from the proposal before" in html and ">Changed<" not in html


def test_the_shown_proposal_sent_back_is_read_and_junk_ignored():
    assert shown_pairs("3:7:9 4::12 5:: junk 6:x:1 <b>") == {
        3: (7, 9),
        4: (None, 12),
        5: (None, None),
    }
    assert shown_pairs(None) == {}


def test_a_proposal_not_proven_lowest_says_how_far_above_the_lowest_it_may_be(
    world, admin_client, monkeypatch
):
    from dataclasses import replace

    from qa.pairing import solver

    real = solver.propose

    def unproven(*args, **kwargs):
        found = real(*args, **kwargs)
        return replace(
            found,
            status="feasible",
            solver_status="no solver answer in time (UNKNOWN): the quick greedy answer",
            lower_bound=found.total_cost * 9 // 10,
        )

    monkeypatch.setattr(solver, "propose", unproven)
    html = page(admin_client, f"/pairing/cycles/{world.cycle.id}")
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert (
        "a quick first answer, as the solver found nothing better in the time allowed: no "
        "pairing of as many events can cost less than" in text
    )
    assert "% above the lowest possible" in text


def test_the_fairest_pairing_is_compared_when_asked(world, admin_client):
    html = page(admin_client, f"/pairing/cycles/{world.cycle.id}")
    assert "Compare with the fairest pairing" in html and "The fairest pairing beside" not in html
    html = page(admin_client, f"/pairing/cycles/{world.cycle.id}?fair=1")
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert (
        "This proposal is already the fairest: no pairing makes its worst-fitting event, "
        "Northbrook Hospitals NHS Foundation Trust (25 points for sector, repeat visits and the "
        "pair), fit better." in text
    )
