"""Calendar invites for a challenge event.

One stable UID per event, SEQUENCE bumped on every change, CANCEL when cancelled.
"""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vCalAddress, vText

LONDON = ZoneInfo("Europe/London")


def uid(event, partnership_name):
    """The same for every version of the event's invite, so a calendar replaces rather than
    duplicates it."""
    domain = re.sub(r"[^a-z0-9]+", "-", partnership_name.lower()).strip("-") or "qa"
    return f"challenge-event-{event.id}@{domain}.qa"


def _attendee(user, role):
    address = vCalAddress(f"mailto:{user.email}")
    address.params["cn"] = vText(user.name)
    address.params["role"] = vText(role)
    address.params["partstat"] = vText("NEEDS-ACTION")
    address.params["rsvp"] = vText("TRUE")
    return address


def invite(
    event, visitors, leads, organiser_email, partnership_name, prepare_url="", time_zone=LONDON
):
    """The .ics for `event` (which must have a date), with its visitors and the agency's leads as
    attendees; its times are in the partnership's `time_zone`."""
    cancelled = event.status == "cancelled"
    calendar = Calendar()
    calendar.add("prodid", f"-//{partnership_name}//Quality assurance//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else "REQUEST")
    entry = Event()
    entry.add("uid", uid(event, partnership_name))
    entry.add("sequence", event.ics_sequence)
    entry.add("dtstamp", datetime.now(tz=time_zone))
    entry.add("dtstart", event.starts_at.replace(tzinfo=time_zone))
    entry.add("dtend", event.ends_at.replace(tzinfo=time_zone))
    entry.add("summary", f"Section 11 challenge event: {event.agency.name}")
    entry.add("location", event.location)
    if event.online:
        entry.add("url", event.location)
    entry.add("description", _description(event, visitors, prepare_url))
    entry.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    organiser = vCalAddress(f"mailto:{organiser_email}")
    organiser.params["cn"] = vText(partnership_name)
    entry.add("organizer", organiser)
    for visitor in visitors:
        entry.add("attendee", _attendee(visitor.user, "REQ-PARTICIPANT"), encode=0)
    for lead in leads:
        entry.add("attendee", _attendee(lead, "REQ-PARTICIPANT"), encode=0)
    calendar.add_component(entry)
    calendar.add_missing_timezones(
        first_date=event.starts_at.date().replace(month=1, day=1),
        last_date=event.starts_at.date().replace(month=12, day=31),
    )
    return calendar.to_ical()


def _description(event, visitors, prepare_url):
    if event.status == "cancelled":
        return f"This challenge event has been cancelled. {event.cancelled_reason}".strip()
    lines = [f"A Section 11 challenge event for {event.agency.name} ({event.cycle.name})."]
    lines += [f"{v.role_label}: {v.user.name}" for v in visitors]
    lines.append(
        "The visitors will test the agency's self-assessment, standard by standard, and agree "
        "findings with you."
    )
    if prepare_url:
        lines.append(f"What to prepare: {prepare_url}")
    return "\n".join(lines)


def filename(event):
    return f"Challenge event {event.agency.name} {event.cycle.name}.ics"
