"""Meetings: adding one with the GOV.UK date boxes and two times, changing it (a stale change is a
conflict, and its calendar invitation's sequence moves on), the .ics invitation made by the same
code as challenge events', a member's home page showing the next meeting and what is asked of
them, and people off the sub-group refused."""

from datetime import date, datetime, timedelta

from icalendar import Calendar

from qa.actions.models import Action
from qa.cycles.models import Cycle
from qa.meetings.models import AgendaItem, Attendance, Meeting
from tests.conftest import dates

DAY = date.today() + timedelta(days=14)


def meeting_form(**more):
    data = {"version": "1", "starts": "10:00", "ends": "12:30", "kind": "quarterly"}
    data |= {"location": "Town hall, room 2", **dates(day=DAY.isoformat())}
    return data | more


def make_meeting(day=DAY, hour=10, **more):
    starts = datetime.combine(day, datetime.min.time()).replace(hour=hour)
    return Meeting.create(
        starts_at=starts, ends_at=starts + timedelta(hours=2), location="Town hall", **more
    )


def test_a_meeting_is_added_with_its_date_and_times(app, people, reviewer_client):
    response = reviewer_client.post("/meetings/new", meeting_form())
    assert response.status_code == 302
    meeting = Meeting.get()
    assert meeting.starts_at == datetime.combine(DAY, datetime.min.time()).replace(hour=10)
    assert meeting.ends_at.time().isoformat() == "12:30:00"
    assert meeting.kind == "quarterly"
    listed = reviewer_client.get("/meetings").get_data(as_text=True)
    assert "Town hall, room 2" in listed


def test_a_meeting_ending_before_it_starts_is_asked_again(app, people, admin_client):
    html = admin_client.post("/meetings/new", meeting_form(ends="09:00", **dates(day=""))).get_data(
        as_text=True
    )
    assert "The end time must be after the start time" in html
    assert "Enter the date of the meeting" in html
    assert not Meeting.select().exists()


def test_changing_a_meeting_moves_its_invitation_on_and_a_stale_change_is_a_conflict(
    app, people, admin_client, reviewer_client
):
    meeting = make_meeting()
    url = f"/meetings/{meeting.id}/edit"
    assert 'value="Town hall"' in admin_client.get(url).get_data(as_text=True)
    form = meeting_form(version=str(meeting.version), location="Library")
    assert admin_client.post(url, form).status_code == 302
    saved = Meeting.get_by_id(meeting.id)
    assert (saved.location, saved.ics_sequence) == ("Library", 1)
    stale = reviewer_client.post(url, form | {"location": "Online"}).get_data(as_text=True)
    assert "Someone else saved this" in stale
    assert Meeting.get_by_id(meeting.id).location == "Library"


def test_the_calendar_invitation_has_the_meeting_and_those_expected(app, people, admin_client):
    meeting = make_meeting(kind="six_weekly")
    Attendance.create(meeting=meeting, user=people["lead_a"], agency=people["agency_a"])
    response = admin_client.get(f"/meetings/{meeting.id}/invite.ics")
    assert response.mimetype == "text/calendar"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    entry = Calendar.from_ical(response.data).walk("VEVENT")[0]
    assert str(entry["UID"]).startswith(f"meeting-{meeting.id}@")
    assert str(entry["SUMMARY"]) == "QA sub-group: six-weekly meeting"
    assert entry.decoded("DTSTART").replace(tzinfo=None) == meeting.starts_at
    assert [str(a) for a in [entry["ATTENDEE"]]] == [f"mailto:{people['lead_a'].email}"]


def test_a_members_home_shows_the_next_meeting_and_what_is_asked_of_them(app, people, signed_in):
    make_meeting(day=date.today() - timedelta(days=30))  # over: not the next one
    meeting = make_meeting()
    AgendaItem.create(meeting=meeting, title="Work plan: staff survey", owner=people["reviewer"])
    AgendaItem.create(meeting=meeting, title="Someone else's item", owner=people["admin"])
    cycle = Cycle.create(name="2026-27", starts=date.today() - timedelta(days=100), ends=DAY)
    Action.create(
        agency=people["agency_b"], responsible_officer=people["reviewer"], cycle=cycle,
        description="Late", owner="Angela", due=date.today() - timedelta(days=3),
    )  # fmt: skip
    home = signed_in(people["reviewer"]).get("/").get_data(as_text=True)
    panel = home.split('id="next-meeting"')[1].split("</div>")[0]
    assert DAY.strftime("%-d %B %Y") in panel and f'href="/meetings/{meeting.id}"' in panel
    assert "Work plan: staff survey" in panel and "Someone else" not in panel
    assert "You have 1 overdue action" in panel
    assert 'id="next-meeting"' not in signed_in(people["lead_a"]).get("/").get_data(as_text=True)
    Attendance.create(meeting=meeting, user=people["lead_a"], agency=people["agency_a"])
    lead_home = signed_in(people["lead_a"]).get("/").get_data(as_text=True)
    assert 'id="next-meeting"' in lead_home and f'href="/meetings/{meeting.id}"' not in lead_home


def test_people_off_the_subgroup_may_not_open_meetings(app, people, signed_in):
    meeting = make_meeting()
    for who in ("peer", "lead_a"):
        client = signed_in(people[who])
        assert client.get("/meetings").status_code == 403
        assert client.get(f"/meetings/{meeting.id}").status_code == 403
