"""How the action register describes an action agreed at a sub-group meeting."""

from flask import url_for

from qa.meetings.models import AgendaItem, Meeting


def describe(item_id, user):
    """(detail, url) of the agenda item the action was agreed on, or None if it is gone; the link
    only for the sub-group, who may open meetings."""
    return describe_many([item_id], user).get(item_id)


def describe_many(item_ids, user):
    """{agenda item id: (detail, url)} as `describe` gives each, in one query."""
    found = (
        AgendaItem.select(AgendaItem, Meeting)
        .join(Meeting)
        .where(AgendaItem.id.in_(list(item_ids)))
    )
    return {
        item.id: (
            f"Agreed at the {item.meeting}, on ‘{item.title}’",
            url_for("meetings.show", meeting_id=item.meeting_id) if user.on_subgroup else None,
        )
        for item in found
    }
