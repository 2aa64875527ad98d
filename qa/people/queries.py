"""The list queries behind the admin pages: one query each, joined, never a query per row."""

from peewee import JOIN, fn

from qa.frameworks.models import Framework
from qa.ids import parse_id
from qa.people.models import (
    Agency,
    Conflict,
    DatePreference,
    PreferredSector,
    Sector,
    Unavailability,
    User,
)


def sectors_with_counts():
    return (
        Sector.select(Sector, fn.COUNT(Agency.id).alias("agency_count"))
        .join(Agency, JOIN.LEFT_OUTER)
        .group_by(Sector.id)
        .order_by(Sector.name)
    )


def agencies(q="", sector_id="", status=""):
    query = (
        Agency.select(Agency, Sector, Framework)
        .join(Sector)
        .switch(Agency)
        .join(Framework, JOIN.LEFT_OUTER)
        .order_by(Agency.name)
    )
    if q:
        query = query.where(Agency.name.contains(q) | Sector.name.contains(q))
    if parse_id(sector_id):
        query = query.where(Agency.sector == parse_id(sector_id))
    if status == "active":
        query = query.where(Agency.active == True)
    elif status == "inactive":
        query = query.where(Agency.active == False)
    return list(query)


def people(q="", role=""):
    query = User.select(User, Agency).join(Agency, JOIN.LEFT_OUTER).order_by(User.name)
    if q:
        query = query.where(
            User.name.contains(q) | User.email.contains(q) | Agency.name.contains(q)
        )
    if role in ("admin", "reviewer", "agency_lead"):
        query = query.where(User.role == role)
    elif role == "subgroup":
        query = query.where(User.subgroup_member == True)
    return sorted(query, key=lambda person: person.sort_key)


def sectors():
    """Every sector by name: the agencies page's filter."""
    return Sector.select().order_by(Sector.name)


def agency_rows():
    """Agencies with their sectors, as the agencies table shows them (narrow it with a where)."""
    return Agency.select(Agency, Sector).join(Sector)


def conflicts_of(user):
    """The conflicts of interest a person has declared, with their agencies, oldest first."""
    return (
        Conflict.select(Conflict, Agency)
        .join(Agency)
        .where(Conflict.user == user)
        .order_by(Conflict.created_at)
    )


def unavailable_dates_of(user):
    return Unavailability.select().where(Unavailability.user == user).order_by(Unavailability.date)


def preferred_sectors_of(user):
    """The sectors a person asked to review, by name."""
    return (
        Sector.select(Sector)
        .join(PreferredSector, on=(PreferredSector.sector == Sector.id))
        .where(PreferredSector.user == user)
        .order_by(Sector.name)
    )


def date_preferences_of(user):
    return DatePreference.select().where(DatePreference.user == user).order_by(DatePreference.date)


def declared_by(model, entry_id):
    """Who declared a conflict or unavailable date (id and name), or None when it is gone."""
    return (
        User.select(User.id, User.name)
        .join(model, on=(model.user == User.id))
        .where(model.id == entry_id)
        .first()
    )


def active_counts():
    """How many agencies and people are active, for the admin's home page."""
    return {
        "agencies": Agency.select().where(Agency.active == True).count(),
        "people": User.select().where(User.active == True).count(),
    }
