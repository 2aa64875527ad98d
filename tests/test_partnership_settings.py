"""The partnership's settings page: its name everywhere it is shown, contact details, time zone;
every change audited and a concurrent save shown as a conflict."""

import io

from icalendar import Calendar
from pypdf import PdfReader

from qa.audit import AuditEvent
from qa.partnership.models import PartnershipSettings
from tests.challenge_helpers import cycle_fixture, event_fixture  # noqa: F401

FORM = {
    "version": "1",
    "name": "Eastmere Safeguarding Children Partnership",
    "header_text": "Eastmere SCP",
    "contact_email": "qa@eastmere.example.gov.uk",
    "contact_phone": "01632 960 123",
    "time_zone": "Europe/London",
}


def test_before_any_save_the_page_shows_the_configured_name_and_links_to_survey_settings(
    admin_client,
):
    html = admin_client.get("/admin/settings").get_data(as_text=True)
    assert 'value="Northbrook Safeguarding Children Partnership"' in html
    assert 'value="Europe/London"' in html
    assert 'href="/admin/surveys/settings"' in html and "safety messages" in html


def test_admin_saves_the_settings_and_every_page_shows_them(admin_client):
    response = admin_client.post("/admin/settings", FORM)
    assert response.status_code == 302
    saved = PartnershipSettings.get()
    assert saved.name == FORM["name"] and saved.contact_phone == "01632 960 123"
    html = admin_client.get("/admin/cycles").get_data(as_text=True)
    assert "– Eastmere Safeguarding Children Partnership</title>" in html
    assert ">Eastmere SCP</a>" in html  # the header text, in place of a logo
    assert "mailto:qa@eastmere.example.gov.uk" in html and "01632 960 123" in html
    assert "Northbrook Safeguarding" not in html


def test_an_inline_check_sent_as_save_is_clicked_leaves_the_saved_message_to_the_page(
    admin_client,
):
    # Clicking Save moves focus off a field, which sends that field's check; when the check
    # arrives between the save and the page it leads to, the page must still say "saved".
    assert admin_client.post("/admin/settings", FORM).status_code == 302
    check = admin_client.post("/admin/settings", {**FORM, "_validate": "contact_email"}, htmx=True)
    assert check.status_code == 200 and "Partnership settings saved" not in check.text
    assert "Partnership settings saved" in admin_client.get("/admin/settings").text


def test_every_change_is_on_the_audit_trail(admin_client):
    admin_client.post("/admin/settings", FORM)
    admin_client.post("/admin/settings", {**FORM, "version": "2", "contact_phone": "999"})
    lines = list(AuditEvent.select().where(AuditEvent.object_type == "PartnershipSettings"))
    assert [line.verb for line in lines] == ["created", "changed"]
    assert lines[0].change_list["name"] == ["", FORM["name"]]
    assert lines[1].change_list == {"contact_phone": ["01632 960 123", "999"]}


def test_a_save_over_another_admins_save_is_a_conflict_and_saves_nothing(admin_client):
    admin_client.post("/admin/settings", FORM)
    html = admin_client.post(
        "/admin/settings", {**FORM, "version": "1", "name": "Someone else's name"}
    ).get_data(as_text=True)
    assert "Someone else saved this" in html and "Someone else&#39;s name" in html
    assert PartnershipSettings.get().name == FORM["name"]


def test_two_admins_saving_a_fresh_install_at_once_make_one_row_and_one_conflict(admin_client):
    admin_client.post("/admin/settings", FORM)
    html = admin_client.post("/admin/settings", {**FORM, "name": "Second"}).get_data(as_text=True)
    assert "Someone else saved this" in html
    assert PartnershipSettings.select().count() == 1


def test_a_time_zone_that_is_not_a_place_is_refused(admin_client):
    html = admin_client.post("/admin/settings", {**FORM, "time_zone": "GMT+25"}).get_data(
        as_text=True
    )
    assert "Enter a time zone as a place, like Europe/London" in html
    assert not PartnershipSettings.select().exists()


def test_only_admins_open_the_settings(reviewer_client, lead_client):
    assert reviewer_client.get("/admin/settings").status_code == 403
    assert lead_client.post("/admin/settings", FORM).status_code == 403
    assert not PartnershipSettings.select().exists()


def test_calendar_invites_carry_the_saved_name_and_time_zone(admin_client, event):
    admin_client.post("/admin/settings", {**FORM, "time_zone": "Europe/Dublin"})
    calendar = Calendar.from_ical(admin_client.get(f"/challenge/events/{event.id}/invite.ics").data)
    entry = next(c for c in calendar.walk("VEVENT"))
    assert "Eastmere Safeguarding" in str(calendar["PRODID"])
    assert str(entry["ORGANIZER"].params["CN"]) == FORM["name"]
    assert str(entry["DTSTART"].params["TZID"]) == "Europe/Dublin"


def test_board_pdfs_carry_the_saved_name(admin_client, cycle):
    admin_client.post("/admin/settings", FORM)
    data = admin_client.get(f"/challenge/cycles/{cycle.id}/report.pdf").data
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "Eastmere Safeguarding Children Partnership" in text
    assert "Northbrook Safeguarding" not in text


def test_the_first_save_is_seen_at_once_by_the_same_process(admin_client):
    assert "Northbrook Safeguarding" in admin_client.get("/").get_data(as_text=True)
    admin_client.post("/admin/settings", FORM)
    assert "Eastmere SCP" in admin_client.get("/").get_data(as_text=True)


def test_the_board_report_built_in_the_background_carries_the_saved_name(admin_client, cycles):
    from qa.reports import builds

    admin_client.post("/admin/settings", FORM)
    asked = admin_client.post("/reports/annual/pdf", {"cycle": cycles["this"].id})
    build_id = int(asked.location.rsplit("/", 1)[-1])
    builds.wait(build_id)
    data = admin_client.get(f"/reports/builds/{build_id}/download").data
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "Eastmere Safeguarding Children Partnership" in text
    assert "Northbrook Safeguarding" not in text
