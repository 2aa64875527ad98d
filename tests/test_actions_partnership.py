"""Partnership actions: an action of the partnership as a whole has a responsible officer and no
agency. Every page, list, filter, reminder, home line and report says "Partnership-wide"; the
responsible officer (an agency lead) sees and updates it, other leads do not."""

import io
from datetime import date, datetime, timedelta

import pytest
from flask import render_template
from pypdf import PdfReader

from qa.actions import reminders
from qa.actions.models import Action, ActionUpdate
from qa.audit import AuditEvent
from qa.pdf import render_pdf
from qa.reports import annual
from tests.conftest import dates


def partnership_action(cycle, officer, description="Publish a neglect strategy", **more):
    return Action.create(
        agency=None,
        responsible_officer=officer,
        cycle=cycle,
        source="manual",
        description=description,
        owner=more.pop("owner", "Partnership business manager"),
        due=more.pop("due", date.today() + timedelta(days=30)),
        **more,
    )


@pytest.fixture
def shared(people, cycles):
    """A partnership action whose responsible officer is agency A's lead, overdue."""
    return partnership_action(
        cycles["this"], people["lead_a"], due=date.today() - timedelta(days=4)
    )


def test_admin_adds_a_partnership_action_with_a_responsible_officer(
    app, people, cycles, admin_client
):
    form = {
        "agency": "partnership",
        "description": "Publish a neglect strategy",
        "owner": "Business manager",
        **dates(due=date.today() + timedelta(days=20)),
    }
    html = admin_client.post("/actions/new", form).get_data(as_text=True)
    assert "Choose the responsible officer for a partnership-wide action" in html
    response = admin_client.post(
        "/actions/new", form | {"responsible_officer": str(people["lead_b"].id)}
    )
    assert response.status_code == 303
    action = Action.get()
    assert action.agency_id is None and action.responsible_officer_id == people["lead_b"].id
    page = admin_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Partnership-wide · Added by hand" in page and "Sarah Okafor" in page


def test_the_register_names_it_partnership_wide_and_filters_by_it(
    app, people, cycles, shared, admin_client
):
    Action.create(
        agency=people["agency_b"],
        cycle=cycles["this"],
        description="Police referral audit",
        owner="DI",
        due=date.today(),
    )
    html = admin_client.get("/actions").get_data(as_text=True)
    assert '<td class="govuk-table__cell">Partnership-wide</td>' in html
    assert "Police referral audit" in html
    only = admin_client.get("/actions?agency=partnership").get_data(as_text=True)
    assert "Publish a neglect strategy" in only and "Police referral audit" not in only


def test_the_responsible_officer_sees_and_updates_it_and_other_leads_do_not(
    app, people, shared, signed_in
):
    officer = signed_in(people["lead_a"])
    register = officer.get("/actions").get_data(as_text=True)
    assert "Publish a neglect strategy" in register and "Partnership-wide</strong>" in register
    assert officer.get(f"/actions/{shared.id}").status_code == 200
    response = officer.post(f"/actions/{shared.id}/notes", {"note": "Draft to the board"})
    assert response.status_code == 303 and ActionUpdate.select().count() == 1
    other = signed_in(people["lead_b"])
    assert "Publish a neglect strategy" not in other.get("/actions").get_data(as_text=True)
    assert other.get(f"/actions/{shared.id}").status_code == 404
    assert other.post(f"/actions/{shared.id}/notes", {"note": "x"}).status_code == 404
    denied = AuditEvent.select().where(AuditEvent.verb == "denied").get()
    assert "Partnership-wide" in denied.summary
    # the sub-group reads it but does not change it
    subgroup = signed_in(people["reviewer"])
    assert subgroup.get(f"/actions/{shared.id}").status_code == 200
    assert subgroup.post(f"/actions/{shared.id}/notes", {"note": "x"}).status_code == 403


def test_the_officers_home_page_lists_it_as_partnership_wide(app, people, shared, signed_in):
    html = signed_in(people["lead_a"]).get("/").get_data(as_text=True)
    assert (
        "Publish a neglect strategy" in html and "Partnership-wide · Partnership business" in html
    )


def test_the_reminder_goes_to_the_responsible_officer(app, people, shared):
    found = {to: body for to, _, body in reminders.messages()}
    assert list(found) == ["lead.a@example.org"]
    assert "- Partnership-wide: Publish a neglect strategy" in found["lead.a@example.org"]


def test_the_quarterly_summary_counts_it_as_partnership_wide(app, people, shared, admin_client):
    html = admin_client.get("/actions/quarter").get_data(as_text=True)
    assert "Partnership-wide" in html


def test_the_board_report_counts_it_among_overdue_and_shows_its_impact(app_context, people, cycles):
    partnership_action(cycles["this"], people["lead_a"], due=date.today() - timedelta(days=9))
    partnership_action(
        cycles["this"],
        people["lead_a"],
        description="Launch the escalation protocol",
        status="done",
        completed_at=datetime.now() - timedelta(days=3),
        impact="Escalations resolved within a week",
    )
    data = annual.build(cycles["this"])
    figures = data["actions"]
    assert figures["late_agencies"] == [("Partnership-wide", 1)]
    assert [a.agency_name for a in figures["impacts"]] == ["Partnership-wide"]
    page = render_template("reports/annual.html", **data, cycles=[], latest=None)
    assert "<strong>Partnership-wide</strong>: Escalations resolved within a week" in page
    pdf = PdfReader(io.BytesIO(render_pdf("pdf/annual_report.html", **data)))
    text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    assert "Partnership-wide: Launch the escalation protocol" in text
    assert "Partnership-wide 1" in text
