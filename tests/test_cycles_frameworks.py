"""Admin pages for audit cycles and frameworks of standards."""

from datetime import date

import pytest

from qa.cycles.models import Cycle
from qa.frameworks.models import Framework, Standard
from tests.conftest import dates


def test_admin_opens_a_cycle_with_dates_in_order(admin_client):
    bad = admin_client.post(
        "/admin/cycles/new",
        {"version": "1", "name": "2027-28", **dates(starts="2027-04-01", ends="2027-03-01")},
    )
    assert "end date must be after" in bad.get_data(as_text=True)
    assert "like 2026-27" in admin_client.post(
        "/admin/cycles/new",
        {"version": "1", "name": "next year", **dates(starts="2027-04-01", ends="2028-03-31")},
    ).get_data(as_text=True)
    assert (
        admin_client.post(
            "/admin/cycles/new",
            {
                "version": "1",
                "name": "2027-28",
                **dates(starts="2027-04-01", ends="2028-03-31", deadline="2028-01-31"),
            },
        ).status_code
        == 302
    )
    assert Cycle.get(Cycle.name == "2027-28").deadline == date(2028, 1, 31)
    assert "already a cycle" in admin_client.post(
        "/admin/cycles/new",
        {"version": "1", "name": "2027-28", **dates(starts="2027-04-01", ends="2028-03-31")},
    ).get_data(as_text=True)


def test_current_cycle_picks_the_cycle_that_contains_the_date(app):
    Cycle.create(name="2025-26", starts=date(2025, 4, 1), ends=date(2026, 3, 31))
    Cycle.create(name="2026-27", starts=date(2026, 4, 1), ends=date(2027, 3, 31))
    assert Cycle.current(date(2025, 12, 1)).name == "2025-26"
    assert Cycle.current(date(2030, 1, 1)).name == "2026-27"


def test_admin_edits_a_standards_prompts_and_sees_them(admin_client):
    standard = Standard.get(Standard.title == "Supervision")
    data = {
        "version": standard.version,
        "code": standard.code,
        "title": "Supervision",
        "position": standard.position,
        "guidance": "New guidance",
        "challenge_prompts": "First question?\nSecond question?",
    }
    assert admin_client.post(f"/admin/frameworks/standards/{standard.id}", data).status_code == 302
    page = admin_client.get(f"/admin/frameworks/{standard.framework_id}").get_data(as_text=True)
    assert "First question?" in page and "Second question?" in page


def test_admin_adds_a_framework_and_a_standard_with_a_unique_code(admin_client):
    assert (
        admin_client.post(
            "/admin/frameworks", {"version": "1", "name": "Early years framework"}
        ).status_code
        == 302
    )
    framework = Framework.get(Framework.name == "Early years framework")
    assert (
        admin_client.post(
            f"/admin/frameworks/{framework.id}",
            {"version": "1", "code": "E1", "title": "Leadership", "position": 1},
        ).status_code
        == 302
    )
    again = admin_client.post(
        f"/admin/frameworks/{framework.id}",
        {"version": "1", "code": "E1", "title": "Other", "position": 2},
    )
    assert "has this code" in again.get_data(as_text=True)


def test_a_stale_edit_of_a_cycle_shows_both_versions_and_saving_again_keeps_mine(admin_client):
    cycle = Cycle.create(name="2027-28", starts=date(2027, 4, 1), ends=date(2028, 3, 31))
    Cycle.update(deadline=date(2028, 1, 31), version=Cycle.version + 1).where(
        Cycle.id == cycle.id
    ).execute()
    form = {"version": "1", "name": "2027-28", **dates(starts="2027-04-01", ends="2028-03-31")}
    form |= dates(deadline="2027-12-19")
    html = admin_client.post(f"/admin/cycles/{cycle.id}", form).get_data(as_text=True)
    assert "Someone else saved this" in html and "2028-01-31" in html
    assert Cycle.get_by_id(cycle.id).deadline == date(2028, 1, 31)
    response = admin_client.post(f"/admin/cycles/{cycle.id}", form | {"version": "2"})
    assert response.status_code == 302
    assert Cycle.get_by_id(cycle.id).deadline == date(2027, 12, 19)


@pytest.mark.parametrize(
    "path", ["/section11/overview", "/section11/heatmap", "/reports/annual", "/challenge"]
)
def test_before_the_first_cycle_pages_about_a_cycle_say_how_to_open_one(admin_client, path):
    """A fresh install answered "Page not found" from the menu until a cycle existed."""
    response = admin_client.get(path, follow_redirects=True)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "No audit cycle yet" in html and 'href="/admin/cycles/new"' in html


def test_before_the_first_cycle_a_reviewer_is_told_to_come_back(reviewer_client):
    html = reviewer_client.get("/section11/overview").get_data(as_text=True)
    assert "No audit cycle yet" in html and "/admin/cycles/new" not in html


def test_a_cycle_asked_for_that_does_not_exist_is_still_not_found(admin_client, people):
    assert admin_client.get("/section11/overview?cycle=987").status_code == 404
