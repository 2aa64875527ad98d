"""No mass assignment: fields a form does not have.

(`status`, `agency_id`, `role`, a record's owner…) posted beside a valid save change nothing, for
the people with least power: an agency lead and a visiting reviewer.
"""

from datetime import date, timedelta

from qa.actions.models import Action
from qa.challenge.models import ChallengeEvent, Finding
from qa.people.models import User
from qa.section11.models import Rating, Return
from tests.challenge_helpers import cycle_fixture, event_fixture, findings_of  # noqa: F401
from tests.section11_fixtures import ratings_of


def extras(people, **more):
    """Everything a hostile post might try to set, pointing at agency B and the admin."""
    other, admin = people["agency_b"].id, people["admin"].id
    return {
        "status": "submitted",
        "agency": other,
        "agency_id": other,
        "role": "admin",
        "subgroup_member": "y",
        "active": "y",
        "submitted_by": admin,
        "submitted_at": "2020-01-01 00:00",
        "moderation_status": "agreed",
        "moderation_comment": "Fine",
        "moderated_by": admin,
        "moderation_version": "99",
        "id": "999",
        "owner": admin,
        "locked": "1",
        **more,
    }


def test_a_lead_saving_a_rating_cannot_move_it_moderate_it_or_submit_the_return(
    lead_client, people, return_a
):
    rating, other_rating = ratings_of(return_a)[:2]
    post = {
        "version": rating.version,
        "rag": "G",
        "evidence": "Audited twenty cases",
        "return_": 999,
        "return_id": 999,
        "standard": other_rating.standard_id,
        "standard_id": other_rating.standard_id,
    }
    response = lead_client.post(f"/section11/ratings/{rating.id}", post | extras(people))
    assert response.status_code in (200, 302, 303)
    saved = Rating.get_by_id(rating.id)
    # the real fields were saved
    assert (saved.rag, saved.evidence) == ("G", "Audited twenty cases")
    assert (saved.__data__["return_"], saved.standard_id) == (return_a.id, rating.standard_id)
    assert (
        saved.moderation_status,
        saved.moderation_comment,
        saved.moderated_by_id,
        saved.moderation_version,
    ) == ("", "", None, 1)
    ret = Return.get_by_id(return_a.id)
    assert (ret.status, ret.submitted_at, ret.agency_id) == ("draft", None, people["agency_a"].id)


def test_changing_your_password_cannot_change_your_role_agency_or_standing(lead_client, people):
    lead = people["lead_a"]
    response = lead_client.post(
        "/account/password",
        {
            "current_password": "correct horse battery",
            "new_password": "kettle river orange",
            "confirm_password": "kettle river orange",
        }
        | extras(people),
    )
    assert response.status_code in (200, 302, 303)
    saved = User.get_by_id(lead.id)
    assert saved.password_hash != lead.password_hash  # the password did change
    assert (saved.role, saved.agency_id, saved.subgroup_member, saved.email) == (
        "agency_lead",
        people["agency_a"].id,
        False,
        lead.email,
    )


def test_a_lead_updating_an_action_cannot_give_it_to_another_agency_or_cycle(
    lead_client, people, cycles
):
    action = Action.create(
        agency=people["agency_a"],
        cycle=cycles["this"],
        source="manual",
        description="Refresh the policy",
        owner="Head of quality",
        due=date.today() + timedelta(days=30),
    )
    post = {
        "version": action.version,
        "status": "in_progress",
        "cycle": cycles["last"].id,
        "source": "challenge",
        "description": "Changed",
    }
    assert lead_client.post(
        f"/actions/{action.id}", post | extras(people, status="in_progress")
    ).status_code in (200, 302, 303)
    saved = Action.get_by_id(action.id)
    assert saved.status == "in_progress"
    assert (saved.agency_id, saved.cycle_id, saved.source, saved.description) == (
        people["agency_a"].id,
        cycles["this"].id,
        "manual",
        "Refresh the policy",
    )


def test_a_visitor_saving_a_finding_cannot_move_it_or_agree_the_event(signed_in, people, event):
    finding = findings_of(event)[0]
    visitor = signed_in(people["reviewer"])
    post = {
        "strengths": "Strong board oversight",
        "base-strengths": "",
        "version": finding.version,
        "event": 999,
        "event_id": 999,
        "standard": 999,
        "agreed": "1",
        "agreed_by": people["admin"].id,
    }
    response = visitor.post(
        f"/challenge/findings/{finding.id}/fields/strengths", post | extras(people), htmx=True
    )
    assert response.status_code == 200
    saved = Finding.get_by_id(finding.id)
    assert saved.strengths == "Strong board oversight"
    assert (saved.event_id, saved.standard_id) == (event.id, finding.standard_id)
    after = ChallengeEvent.get_by_id(event.id)
    assert (after.status, after.agency_id) == (event.status, event.agency_id)
