"""A meeting's agenda is built from what is due on its day (an overdue action, a review's
twelve-month request, Section 11 returns due, a case audit in progress, the work plan's items due
that quarter), each linking to its record; decisions and actions are recorded against the agenda
item they concern, and the actions go on the action register; the minutes PDF says it all."""

import io
import re
from datetime import date, datetime, timedelta

import pytest
from pypdf import PdfReader

from qa.actions.models import Action
from qa.audit import AuditEvent
from qa.meetings.models import AgendaItem, Attendance, Meeting
from qa.people.models import Agency
from tests.case_audit_fixtures import make_audit
from tests.conftest import dates
from tests.review_fixtures import make_review, make_review_action, make_theme
from tests.workplan_fixtures import make_item, year_fixture  # noqa: F401

TODAY = date.today()


@pytest.fixture
def due(people, year):
    """One of each thing due for a meeting next week."""
    year.deadline = TODAY + timedelta(days=20)
    year.save()
    action = Action.create(
        agency=people["agency_a"],
        cycle=year,
        description="Refresh the escalation policy",
        owner="Head of safeguarding",
        due=TODAY - timedelta(days=10),
        responsible_officer=people["reviewer"],
    )
    theme = make_theme()
    review = make_review("RR-2025-02", completed=TODAY - timedelta(days=400), themes=[theme])
    make_review_action(review, theme, year, agency=people["agency_b"])
    audit = make_audit("Neglect at home", status="gathering")
    item = make_item(year, "Staff survey", 3, "on_track", owner=people["reviewer"])
    make_item(year, "Already done", 3, "done")
    meeting = Meeting.create(
        starts_at=datetime.combine(TODAY + timedelta(days=7), datetime.min.time()).replace(hour=10),
        ends_at=datetime.combine(TODAY + timedelta(days=7), datetime.min.time()).replace(hour=12),
        kind="quarterly",
        location="Town hall, room 2",
    )
    return {"action": action, "review": review, "audit": audit, "item": item, "meeting": meeting}


def pdf_text(data):
    return re.sub(
        r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    )


def test_the_agenda_is_built_from_what_is_due_each_with_its_link(app, people, due, admin_client):
    meeting = due["meeting"]
    page = admin_client.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    assert "Overdue actions: Northbrook Hospitals" in page and "Add these to the agenda" in page
    assert admin_client.post(f"/meetings/{meeting.id}/agenda/due").status_code == 302
    found = {(i.source, i.source_id): i for i in AgendaItem.select()}
    assert set(found) == {
        ("action", people["agency_a"].id),
        ("review_request", due["review"].id),
        ("section11", meeting_cycle_id(due)),
        ("case_audit", due["audit"].id),
        ("workplan", due["item"].id),
    }
    assert found["section11", meeting_cycle_id(due)].title == (
        "Section 11 returns 2026-27: 2 of 2 not sent in"
    )
    assert found["action", people["agency_a"].id].title == (
        "Overdue actions: Northbrook Hospitals NHS Foundation Trust (1)"
    )
    assert found["workplan", due["item"].id].owner_id == people["reviewer"].id
    page = admin_client.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    for link in (
        f'href="/actions?agency={people["agency_a"].id}&amp;overdue=1"',
        f'href="/reviews/{due["review"].id}"',
        f'href="/case-audits/{due["audit"].id}"',
        f'href="/work-plan/items/{due["item"].id}"',
        f'href="/section11/overview?cycle={meeting_cycle_id(due)}"',
    ):
        assert link in page, link
    assert "Everything due is on the agenda" in page
    audited = AuditEvent.select().where(AuditEvent.verb == "changed").count()
    admin_client.post(f"/meetings/{meeting.id}/agenda/due")
    assert AgendaItem.select().count() == 5  # nothing twice
    assert AuditEvent.select().where(AuditEvent.verb == "changed").count() == audited == 1


def meeting_cycle_id(due):
    return due["item"].cycle_id


def test_other_business_is_added_by_hand(app, people, due, admin_client):
    url = f"/meetings/{due['meeting'].id}/agenda"
    assert admin_client.post(url, {"title": "", "detail": ""}).status_code == 200
    assert admin_client.post(url, {"title": "Terms of reference", "detail": ""}).status_code == 302
    assert AgendaItem.get().source == "free"


def test_decisions_and_actions_go_against_the_item_and_into_the_minutes(
    app, people, due, admin_client
):
    meeting = due["meeting"]
    admin_client.post(f"/meetings/{meeting.id}/agenda/due")
    item = AgendaItem.get(AgendaItem.source == "case_audit")
    url = f"/meetings/agenda/{item.id}"
    decided = {"version": str(item.version), "decisions": "Report to the board in March."}
    assert admin_client.post(url, decided).status_code == 302
    stale = admin_client.post(url, decided | {"decisions": "Other"}).get_data(as_text=True)
    assert "Someone else saved this" in stale
    action = {
        "agency": str(people["agency_b"].id),
        "description": "Send the police returns for the audit",
        "owner": "DI Marsh",
        **dates(due=(TODAY + timedelta(days=30)).isoformat()),
    }
    assert admin_client.post(f"{url}/actions", action).status_code == 302
    raised = Action.get(Action.source == "meeting")
    assert (raised.source_id, raised.agency_id) == (item.id, people["agency_b"].id)
    register = admin_client.get(f"/actions/{raised.id}").get_data(as_text=True)
    assert "Sub-group meeting" in register and "Agreed at the Quarterly meeting" in register
    for person, agency in (("reviewer", "agency_b"), ("lead_a", "agency_a")):
        Attendance.create(meeting=meeting, user=people[person], agency=people[agency])
    Attendance.create(
        meeting=meeting, user=people["lead_b"], agency=people["agency_b"], present=False
    )
    text = pdf_text(admin_client.get(f"/meetings/{meeting.id}/minutes.pdf").data)
    assert "Not quorate — 2 agencies" in text
    assert "Case audit in progress: Neglect at home" in text
    assert "Report to the board in March." in text
    assert "Send the police returns for the audit" in text and "DI Marsh" in text
    assert "Sarah Okafor (Northbrook Constabulary)" in text  # apologies


def test_an_action_needs_an_owner_and_a_due_date(app, people, due, admin_client):
    admin_client.post(f"/meetings/{due['meeting'].id}/agenda/due")
    item = AgendaItem.select().first()
    html = admin_client.post(
        f"/meetings/agenda/{item.id}/actions", {"agency": "partnership", "description": "X"}
    ).get_data(as_text=True)
    assert "Enter who owns the action" in html and "Enter the date the action is due" in html
    assert not Action.select().where(Action.source == "meeting").exists()


def test_attendance_is_recorded_by_agency_and_role_and_the_quorum_shown(
    app, people, due, admin_client
):
    meeting = due["meeting"]
    url = f"/meetings/{meeting.id}/attendance"
    third = Agency.create(name="Northbrook Council", sector=people["agency_a"].sector)

    def record(person, present="yes", agency=""):
        form = {
            "user": str(people[person].id),
            "agency": agency,
            "role": "member",
            "present": present,
        }
        assert admin_client.post(url, form).status_code == 302

    record("reviewer")
    record("lead_a")
    record("lead_b", "no")
    assert "Not quorate — 2 agencies" in admin_client.get(f"/meetings/{meeting.id}").get_data(
        as_text=True
    )
    record("admin", agency=str(third.id))
    assert "Quorate — 3 agencies" in admin_client.get(f"/meetings/{meeting.id}").get_data(
        as_text=True
    )
    row = Attendance.get(Attendance.user == people["reviewer"])
    assert row.agency_id == people["agency_b"].id  # their own agency when none chosen
    assert admin_client.post(f"/meetings/attendance/{row.id}/remove").status_code == 302
    assert not Attendance.select().where(Attendance.user == people["reviewer"]).exists()


def test_the_meeting_page_is_read_in_the_same_number_of_queries_however_long(
    app, people, due, admin_client, count_queries
):
    meeting = due["meeting"]

    def queries_for_page():
        with count_queries() as counter:
            assert admin_client.get(f"/meetings/{meeting.id}").status_code == 200
        return counter.count

    AgendaItem.create(meeting=meeting, title="One", owner=people["admin"])
    Attendance.create(meeting=meeting, user=people["admin"])
    few = queries_for_page()
    admin_client.post(f"/meetings/{meeting.id}/agenda/due")
    for person in ("reviewer", "lead_a", "lead_b"):
        Attendance.create(meeting=meeting, user=people[person], agency=people[person].agency)
    assert queries_for_page() == few
