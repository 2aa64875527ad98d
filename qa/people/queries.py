"""The list queries behind the admin pages: one query each, joined, never a query per row."""

from peewee import JOIN, fn

from qa.frameworks.models import Framework
from qa.people.models import Agency, Sector, User


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
    if sector_id.isdigit():
        query = query.where(Agency.sector == int(sector_id))
    if status == "active":
        query = query.where(Agency.active == True)  # noqa: E712
    elif status == "inactive":
        query = query.where(Agency.active == False)  # noqa: E712
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
        query = query.where(User.subgroup_member == True)  # noqa: E712
    return list(query)
