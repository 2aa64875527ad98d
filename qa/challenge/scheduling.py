"""Changing challenge events.

Choose agencies, schedule, assign visitors, cancel, mark held. Clashes block unless overridden.
"""

from datetime import datetime

from qa import audit
from qa.challenge import clashes as rules
from qa.challenge.models import LIVE, ROLES, ChallengeEvent, ClashOverride, Finding, Visitor
from qa.challenge.queries import framework_of, self_ratings
from qa.db import VersionConflict, db
from qa.frameworks.models import Standard
from qa.people.models import Agency, Conflict, Unavailability, User


class ScheduleError(ValueError):
    """A change that can never be made (an inactive agency, a wrong role): the message says why."""


class Clashes(Exception):
    """Clashes that need the admin's reason before the change goes ahead."""

    def __init__(self, found):
        super().__init__("; ".join(c.text for c in found))
        self.clashes = found


# Facts for the pure clash rules -----------------------------------------------------------------


def people_facts(users):
    """Each user as clashes.Person, with their declared dates and conflicts, in two queries."""
    ids = [u.id for u in users]
    dates, conflicts = {i: set() for i in ids}, {i: [] for i in ids}
    for user_id, day in (
        Unavailability.select(Unavailability.user, Unavailability.date)
        .where(Unavailability.user.in_(ids))
        .tuples()
    ):
        dates[user_id].add(day)
    for conflict in Conflict.select().where(Conflict.user.in_(ids)):
        conflicts[conflict.user_id].append((conflict.agency_id, conflict.kind_label))
    return [
        rules.Person(u.id, u.name, u.agency_id, frozenset(dates[u.id]), tuple(conflicts[u.id]))
        for u in users
    ]


def bookings(cycle_id, day):
    """Other live events that could clash: the same cycle, or the same day."""
    where = ChallengeEvent.status.in_(LIVE) & (ChallengeEvent.cycle == cycle_id)
    if day:
        where = ChallengeEvent.status.in_(LIVE) & (
            (ChallengeEvent.cycle == cycle_id)
            | (
                ChallengeEvent.starts_at.between(
                    datetime.combine(day, datetime.min.time()),
                    datetime.combine(day, datetime.max.time()),
                )
            )
        )
    events = list(ChallengeEvent.select(ChallengeEvent, Agency).join(Agency).where(where))
    visitors = {}
    for event_id, user_id in (
        Visitor.select(Visitor.event, Visitor.user)
        .where(Visitor.event.in_([e.id for e in events]))
        .tuples()
    ):
        visitors.setdefault(event_id, set()).add(user_id)
    return [
        rules.Booking(
            e.id,
            e.cycle_id,
            e.agency_id,
            e.agency.name,
            e.day,
            frozenset(visitors.get(e.id, ())),
            f"{e.starts_at:%H:%M} to {e.ends_at:%H:%M}" if e.starts_at and e.ends_at else "",
        )
        for e in events
    ]


def plan(event, agency, day, users):
    return rules.Plan(
        event.id if event else None,
        event.cycle_id,
        event.cycle.name,
        agency.id,
        agency.name,
        day,
        tuple(people_facts(users)),
    )


def visitors_of(event):
    return list(
        User.select().join(Visitor, on=(Visitor.user == User.id)).where(Visitor.event == event)
    )


def _go_ahead(event, found, override_reason, who):
    """Raise Clashes unless there are none, or the admin gave a reason, which is kept."""
    if not found:
        return
    if not (override_reason or "").strip():
        raise Clashes(found)
    ClashOverride.create(
        event=event,
        clashes="\n".join(c.text for c in found),
        reason=override_reason.strip(),
        by=who,
    )
    audit.record(
        who,
        "overrode clash",
        event,
        f"Went ahead with the {event} despite: " + " ".join(c.text for c in found),
    )


# Changes --------------------------------------------------------------------------------------


def choose(cycle, choices, who):
    """Create a proposed event for each (agency, reason); refuses inactive or already chosen
    agencies."""
    with db.atomic("IMMEDIATE"):
        events = []
        for agency, reason in choices:
            if not agency.active:
                raise ScheduleError(f"{agency.name} is inactive, so it cannot be challenged")
            if (
                ChallengeEvent.select()
                .where(
                    (ChallengeEvent.cycle == cycle)
                    & (ChallengeEvent.agency == agency)
                    & ChallengeEvent.status.in_(LIVE)
                )
                .exists()
            ):
                raise ScheduleError(f"{agency.name} already has a challenge event in {cycle.name}")
            event = ChallengeEvent.create(
                cycle=cycle, agency=agency, selection_reason=reason.strip(), updated_by=who
            )
            audit.record(
                who,
                "chose",
                event,
                f"Chose {agency.name} for a challenge event in {cycle.name}: {reason.strip()}",
            )
            events.append(event)
    return events


def choose_by_id(cycle, reasons, who):
    """`choose` for agencies given by id, as {agency id: reason}, in that order."""
    agencies = {a.id: a for a in Agency.select().where(Agency.id.in_(list(reasons)))}
    return choose(cycle, [(agencies[i], reason) for i, reason in reasons.items()], who)


def schedule(event, version, starts_at, ends_at, location, who, override_reason=None):
    """Give the event its date, times and place; it becomes scheduled and its findings are laid
    out."""
    if event.status not in ("proposed", "scheduled"):
        raise ScheduleError(
            f"This event is {event.status_label.lower()}, so its date can no longer change"
        )
    if not event.agency.active:
        raise ScheduleError(f"{event.agency.name} is inactive, so it cannot be challenged")
    with db.atomic("IMMEDIATE"):
        found = rules.find(
            plan(event, event.agency, starts_at.date(), visitors_of(event)),
            bookings(event.cycle_id, starts_at.date()),
        )
        moved = (event.starts_at, event.ends_at, event.location) != (starts_at, ends_at, location)
        changes = {
            "starts_at": starts_at,
            "ends_at": ends_at,
            "location": location,
            "status": "scheduled",
            "updated_by": who,
        }
        if moved and event.status == "scheduled":
            changes["ics_sequence"] = event.ics_sequence + 1
        _save(event, version, changes)
        _go_ahead(event, found, override_reason, who)
        lay_out_findings(event)
        audit.record(
            who,
            "scheduled",
            event,
            f"Scheduled the {event} for {starts_at:%-d %B %Y %H:%M}–{ends_at:%H:%M} at {location}",
        )
    return event


def _save(event, version, changes):
    """A versioned save: VersionConflict if another admin changed the event since `version`."""
    event.save_versioned(version, **changes)


def assign_visitor(event, user, role, how, explanation, who, override_reason=None):
    """Put `user` on `event` as its lead or peer, replacing whoever held that role.

    The one way in for the pairing page and the admin's hand: checks the same clashes
    (raises Clashes unless `override_reason` is given) and keeps `explanation` for the record.
    """
    if role not in ROLES:
        raise ScheduleError(
            "Choose whether they visit as the QA sub-group member or the peer reviewer"
        )
    if event.status not in ("proposed", "scheduled"):
        raise ScheduleError(
            f"This event is {event.status_label.lower()}, so its visitors can no longer change"
        )
    if not user.active or user.role not in ("reviewer", "admin"):
        raise ScheduleError(f"{user.name} is not an active reviewer")
    if role == "lead" and not user.subgroup_member:
        raise ScheduleError(
            f"{user.name} is not a member of the QA sub-group, so cannot lead a visit"
        )
    with db.atomic("IMMEDIATE"):
        others = Visitor.select().where(
            (Visitor.event == event) & (Visitor.user == user) & (Visitor.role != role)
        )
        if others.exists():
            raise ScheduleError(f"{user.name} is already visiting this agency in the other role")
        person = people_facts([user])[0]
        found = rules.for_person(
            plan(event, event.agency, event.day, []), person, bookings(event.cycle_id, event.day)
        )
        _go_ahead(event, found, override_reason, who)
        Visitor.delete().where((Visitor.event == event) & (Visitor.role == role)).execute()
        visitor = Visitor.create(
            event=event,
            user=user,
            role=role,
            how=how,
            explanation=explanation or "",
            override_reason=(override_reason or "").strip() if found else "",
            assigned_by=who,
        )
        _invite_changed(event)
        audit.record(
            who,
            "assigned",
            visitor,
            f"{user.name} will visit {event.agency.name} as the {ROLES[role].lower()} "
            f"({'proposed by pairing' if how == 'auto' else 'chosen by hand'})",
        )
    return visitor


def remove_visitor(event, visitor, who):
    with db.atomic("IMMEDIATE"):
        audit.record(
            who, "removed", visitor, f"{visitor.user.name} will no longer visit {event.agency.name}"
        )
        visitor.delete_instance()
        _invite_changed(event)


def _invite_changed(event):
    if event.status == "scheduled":
        ChallengeEvent.update(ics_sequence=ChallengeEvent.ics_sequence + 1).where(
            ChallengeEvent.id == event.id
        ).execute()
        event.ics_sequence += 1


def cancel(event, version, reason, who):
    if event.status in ("reported", "cancelled"):
        raise ScheduleError(
            f"This event is {event.status_label.lower()}, so it cannot be cancelled"
        )
    with db.atomic("IMMEDIATE"):
        _save(
            event,
            version,
            {
                "status": "cancelled",
                "cancelled_reason": reason.strip(),
                "ics_sequence": event.ics_sequence + 1,
                "updated_by": who,
            },
        )
        audit.record(who, "cancelled", event, f"Cancelled the {event}: {reason.strip()}")
    return event


def mark_held(event, who):
    """The visit took place: its findings now show the agency's ratings as they were on the day."""
    if event.status != "scheduled":
        raise ScheduleError("Only a scheduled event can be marked as held")
    if not event.has_taken_place():
        raise ScheduleError(
            f"The visit is on {event.starts_at:%-d %B %Y}; mark it as held once it has taken place"
        )
    try:
        with db.atomic("IMMEDIATE"):
            _save(event, event.version, {"status": "held", "updated_by": who})
            lay_out_findings(event)
            audit.record(who, "held", event, f"Marked the {event} as held")
    except VersionConflict as error:
        raise ScheduleError("Someone changed this event; look again") from error
    return event


# Findings layout --------------------------------------------------------------------------------


def lay_out_findings(event):
    """A finding per standard (kept if already there), each with the agency's own rating copied as
    it is now."""
    ratings = self_ratings(event)
    have = {f.standard_id: f for f in Finding.select().where(Finding.event == event)}
    standards = Standard.select(Standard.id).where(Standard.framework == framework_of(event))
    missing = [
        {"event": event.id, "standard": s.id, "self_rag": ratings.get(s.id, "")}
        for s in standards
        if s.id not in have
    ]
    if missing:
        Finding.insert_many(missing).execute()
    for standard_id, finding in have.items():
        if finding.self_rag != ratings.get(standard_id, ""):
            Finding.update(self_rag=ratings.get(standard_id, "")).where(
                Finding.id == finding.id
            ).execute()
