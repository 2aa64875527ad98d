"""Choosing and scheduling challenge events.

Refused dates and agencies, clashes that block unless overridden, cancelling, the calendar.
"""

import re
from datetime import date, timedelta

import pytest

from qa.audit import AuditEvent
from qa.challenge import queries, scheduling
from qa.challenge.models import ChallengeEvent, ClashOverride, Finding, Visitor
from qa.people.models import Agency, Conflict, Unavailability
from tests.challenge_helpers import (
    SOON,
    at,
    cycle_fixture,  # noqa: F401
    event_fixture,  # noqa: F401
    last_cycle_fixture,  # noqa: F401
    outsider_fixture,  # noqa: F401
    reload,
    submitted_return,
)
from tests.conftest import dates


def schedule_form(event, **changes):
    data = {
        "version": event.version,
        "day": SOON.isoformat(),
        "starts": "10:00",
        "ends": "13:00",
        "location": "Room 4",
    }
    data.update(changes)
    data |= dates(day=data.pop("day"))
    return data


def test_choosing_agencies_creates_proposed_events_with_the_admins_reasons(
    admin_client, people, cycle
):
    response = admin_client.post(
        f"/challenge/cycles/{cycle.id}/selection",
        {
            "agency": [people["agency_a"].id],
            "confirm": "1",
            f"reason-{people['agency_a'].id}": "Never challenged",
        },
    )
    assert response.status_code == 302
    event = ChallengeEvent.get(ChallengeEvent.agency == people["agency_a"])
    assert (event.status, event.selection_reason) == ("proposed", "Never challenged")


def test_each_choice_needs_a_reason(admin_client, people, cycle):
    response = admin_client.post(
        f"/challenge/cycles/{cycle.id}/selection",
        {"agency": [people["agency_a"].id], "confirm": "1"},
    )
    assert (
        response.status_code == 200
        and "Say why Northbrook Hospitals NHS Foundation Trust was chosen"
        in response.get_data(as_text=True)
    )
    assert ChallengeEvent.select().count() == 0


def test_ticking_agencies_asks_for_reasons_before_saving(admin_client, people, cycle):
    html = admin_client.post(
        f"/challenge/cycles/{cycle.id}/selection",
        {"agency": [people["agency_a"].id, people["agency_b"].id]},
    ).get_data(as_text=True)
    assert (
        "Why was each agency chosen?" in html and f'name="reason-{people["agency_b"].id}"' in html
    )
    assert ChallengeEvent.select().count() == 0


def test_an_inactive_agency_cannot_be_chosen(app, people, cycle):
    Agency.update(active=False).where(Agency.id == people["agency_b"].id).execute()
    with pytest.raises(scheduling.ScheduleError, match="inactive"):
        scheduling.choose(
            cycle, [(Agency.get_by_id(people["agency_b"].id), "Because")], people["admin"]
        )


def test_an_inactive_agency_is_not_offered_and_a_posted_one_is_ignored(admin_client, people, cycle):
    Agency.update(active=False).where(Agency.id == people["agency_b"].id).execute()
    assert "Northbrook Constabulary" not in admin_client.get(
        f"/challenge/cycles/{cycle.id}/selection"
    ).get_data(as_text=True)
    admin_client.post(
        f"/challenge/cycles/{cycle.id}/selection",
        {"agency": [people["agency_b"].id], "confirm": "1", f"reason-{people['agency_b'].id}": "x"},
    )
    assert ChallengeEvent.select().count() == 0


def test_an_inactive_agency_cannot_be_scheduled(admin_client, people, event):
    Agency.update(active=False).where(Agency.id == people["agency_a"].id).execute()
    html = admin_client.post(
        f"/challenge/events/{event.id}/schedule", schedule_form(event)
    ).get_data(as_text=True)
    assert "is inactive, so it cannot be challenged" in html


def test_selection_page_shows_counts_and_suggests_a_shortlist(
    admin_client, people, cycle, last_cycle
):
    submitted_return(people["agency_a"], cycle, rags="RRAGGGGGG")
    html = admin_client.get(f"/challenge/cycles/{cycle.id}/selection?size=1").get_data(as_text=True)
    row = html[html.index(f'id="candidate-{people["agency_a"].id}"') :]
    row = row[: row.index("</tr>")]
    assert "Suggested" in row and "checked" in row and "2 red and 1 amber self-ratings" in row
    assert "1 suggested" in html


def test_selection_page_runs_a_bounded_number_of_queries(
    admin_client, people, cycle, count_queries
):
    for n in range(30):
        submitted_return(Agency.create(name=f"Agency {n}", sector=people["agency_a"].sector), cycle)
    with count_queries() as counter:
        assert admin_client.get(f"/challenge/cycles/{cycle.id}/selection").status_code == 200
    assert counter.count <= 10, counter.count


def test_scheduling_a_proposed_event_lays_out_a_finding_per_standard_with_the_agencys_own_rating(
    app, people, cycle
):
    submitted_return(people["agency_a"], cycle)
    made = scheduling.choose(cycle, [(people["agency_a"], "Because")], people["admin"])[0]
    scheduling.schedule(made, made.version, at(SOON, 10), at(SOON, 12), "Room 1", people["admin"])
    assert reload(made).status == "scheduled"
    assert (
        "".join(
            f.self_rag
            for f in Finding.select().where(Finding.event == made).order_by(Finding.standard)
        )
        == "GGAGRGAGG"
    )


def test_a_date_in_the_past_is_refused(admin_client, event):
    html = admin_client.post(
        f"/challenge/events/{event.id}/schedule",
        schedule_form(event, day=(date.today() - timedelta(days=1)).isoformat()),
    ).get_data(as_text=True)
    assert "The date of the visit must be today or in the future" in html


def test_an_end_before_the_start_is_refused(admin_client, event):
    html = admin_client.post(
        f"/challenge/events/{event.id}/schedule", schedule_form(event, starts="14:00", ends="11:00")
    ).get_data(as_text=True)
    assert "The end time must be after the start time" in html


def test_a_clash_blocks_the_save_and_is_explained(admin_client, people, event):
    Unavailability.create(user=people["peer"], date=SOON + timedelta(days=1))
    response = admin_client.post(
        f"/challenge/events/{event.id}/schedule",
        schedule_form(event, day=(SOON + timedelta(days=1)).isoformat()),
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "Olivia Chen has said they are not available on" in html
    assert "Reason for going ahead despite the clash" in html
    assert reload(event).starts_at.date() == SOON


def test_an_override_reason_lets_the_save_through_and_is_kept(admin_client, people, event):
    Unavailability.create(user=people["peer"], date=SOON + timedelta(days=1))
    form = schedule_form(
        event, day=(SOON + timedelta(days=1)).isoformat(), override_reason="She moved her leave"
    )
    assert admin_client.post(f"/challenge/events/{event.id}/schedule", form).status_code == 302
    assert reload(event).starts_at.date() == SOON + timedelta(days=1)
    override = ClashOverride.get(ClashOverride.event == event)
    assert override.reason == "She moved her leave" and "not available" in override.clashes
    assert "She moved her leave" in admin_client.get(f"/challenge/events/{event.id}").get_data(
        as_text=True
    )


def test_after_a_clash_the_admin_can_save_a_changed_choice_instead_of_going_ahead(
    admin_client, people, event
):
    """The only button under the clashes was "Go ahead despite the clashes", even when the admin
    had changed their choice; now "Save my new choice" checks it again, whatever the reason box
    holds."""
    Unavailability.create(user=people["peer"], date=SOON + timedelta(days=1))
    clashing = schedule_form(
        event, day=(SOON + timedelta(days=1)).isoformat(), override_reason="Typed, then changed"
    )
    html = admin_client.post(
        f"/challenge/events/{event.id}/schedule", {**clashing, "recheck": "1"}
    ).get_data(as_text=True)
    assert "Save my new choice" in html and "Go ahead despite the clashes" in html
    assert reload(event).starts_at.date() == SOON and not ClashOverride.select().exists()
    changed = schedule_form(event, day=(SOON + timedelta(days=2)).isoformat())
    response = admin_client.post(
        f"/challenge/events/{event.id}/schedule", {**changed, "recheck": "1"}
    )
    assert response.status_code == 302 and reload(event).starts_at.date() == SOON + timedelta(2)


def test_a_visitor_with_a_conflict_is_a_clash_when_assigned(admin_client, people, event, outsider):
    Conflict.create(user=outsider, agency=people["agency_a"], kind="family")
    html = admin_client.post(
        f"/challenge/events/{event.id}/visitors", {"role": "peer", "user": outsider.id}
    ).get_data(as_text=True)
    assert (
        "Ben Ashworth has declared a conflict of interest with Northbrook Hospitals NHS "
        "Foundation Trust" in html
    )
    assert (
        Visitor.get((Visitor.event == event) & (Visitor.role == "peer")).user_id
        == people["peer"].id
    )


def test_a_visitor_already_visiting_elsewhere_that_day_is_a_clash(app, people, event, cycle):
    other = scheduling.choose(cycle, [(people["agency_b"], "Because")], people["admin"])[0]
    scheduling.schedule(
        other, other.version, at(SOON, 14), at(SOON, 16), "Police HQ", people["admin"]
    )
    with pytest.raises(scheduling.Clashes) as found:
        scheduling.assign_visitor(
            reload(other), people["peer"], "peer", "manual", "", people["admin"]
        )
    assert [c.kind for c in found.value.clashes] == ["own-agency", "busy"]


def test_two_events_for_one_agency_in_a_cycle_is_refused(app, people, event, cycle):
    with pytest.raises(scheduling.ScheduleError, match="already has a challenge event"):
        scheduling.choose(cycle, [(people["agency_a"], "Again")], people["admin"])


def test_assigning_by_hand_replaces_the_visitor_in_that_role_and_records_how(
    admin_client, people, event, outsider
):
    assert (
        admin_client.post(
            f"/challenge/events/{event.id}/visitors",
            {"role": "peer", "user": outsider.id, "explanation": "Health background"},
        ).status_code
        == 302
    )
    visitor = Visitor.get((Visitor.event == event) & (Visitor.role == "peer"))
    assert (visitor.user_id, visitor.how, visitor.explanation) == (
        outsider.id,
        "manual",
        "Health background",
    )


def test_only_a_sub_group_member_may_lead(app, people, event, outsider):
    with pytest.raises(scheduling.ScheduleError, match="not a member of the QA sub-group"):
        scheduling.assign_visitor(event, outsider, "lead", "manual", "", people["admin"])


def test_changing_a_scheduled_events_date_bumps_the_invite_sequence(app, people, event):
    before = event.ics_sequence
    scheduling.schedule(
        event,
        event.version,
        at(SOON + timedelta(days=2), 10),
        at(SOON + timedelta(days=2), 12),
        "Room 4",
        people["admin"],
    )
    assert reload(event).ics_sequence == before + 1


def test_a_stale_schedule_save_shows_both_versions(admin_client, people, event):
    stale = schedule_form(event, location="Room 9")
    scheduling.schedule(event, event.version, at(SOON, 10), at(SOON, 13), "Room 5", people["admin"])
    html = admin_client.post(f"/challenge/events/{event.id}/schedule", stale).get_data(as_text=True)
    assert (
        "Someone else saved this while you were editing" in html
        and "Room 5" in html
        and "Room 9" in html
    )
    assert reload(event).location == "Room 5"


def test_cancelling_needs_a_reason_and_is_audited(admin_client, event):
    assert "Say why" in admin_client.post(
        f"/challenge/events/{event.id}/cancel", {"version": event.version, "reason": ""}
    ).get_data(as_text=True)
    assert (
        admin_client.post(
            f"/challenge/events/{event.id}/cancel",
            {"version": event.version, "reason": "The agency is merging"},
        ).status_code
        == 302
    )
    cancelled = reload(event)
    assert (cancelled.status, cancelled.cancelled_reason) == ("cancelled", "The agency is merging")
    assert (
        AuditEvent.select()
        .where((AuditEvent.verb == "cancelled") & (AuditEvent.object_id == event.id))
        .exists()
    )


def test_a_stale_cancel_says_someone_changed_the_event_and_keeps_the_reason(
    admin_client, people, event
):
    opened = event.version
    scheduling.schedule(event, event.version, at(SOON, 10), at(SOON, 13), "Room 5", people["admin"])
    html = admin_client.post(
        f"/challenge/events/{event.id}/cancel", {"version": opened, "reason": "Merging"}
    ).get_data(as_text=True)
    assert "Someone changed this event while you were here" in html and "Merging" in html
    assert reload(event).status == "scheduled"
    sent_again = admin_client.post(
        f"/challenge/events/{event.id}/cancel",
        {"version": reload(event).version, "reason": "Merging"},
    )
    assert sent_again.status_code == 302 and reload(event).status == "cancelled"


def test_after_cancelling_the_agency_can_be_chosen_again(app, people, event, cycle):
    scheduling.cancel(event, event.version, "Moved to next term", people["admin"])
    assert scheduling.choose(cycle, [(people["agency_a"], "Chosen again")], people["admin"])


def test_an_event_cannot_be_marked_held_before_its_date(app, people, event):
    with pytest.raises(scheduling.ScheduleError, match="once it has taken place"):
        scheduling.mark_held(event, people["admin"])


def test_marking_held_copies_the_agencys_ratings_as_they_are_on_the_day(app, people, event):
    from qa.section11.models import Rating

    Rating.update(rag="R").execute()
    ChallengeEvent.update(starts_at=at(date.today(), 0)).where(
        ChallengeEvent.id == event.id
    ).execute()
    scheduling.mark_held(reload(event), people["admin"])
    assert {f.self_rag for f in Finding.select().where(Finding.event == event)} == {"R"}


def test_calendar_lists_events_by_month_in_a_bounded_number_of_queries(
    admin_client, people, event, cycle, count_queries
):
    for n in range(12):
        agency = Agency.create(name=f"Agency {n}", sector=people["agency_a"].sector)
        made = scheduling.choose(cycle, [(agency, "Because")], people["admin"])[0]
        scheduling.schedule(
            made,
            made.version,
            at(SOON + timedelta(days=n * 7), 10),
            at(SOON + timedelta(days=n * 7), 12),
            "Room",
            people["admin"],
        )
    with count_queries() as counter:
        html = admin_client.get(f"/challenge/cycles/{cycle.id}").get_data(as_text=True)
    assert counter.count <= 8, counter.count
    assert SOON.strftime("%B %Y") in html and "Olivia Chen" in html


def test_events_needing_visitors_lists_those_without_a_lead_or_peer(app, people, event, cycle):
    from qa.challenge.queries import events_needing_visitors

    other = scheduling.choose(cycle, [(people["agency_b"], "Because")], people["admin"])[0]
    assert [e.id for e in events_needing_visitors(cycle)] == [other.id]
    Visitor.delete().where(Visitor.role == "peer").execute()
    assert {e.id for e in events_needing_visitors(cycle)} == {other.id, event.id}


def test_a_reviewers_visits_and_a_leads_events_are_listed_in_a_bounded_number_of_queries(
    app, signed_in, people, event, cycle, count_queries
):
    for n in range(10):
        agency = Agency.create(name=f"Agency {n}", sector=people["agency_a"].sector)
        made = scheduling.choose(cycle, [(agency, "Because")], people["admin"])[0]
        Visitor.create(event=made, user=people["peer"], role="peer")
    peer, lead = signed_in(people["peer"]), signed_in(people["lead_a"])
    with count_queries() as counter:
        assert "Agency 9" in peer.get("/challenge").get_data(as_text=True)
    assert counter.count <= 8, counter.count
    with count_queries() as counter:
        assert "What to prepare" in lead.get("/challenge").get_data(as_text=True)
    assert counter.count <= 8, counter.count


def test_a_reviewers_visits_come_in_date_order_the_next_visit_first(app, people, cycle):
    """The peer's list mixed its visits up; now: to come (soonest first), undated, then past."""
    today = date.today()
    dates = {"Past": today - timedelta(days=20), "Later": SOON, "Next": today + timedelta(days=3)}
    for name in ("Past", "Later", "Undated", "Next"):
        agency = Agency.create(name=f"{name} agency", sector=people["agency_a"].sector)
        made = scheduling.choose(cycle, [(agency, "Because")], people["admin"])[0]
        if name in dates:
            ChallengeEvent.update(starts_at=at(dates[name], 10), ends_at=at(dates[name], 12)).where(
                ChallengeEvent.id == made.id
            ).execute()
        Visitor.create(event=made, user=people["peer"], role="peer")
    listed = [e.agency.name for e in queries.visits_of(people["peer"])]
    assert listed == ["Next agency", "Later agency", "Undated agency", "Past agency"]


def test_the_visit_date_is_three_boxes_and_a_missing_month_is_marked_and_kept(admin_client, event):
    page = admin_client.get(f"/challenge/events/{event.id}/schedule").get_data(as_text=True)
    assert 'name="day-day"' in page and 'name="day-month"' in page and 'name="day-year"' in page
    assert 'type="date"' not in page and 'type="time"' not in page
    form = schedule_form(event) | {"day-month": "", "starts": "9.30"}
    html = admin_client.post(f"/challenge/events/{event.id}/schedule", form).get_data(as_text=True)
    assert '<a href="#day-month">The date of the visit must include a month</a>' in html
    month_box = re.search(r'<input class="([^"]*)" id="day-month"', html).group(1)
    day_box = re.search(r'<input class="([^"]*)" id="day"', html).group(1)
    assert "govuk-input--error" in month_box and "govuk-input--error" not in day_box
    assert (
        f'id="day-year" name="day-year" type="text" inputmode="numeric" value="{SOON.year}"' in html
    )
    assert 'value="9.30"' in html  # the time as typed
