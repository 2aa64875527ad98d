"""A person's own account: password, conflicts of interest, unavailable dates."""

from qa.people.models import Conflict, Unavailability, User
from tests.conftest import Client, dates


def test_change_password_needs_the_current_one_and_a_good_new_one(app, lead_client, people):
    wrong = lead_client.post(
        "/account/password",
        {
            "current_password": "not it at all",
            "new_password": "kettle river orange",
            "confirm_password": "kettle river orange",
        },
    )
    assert "not right" in wrong.get_data(as_text=True)
    weak = lead_client.post(
        "/account/password",
        {
            "current_password": "correct horse battery",
            "new_password": "short",
            "confirm_password": "short",
        },
    )
    assert "at least 12" in weak.get_data(as_text=True)
    ok = lead_client.post(
        "/account/password",
        {
            "current_password": "correct horse battery",
            "new_password": "kettle river orange",
            "confirm_password": "kettle river orange",
        },
    )
    assert ok.status_code == 302
    assert Client(app).sign_in(people["lead_a"].email, "kettle river orange").status_code == 302


def test_changing_password_signs_out_other_devices_but_not_this_one(app, people, lead_client):
    other = Client(app)
    other.sign_in(people["lead_a"].email)
    lead_client.post(
        "/account/password",
        {
            "current_password": "correct horse battery",
            "new_password": "kettle river orange",
            "confirm_password": "kettle river orange",
        },
    )
    assert lead_client.get("/").status_code == 200
    assert other.get("/").status_code == 302


def test_declaring_a_conflict_returns_the_refreshed_section_for_htmx(reviewer_client, people):
    response = reviewer_client.post(
        "/account/conflicts",
        {"agency": people["agency_a"].id, "kind": "family", "detail": "My sister works there"},
        htmx=True,
    )
    html = response.get_data(as_text=True)
    assert html.lstrip().startswith('<section id="conflicts"') and people["agency_a"].name in html
    assert Conflict.get(Conflict.user == people["reviewer"]).kind == "family"


def test_conflict_needs_an_agency_and_a_kind_and_cannot_be_declared_twice(reviewer_client, people):
    bad = reviewer_client.post(
        "/account/conflicts", {"agency": "None", "kind": "made-up"}
    ).get_data(as_text=True)
    assert "Choose the agency" in bad and "Choose what kind" in bad
    reviewer_client.post("/account/conflicts", {"agency": people["agency_a"].id, "kind": "other"})
    again = reviewer_client.post(
        "/account/conflicts", {"agency": people["agency_a"].id, "kind": "other"}
    ).get_data(as_text=True)
    assert "already declared" in again and Conflict.select().count() == 1


def test_a_person_cannot_withdraw_someone_elses_conflict_and_the_attempt_is_recorded(
    reviewer_client, people
):
    from qa.audit import AuditEvent

    theirs = Conflict.create(user=people["peer"], agency=people["agency_a"], kind="other")
    assert reviewer_client.post(f"/account/conflicts/{theirs.id}/withdraw").status_code == 404
    assert Conflict.get_or_none(Conflict.id == theirs.id) is not None
    denied = AuditEvent.get(AuditEvent.verb == "denied")
    assert (denied.object_type, denied.object_id) == (
        "Conflict",
        theirs.id,
    ) and "Olivia Chen" in denied.summary


def test_unavailable_dates_must_be_real_and_not_in_the_past(reviewer_client, people):
    assert "Enter a real date" in reviewer_client.post(
        "/account/unavailable", dates(day="2027-02-31")
    ).get_data(as_text=True)
    assert "today or in the future" in reviewer_client.post(
        "/account/unavailable", dates(day="2001-01-01")
    ).get_data(as_text=True)
    assert (
        reviewer_client.post(
            "/account/unavailable", {**dates(day="2031-05-06"), "note": "Leave"}
        ).status_code
        == 302
    )
    entry = Unavailability.get(Unavailability.user == people["reviewer"])
    reviewer_client.post(f"/account/unavailable/{entry.id}/withdraw")
    assert Unavailability.select().count() == 0


def test_account_page_shows_the_persons_own_details(lead_client, people):
    html = lead_client.get("/account").get_data(as_text=True)
    assert people["lead_a"].email in html and people["agency_a"].name in html
    assert User.get_by_id(people["lead_a"].id).role == "agency_lead"


def test_home_page_greets_people_by_name_not_by_title(app, people, signed_in):
    people["lead_a"].name = "Dr Helen Marsh"
    people["lead_a"].save()
    html = signed_in(people["lead_a"]).get("/").get_data(as_text=True)
    assert "Hello, Helen" in html
