"""How the action register describes an action raised by a Section 11 rating."""

from flask import url_for

from qa.frameworks.models import Standard
from qa.section11.models import Rating


def describe(rating_id, user):
    """(detail, url) of the amber or red self-rating that raised the action, or None if it is gone.

    The url is None when the person may not open the rating.
    """
    return describe_many([rating_id], user).get(rating_id)


def describe_many(rating_ids, user):
    """{rating id: (detail, url)} as `describe` gives each, in one query."""
    ratings = (
        Rating.select(Rating.id, Rating.rag, Standard.title)
        .join(Standard)
        .where(Rating.id.in_(list(rating_ids)))
    )
    return {rating.id: _described(rating, user) for rating in ratings}


def _described(rating, user):
    url = None
    if user.role == "agency_lead":
        url = url_for("section11.rating", rating_id=rating.id)
    elif user.is_admin or user.subgroup_member:
        url = url_for("scrutiny.review", rating_id=rating.id)
    rated = {"A": "An amber", "R": "A red"}.get(rating.rag, "A")
    return f"{rated} self-rating on {rating.standard.title}", url
