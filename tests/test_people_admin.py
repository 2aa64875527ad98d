"""Admin pages for sectors, agencies and people: search, validation, versioned saves, audit."""

from qa.audit import AuditEvent
from qa.people.models import Agency, Sector, User
from tests.conftest import Client


def agency_form(agency, **changes):
    data = {
        "version": agency.version,
        "name": agency.name,
        "sector": agency.sector_id,
        "framework": "None",
        "active": "y",
    }
    data.update(changes)
    return data


def test_active_search_returns_only_matching_rows_as_a_fragment(admin_client, people):
    response = admin_client.get("/admin/agencies?q=Constab", headers={"HX-Request": "true"})
    html = response.get_data(as_text=True)
    assert "Northbrook Constabulary" in html and "Hospitals" not in html and "<html" not in html


def test_agency_list_filters_by_sector_and_status(admin_client, people):
    people["agency_b"].save_versioned(people["agency_b"].version, active=False)
    health = Sector.get(Sector.slug == "health")
    assert "Constabulary" not in admin_client.get(f"/admin/agencies?sector={health.id}").get_data(
        as_text=True
    )
    inactive = admin_client.get("/admin/agencies?status=inactive").get_data(as_text=True)
    assert "Constabulary" in inactive and "Hospitals" not in inactive


def test_agency_list_runs_a_bounded_number_of_queries(admin_client, people, count_queries):
    police = Sector.get(Sector.slug == "police")
    for n in range(40):
        Agency.create(name=f"Agency {n}", sector=police)
    with count_queries() as counter:
        assert admin_client.get("/admin/agencies").status_code == 200
    assert counter.count <= 6, counter.count


def test_people_list_runs_a_bounded_number_of_queries(admin_client, people, count_queries):
    for n in range(40):
        User.create(
            email=f"p{n}@example.org",
            name=f"Person {n}",
            role="reviewer",
            agency=people["agency_a"],
        )
    with count_queries() as counter:
        assert admin_client.get("/admin/people").status_code == 200
    assert counter.count <= 6, counter.count


def test_creating_an_agency_is_audited_with_what_was_set(admin_client, people):
    health = Sector.get(Sector.slug == "health")
    response = admin_client.post(
        "/admin/agencies/new",
        {
            "version": "1",
            "name": "Northbrook Youth Offending Team",
            "sector": health.id,
            "framework": "None",
            "active": "y",
        },
    )
    assert response.status_code == 302
    agency = Agency.get(Agency.name == "Northbrook Youth Offending Team")
    event = AuditEvent.get(
        (AuditEvent.object_type == "Agency") & (AuditEvent.object_id == agency.id)
    )
    assert event.user_id == people["admin"].id and event.change_list["sector"] == ["", "Health"]
    page = admin_client.get(f"/admin/audit?type=Agency&id={agency.id}").get_data(as_text=True)
    assert "Created Northbrook Youth Offending Team" in page


def test_agency_with_no_name_or_bad_sector_keeps_what_was_typed(admin_client, people):
    response = admin_client.post(
        "/admin/agencies/new",
        {"version": "1", "name": "", "sector": "nonsense", "framework": "None"},
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Enter the agency&#39;s name" in html and "Choose a sector" in html


def test_inline_validation_ping_checks_but_never_saves(admin_client, people):
    before = Agency.select().count()
    response = admin_client.post(
        "/admin/agencies/new",
        {
            "version": "1",
            "name": "Brand new agency",
            "sector": people["agency_a"].sector_id,
            "_validate": "name",
        },
    )
    assert response.status_code == 200 and Agency.select().count() == before


def test_second_editor_gets_a_conflict_with_both_versions_not_a_silent_overwrite(app, people):
    first, second = Client(app), Client(app)
    first.sign_in(people["admin"].email)
    second.sign_in(people["admin"].email)
    agency = people["agency_a"]
    assert (
        first.post(
            f"/admin/agencies/{agency.id}", agency_form(agency, name="Name from the first tab")
        ).status_code
        == 302
    )
    response = second.post(
        f"/admin/agencies/{agency.id}", agency_form(agency, name="Name from the second tab")
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "Someone else saved this" in html
    assert "Name from the first tab" in html and "Name from the second tab" in html
    assert Agency.get_by_id(agency.id).name == "Name from the first tab"
    # Saving again from the conflict page (now at the current version) keeps the second editor's
    # text.
    assert (
        second.post(
            f"/admin/agencies/{agency.id}",
            agency_form(Agency.get_by_id(agency.id), name="Name from the second tab"),
        ).status_code
        == 302
    )
    assert Agency.get_by_id(agency.id).name == "Name from the second tab"


def test_admin_adds_a_person_with_a_good_password_only(admin_client, people):
    data = {
        "version": "1",
        "name": "New Reviewer",
        "email": "New.Reviewer@Example.org",
        "role": "reviewer",
        "agency": people["agency_a"].id,
        "max_visits": 2,
        "active": "y",
    }
    weak = admin_client.post("/admin/people/new", data | {"new_password": "password1234"})
    assert weak.status_code == 200 and "too common" in weak.get_data(as_text=True)
    assert (
        admin_client.post(
            "/admin/people/new", data | {"new_password": "kettle river orange"}
        ).status_code
        == 302
    )
    assert User.get(User.email == "new.reviewer@example.org").password_hash.startswith("scrypt:")


def test_agency_lead_must_belong_to_an_agency(admin_client):
    data = {
        "version": "1",
        "name": "Lead",
        "email": "lead@example.net",
        "role": "agency_lead",
        "agency": "None",
        "max_visits": 2,
        "new_password": "kettle river orange",
    }
    assert "must belong to an agency" in admin_client.post("/admin/people/new", data).get_data(
        as_text=True
    )


def test_duplicate_email_is_refused(admin_client, people):
    data = {
        "version": "1",
        "name": "Copy",
        "email": people["peer"].email.upper(),
        "role": "reviewer",
        "agency": "None",
        "max_visits": 2,
        "new_password": "kettle river orange",
    }
    assert "already has this email" in admin_client.post("/admin/people/new", data).get_data(
        as_text=True
    )


def test_resetting_a_password_ends_that_persons_sessions_and_is_audited(app, people, admin_client):
    peer = Client(app)
    peer.sign_in(people["peer"].email)
    person = people["peer"]
    admin_client.post(
        f"/admin/people/{person.id}",
        {
            "version": person.version,
            "name": person.name,
            "email": person.email,
            "role": "reviewer",
            "agency": person.agency_id,
            "max_visits": 2,
            "active": "y",
            "new_password": "a brand new phrase",
        },
    )
    assert peer.get("/").status_code == 302
    assert (
        AuditEvent.select()
        .where((AuditEvent.verb == "reset password") & (AuditEvent.object_id == person.id))
        .exists()
    )


def test_sector_is_added_with_a_slug_and_duplicate_names_refused(admin_client):
    assert (
        admin_client.post("/admin/sectors", {"version": "1", "name": "Early years"}).status_code
        == 302
    )
    assert Sector.get(Sector.name == "Early years").slug == "early-years"
    assert "already a sector" in admin_client.post(
        "/admin/sectors", {"version": "1", "name": "Early years"}
    ).get_data(as_text=True)


def test_agency_toggle_returns_just_the_row_for_htmx(admin_client, people):
    agency = people["agency_a"]
    response = admin_client.post(
        f"/admin/agencies/{agency.id}/active", {"version": agency.version}, htmx=True
    )
    assert (
        response.get_data(as_text=True)
        .lstrip()
        .startswith(f'<tr class="govuk-table__row" id="agency-{agency.id}"')
    )
    assert Agency.get_by_id(agency.id).active is False


def test_a_stale_edit_of_a_person_is_a_conflict_and_resets_no_password(app, people, admin_client):
    peer = Client(app)
    peer.sign_in(people["peer"].email)
    person = people["peer"]
    User.update(name="Renamed by another admin", version=User.version + 1).where(
        User.id == person.id
    ).execute()
    html = admin_client.post(
        f"/admin/people/{person.id}",
        {
            "version": person.version,
            "name": "My spelling of the name",
            "email": person.email,
            "role": "reviewer",
            "agency": person.agency_id,
            "max_visits": 2,
            "active": "y",
            "new_password": "a brand new phrase",
        },
    ).get_data(as_text=True)
    assert "Someone else saved this" in html and "Renamed by another admin" in html
    assert User.get_by_id(person.id).name == "Renamed by another admin"
    assert peer.get("/").status_code == 200
    assert not AuditEvent.select().where(AuditEvent.verb == "reset password").exists()


def test_a_stale_agency_toggle_changes_nothing_and_shows_the_row_as_it_is(admin_client, people):
    agency = people["agency_a"]
    for version in (agency.version - 1, "junk", "99999999999999999999999"):
        response = admin_client.post(
            f"/admin/agencies/{agency.id}/active", {"version": version}, htmx=True
        )
        assert response.status_code == 200
        assert Agency.get_by_id(agency.id).active is True


def test_people_are_listed_by_surname_not_by_title(admin_client, people):
    for name, email in [
        ("Dr Zoe Adams", "zoe.adams@example.org"),
        ("DS Kate Harrison", "kate.harrison@example.org"),
        ("Rev Peter Lang", "peter.lang@example.org"),
        ("Amy Baker", "amy.baker@example.org"),
    ]:
        User.create(name=name, email=email, role="reviewer", password_hash="x")
    html = admin_client.get("/admin/people?q=example.org").get_data(as_text=True)
    positions = [html.index(name) for name in ("Adams", "Baker", "Harrison", "Lang")]
    assert positions == sorted(positions)


def test_making_an_agency_inactive_is_asked_about_first(admin_client, people):
    """'Make inactive' switched an agency off with one click and no question."""
    agency = people["agency_a"]
    rows = admin_client.get("/admin/agencies").get_data(as_text=True)
    assert f'href="/admin/agencies/{agency.id}/active">Make inactive' in rows
    page = admin_client.get(f"/admin/agencies/{agency.id}/active").get_data(as_text=True)
    assert f"Make {agency.name} inactive?" in page and "keep their accounts" in page
    assert Agency.get_by_id(agency.id).active is True
    admin_client.post(f"/admin/agencies/{agency.id}/active", {"version": agency.version})
    assert Agency.get_by_id(agency.id).active is False
    rows = admin_client.get("/admin/agencies").get_data(as_text=True)
    assert "Make active" in rows  # making it active again is one click
