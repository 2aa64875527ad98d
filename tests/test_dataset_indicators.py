"""Data-set indicators: an admin adds and edits them (conflicts shown), adopts the starter set once,
and keeps the list of localities."""

from qa.audit import AuditEvent
from qa.dataset.models import Indicator, Locality
from qa.dataset.starter import STARTER
from tests.dataset_fixtures import indicator

FORM = {
    "version": "1",
    "name": "Missing episodes",
    "code": "missing",
    "definition": "Times a child was reported missing.",
    "unit": "count",
    "polarity": "lower",
    "agency": "",
    "sector": "",
    "frequency": "quarterly",
    "target": "40",
    "tolerance": "5",
    "cohort": "Missing children",
    "standard": "Exploitation",
    "active": "y",
}


def test_an_admin_adds_an_indicator_supplied_by_a_sector(admin_client, people):
    sector = people["agency_b"].sector_id
    response = admin_client.post("/data-set/indicators/new", {**FORM, "sector": sector})
    assert response.status_code == 303
    made = Indicator.get(Indicator.code == "missing")
    assert (made.sector_id, made.target, made.tolerance, made.polarity) == (sector, 40, 5, "lower")
    assert AuditEvent.select().where(AuditEvent.verb == "created").exists()


def test_an_indicator_needs_a_supplier_a_number_for_a_target_and_a_free_code(admin_client, people):
    indicator(code="missing")
    page = admin_client.post(
        "/data-set/indicators/new", {**FORM, "target": "lots", "by_locality": "y"}
    ).get_data(as_text=True)
    assert "Choose the agency that supplies it, or its sector" in page
    assert "Enter the target as a number" in page
    page = admin_client.post(
        "/data-set/indicators/new", {**FORM, "agency": people["agency_a"].id}
    ).get_data(as_text=True)
    assert "Another indicator has this code" in page
    assert Indicator.select().count() == 1


def test_editing_an_indicator_someone_else_saved_shows_the_conflict(admin_client, people):
    ind = indicator(code="missing", agency=people["agency_a"])
    Indicator.update(target=35, version=2).where(Indicator.id == ind.id).execute()
    page = admin_client.post(
        f"/data-set/indicators/{ind.id}/edit", {**FORM, "agency": people["agency_a"].id}
    ).get_data(as_text=True)
    assert "Someone else saved this while you were editing" in page
    assert Indicator.get_by_id(ind.id).target == 35
    response = admin_client.post(
        f"/data-set/indicators/{ind.id}/edit",
        {**FORM, "agency": people["agency_a"].id, "version": "2"},
    )
    assert response.status_code == 302 and Indicator.get_by_id(ind.id).target == 40


def test_the_starter_set_is_adopted_once(admin_client, people):
    indicator(code="re-referrals")  # one the partnership already has
    admin_client.post("/data-set/indicators/starter")
    assert Indicator.select().count() == len(STARTER)
    missing = Indicator.get(Indicator.code == "missing-episodes")
    assert missing.sector_id == people["agency_b"].sector_id  # the police sector
    assert missing.definition.startswith("Times a child was reported missing")
    page = admin_client.post("/data-set/indicators/starter", follow_redirects=True)
    assert "You already have every starter indicator" in page.get_data(as_text=True)
    assert Indicator.select().count() == len(STARTER)


def test_localities_are_a_list_one_a_line(admin_client):
    admin_client.post("/data-set/localities", {"names": "North\nSouth\n\nnorth\nEast"})
    assert [p.name for p in Locality.select().order_by(Locality.position)] == [
        "North",
        "South",
        "East",
    ]
    admin_client.post("/data-set/localities", {"names": "East\nNorth"})
    assert [p.name for p in Locality.select().order_by(Locality.position)] == ["East", "North"]


def test_an_indicators_edit_page_shows_its_saved_values(admin_client, people):
    ind = indicator(code="missing", agency=people["agency_a"], target=35.5, tolerance=2)
    page = admin_client.get(f"/data-set/indicators/{ind.id}/edit").get_data(as_text=True)
    assert 'value="35.5"' in page and 'value="missing"' in page


def test_an_indicator_no_longer_collected_leaves_the_scorecard_and_the_return(
    admin_client, lead_client, people
):
    ind = indicator(code="missing", agency=people["agency_a"])
    form = {key: value for key, value in FORM.items() if key != "active"}
    admin_client.post(
        f"/data-set/indicators/{ind.id}/edit", {**form, "agency": people["agency_a"].id}
    )
    assert Indicator.get_by_id(ind.id).active is False
    assert "Missing episodes" not in lead_client.get("/data-set").get_data(as_text=True)
    assert "Missing episodes" not in lead_client.get("/data-set/return").get_data(as_text=True)
    page = admin_client.get(f"/data-set/indicators/{ind.id}").get_data(as_text=True)
    assert "(no longer collected)" in page
