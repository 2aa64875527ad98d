"""What a person declares about themselves: conflicts of interest, dates they cannot visit, and
what they would like (sectors to review, days they would or would rather not visit)."""

from datetime import date

from qa import audit
from qa.db import db
from qa.people.models import (
    CONFLICT_KINDS,
    Agency,
    Conflict,
    DatePreference,
    PreferredSector,
    Sector,
    Unavailability,
)


class DeclarationError(ValueError):
    """A declaration that cannot be recorded, with a message to show."""


def declare_conflict(who, person, agency_id, kind, detail):
    agency = Agency.get_or_none(Agency.id == agency_id) if agency_id else None
    if agency is None:
        raise DeclarationError("Choose the agency you have a conflict with")
    if kind not in CONFLICT_KINDS:
        raise DeclarationError("Choose what kind of conflict it is")
    if len(detail) > 1000:
        raise DeclarationError("Details must be 1000 characters or fewer")
    with db.atomic("IMMEDIATE"):
        if (
            Conflict.select()
            .where((Conflict.user == person) & (Conflict.agency == agency))
            .exists()
        ):
            raise DeclarationError(f"You have already declared a conflict with {agency.name}")
        conflict = Conflict.create(user=person, agency=agency, kind=kind, detail=detail)
        audit.record(
            who,
            "declared conflict",
            conflict,
            f"{person.name} declared a conflict with {agency.name} ({CONFLICT_KINDS[kind]})",
        )
    return conflict


def withdraw_conflict(who, person, conflict_id):
    conflict = Conflict.get_or_none((Conflict.id == conflict_id) & (Conflict.user == person))
    if conflict is None:
        return False
    with db.atomic("IMMEDIATE"):
        audit.record(
            who,
            "withdrew conflict",
            conflict,
            f"{person.name} withdrew a conflict with {conflict.agency.name}",
        )
        conflict.delete_instance()
    return True


def declare_unavailable(who, person, day, note, today=None):
    if day is None:
        raise DeclarationError("Enter a real date, for example 27 3 2027")
    if day < (today or date.today()):
        raise DeclarationError("The date must be today or in the future")
    if len(note) > 200:
        raise DeclarationError("The note must be 200 characters or fewer")
    with db.atomic("IMMEDIATE"):
        if (
            Unavailability.select()
            .where((Unavailability.user == person) & (Unavailability.date == day))
            .exists()
        ):
            raise DeclarationError("You have already said you are not available on that date")
        entry = Unavailability.create(user=person, date=day, note=note)
        audit.record(
            who, "declared unavailable", entry, f"{person.name} is not available on {day:%-d %B %Y}"
        )
    return entry


def withdraw_unavailable(who, person, entry_id):
    entry = Unavailability.get_or_none(
        (Unavailability.id == entry_id) & (Unavailability.user == person)
    )
    if entry is None:
        return False
    with db.atomic("IMMEDIATE"):
        audit.record(
            who,
            "withdrew unavailable date",
            entry,
            f"{person.name} is available again on {entry.date:%-d %B %Y}",
        )
        entry.delete_instance()
    return True


def set_preferred_sectors(who, person, sector_ids):
    """The sectors `person` would like to review become exactly `sector_ids` (unknown ids are
    ignored); one audit line says what the list is now."""
    with db.atomic("IMMEDIATE"):
        sectors = list(Sector.select().where(Sector.id.in_(list(sector_ids))).order_by(Sector.name))
        PreferredSector.delete().where(PreferredSector.user == person).execute()
        for sector in sectors:
            PreferredSector.create(user=person, sector=sector)
        names = ", ".join(s.name for s in sectors) or "none"
        audit.record(
            who, "set preferred sectors", person, f"{person.name} would like to review: {names}"
        )
    return sectors


def declare_date_preference(who, person, day, prefers, today=None):
    """A day `person` would like to visit on (prefers) or would rather not; replaces an earlier
    wish for the same day."""
    if day is None:
        raise DeclarationError("Enter a real date, for example 27 3 2027")
    if day < (today or date.today()):
        raise DeclarationError("The date must be today or in the future")
    with db.atomic("IMMEDIATE"):
        DatePreference.delete().where(
            (DatePreference.user == person) & (DatePreference.date == day)
        ).execute()
        entry = DatePreference.create(user=person, date=day, prefers=prefers)
        audit.record(
            who,
            "declared date preference",
            entry,
            f"{person.name} {entry.words} on {day:%-d %B %Y}",
        )
    return entry


def withdraw_date_preference(who, person, entry_id):
    entry = DatePreference.get_or_none(
        (DatePreference.id == entry_id) & (DatePreference.user == person)
    )
    if entry is None:
        return False
    with db.atomic("IMMEDIATE"):
        audit.record(
            who,
            "withdrew date preference",
            entry,
            f"{person.name} no longer says they {entry.words} on {entry.date:%-d %B %Y}",
        )
        entry.delete_instance()
    return True
