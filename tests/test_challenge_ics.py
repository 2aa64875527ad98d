"""Calendar invites: visitors and the agency lead attend, the UID is stable.

SEQUENCE grows with each change, cancelling sends CANCEL.
"""

from datetime import timedelta

from icalendar import Calendar

from qa.challenge import scheduling
from tests.challenge_helpers import SOON, at, cycle_fixture, event_fixture, reload  # noqa: F401


def invite(client, event):
    response = client.get(f"/challenge/events/{event.id}/invite.ics")
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    calendar = Calendar.from_ical(response.data)
    return calendar, next(c for c in calendar.walk("VEVENT"))


def test_invite_has_the_visit_the_visitors_and_the_agency_lead(admin_client, event, people):
    calendar, entry = invite(admin_client, event)
    assert calendar["METHOD"] == "REQUEST"
    assert entry.decoded("DTSTART").replace(tzinfo=None) == at(SOON, 10)
    assert str(entry["LOCATION"]) == "Northbrook General, room 4"
    attendees = sorted(str(a) for a in entry.get("ATTENDEE"))
    assert attendees == sorted(f"mailto:{people[k].email}" for k in ("reviewer", "peer", "lead_a"))
    assert str(entry["DTSTART"].params["TZID"]) == "Europe/London"


def test_uid_is_stable_and_sequence_grows_when_the_event_moves(admin_client, event, people):
    _, first = invite(admin_client, event)
    later = SOON + timedelta(days=7)
    scheduling.schedule(
        event, event.version, at(later, 10), at(later, 12), "Room 5", people["admin"]
    )
    _, second = invite(admin_client, reload(event))
    assert str(first["UID"]) == str(second["UID"])
    assert int(second["SEQUENCE"]) == int(first["SEQUENCE"]) + 1


def test_a_cancelled_event_sends_cancel_with_a_higher_sequence(admin_client, event, people):
    _, before = invite(admin_client, event)
    scheduling.cancel(event, event.version, "The agency is merging", people["admin"])
    calendar, entry = invite(admin_client, reload(event))
    assert calendar["METHOD"] == "CANCEL" and entry["STATUS"] == "CANCELLED"
    assert int(entry["SEQUENCE"]) > int(before["SEQUENCE"]) and str(entry["UID"]) == str(
        before["UID"]
    )


def test_an_online_meeting_link_is_the_location_and_url(admin_client, event, people):
    scheduling.schedule(
        event,
        event.version,
        at(SOON, 10),
        at(SOON, 12),
        "https://meet.example.org/x",
        people["admin"],
    )
    _, entry = invite(admin_client, reload(event))
    assert str(entry["URL"]) == "https://meet.example.org/x"


def test_an_event_without_a_date_has_no_invite(admin_client, people, cycle):
    proposed = scheduling.choose(cycle, [(people["agency_b"], "Because")], people["admin"])[0]
    assert admin_client.get(f"/challenge/events/{proposed.id}/invite.ics").status_code == 404
