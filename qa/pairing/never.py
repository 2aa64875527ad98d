"""Declaring and withdrawing "never pair these two", by an admin.

With a reason kept for the record.
"""

from peewee import JOIN

from qa import audit
from qa.db import db
from qa.pairing.models import NeverPair
from qa.people.models import Agency, User

MAX_REASON = 1000


class NeverPairError(ValueError):
    """A never-pair that cannot be recorded, with a message to show."""


def of(person):
    """This person's never-pairs, each with .partner (the other person, agency joined), by the
    partner's name."""
    a, b = User.alias(), User.alias()
    rows = list(
        NeverPair.select(NeverPair, a, b)
        .join(a, on=(NeverPair.user_a == a.id))
        .switch(NeverPair)
        .join(b, on=(NeverPair.user_b == b.id))
        .where((NeverPair.user_a == person.id) | (NeverPair.user_b == person.id))
    )
    agencies = (
        {
            x.id: x
            for x in Agency.select().where(
                Agency.id.in_([r.other(person.id).agency_id for r in rows])
            )
        }
        if rows
        else {}
    )
    for row in rows:
        row.partner = row.other(person.id)
        row.partner_agency = agencies.get(row.partner.agency_id)
    return sorted(rows, key=lambda r: r.partner.name)


def partners_choices(person):
    """Who this person could be kept apart from: other active reviewers and admins not already
    listed."""
    pairs = (
        NeverPair.select(NeverPair.user_a, NeverPair.user_b)
        .where((NeverPair.user_a == person.id) | (NeverPair.user_b == person.id))
        .tuples()
    )
    taken = {a if b == person.id else b for a, b in pairs}
    query = (
        User.select(User, Agency)
        .join(Agency, JOIN.LEFT_OUTER)
        .where(
            (User.active == True) & User.role.in_(("reviewer", "admin")) & (User.id != person.id)
        )
        .order_by(User.name)
    )
    return [
        (u.id, f"{u.name}{', ' + u.agency.name if u.agency_id else ''}")
        for u in query
        if u.id not in taken
    ]


def declare(who, person, other_id, reason):
    reason = (reason or "").strip()
    other = User.get_or_none(User.id == other_id) if other_id else None
    if other is None or other.id == person.id:
        raise NeverPairError("Choose the person they must never be paired with")
    if not reason:
        raise NeverPairError("Say why they must never be paired")
    if len(reason) > MAX_REASON:
        raise NeverPairError(f"The reason must be {MAX_REASON} characters or fewer")
    low, high = sorted((person.id, other.id))
    with db.atomic("IMMEDIATE"):
        if (
            NeverPair.select()
            .where((NeverPair.user_a == low) & (NeverPair.user_b == high))
            .exists()
        ):
            raise NeverPairError(f"{person.name} and {other.name} are already kept apart")
        made = NeverPair.create(user_a=low, user_b=high, reason=reason, created_by=who)
        audit.record(
            who,
            "declared never pair",
            made,
            f"{person.name} and {other.name} must never visit together: {reason}",
        )
    return made


def withdraw(who, person, pair_id):
    found = NeverPair.get_or_none(
        (NeverPair.id == pair_id)
        & ((NeverPair.user_a == person.id) | (NeverPair.user_b == person.id))
    )
    if found is None:
        return None
    with db.atomic("IMMEDIATE"):
        other = found.other(person.id)
        audit.record(
            who,
            "withdrew never pair",
            found,
            f"{person.name} and {other.name} may visit together again",
        )
        found.delete_instance()
    return found
