"""Calendar invitations (.ics): one event with its organiser and attendees, in the partnership's
time zone.

A challenge event's visit and a sub-group meeting are both sent this way: each gives a stable UID
(so a calendar replaces rather than duplicates the invitation) and a SEQUENCE bumped on every
change; a cancelled one goes out as CANCEL.
"""

import re
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from flask import Response
from icalendar import Calendar, Event, vCalAddress, vText

from qa.documents import safe_filename

LONDON = ZoneInfo("Europe/London")


@dataclass
class Invite:
    """What one calendar invitation says. `attendees` are people with `name` and `email`."""

    uid: str
    sequence: int
    starts_at: datetime
    ends_at: datetime
    summary: str
    location: str
    description: str
    attendees: list = field(default_factory=list)
    cancelled: bool = False
    url: str = ""


def uid(kind, record_id, partnership_name):
    """The same for every version of a record's invitation: `kind` names the record
    ("challenge-event", "meeting")."""
    domain = re.sub(r"[^a-z0-9]+", "-", partnership_name.lower()).strip("-") or "qa"
    return f"{kind}-{record_id}@{domain}.qa"


def _attendee(person):
    address = vCalAddress(f"mailto:{person.email}")
    address.params["cn"] = vText(person.name)
    address.params["role"] = vText("REQ-PARTICIPANT")
    address.params["partstat"] = vText("NEEDS-ACTION")
    address.params["rsvp"] = vText("TRUE")
    return address


def ics(invite, organiser_email, partnership_name, time_zone=LONDON):
    """The .ics file's bytes for `invite`; its times are in the partnership's `time_zone`."""
    calendar = Calendar()
    calendar.add("prodid", f"-//{partnership_name}//Quality assurance//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if invite.cancelled else "REQUEST")
    entry = Event()
    entry.add("uid", invite.uid)
    entry.add("sequence", invite.sequence)
    entry.add("dtstamp", datetime.now(tz=time_zone))
    entry.add("dtstart", invite.starts_at.replace(tzinfo=time_zone))
    entry.add("dtend", invite.ends_at.replace(tzinfo=time_zone))
    entry.add("summary", invite.summary)
    entry.add("location", invite.location)
    if invite.url:
        entry.add("url", invite.url)
    entry.add("description", invite.description)
    entry.add("status", "CANCELLED" if invite.cancelled else "CONFIRMED")
    organiser = vCalAddress(f"mailto:{organiser_email}")
    organiser.params["cn"] = vText(partnership_name)
    entry.add("organizer", organiser)
    for person in invite.attendees:
        entry.add("attendee", _attendee(person), encode=0)
    calendar.add_component(entry)
    calendar.add_missing_timezones(
        first_date=invite.starts_at.date().replace(month=1, day=1),
        last_date=invite.starts_at.date().replace(month=12, day=31),
    )
    return calendar.to_ical()


def response(data, filename):
    """The .ics as a download named `filename`."""
    found = Response(data, mimetype="text/calendar")
    found.headers["Content-Disposition"] = f'attachment; filename="{safe_filename(filename)}"'
    return found
