"""How the action register describes an action raised from a data-set indicator."""

from flask import url_for

from qa.dataset.models import Indicator


def describe(indicator_id, user):
    """(detail, url) of the indicator the action was raised from, or None if it is gone."""
    return describe_many([indicator_id], user).get(indicator_id)


def describe_many(indicator_ids, user):
    """{indicator id: (detail, url)} as `describe` gives each, in one query."""
    found = Indicator.select(Indicator.id, Indicator.name).where(
        Indicator.id.in_(list(indicator_ids))
    )
    may_open = user.role == "agency_lead" or user.on_subgroup
    return {
        ind.id: (
            f"The data-set indicator {ind.name}",
            url_for("dataset.indicator", indicator_id=ind.id) if may_open else None,
        )
        for ind in found
    }
