"""Calendar invites for a challenge event.

One stable UID per event, SEQUENCE bumped on every change, CANCEL when cancelled.
"""

from qa import invites
from qa.invites import LONDON


def uid(event, partnership_name):
    """The same for every version of the event's invite, so a calendar replaces rather than
    duplicates it."""
    return invites.uid("challenge-event", event.id, partnership_name)


def invite(
    event, visitors, leads, organiser_email, partnership_name, prepare_url="", time_zone=LONDON
):
    """The .ics for `event` (which must have a date), with its visitors and the agency's leads as
    attendees; its times are in the partnership's `time_zone`."""
    found = invites.Invite(
        uid=uid(event, partnership_name),
        sequence=event.ics_sequence,
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        summary=f"Section 11 challenge event: {event.agency.name}",
        location=event.location,
        description=_description(event, visitors, prepare_url),
        attendees=[visitor.user for visitor in visitors] + list(leads),
        cancelled=event.status == "cancelled",
        url=event.location if event.online else "",
    )
    return invites.ics(found, organiser_email, partnership_name, time_zone)


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
