"""Changes to the work plan: each one write transaction with its audit line."""

from qa import audit, editing
from qa.db import db
from qa.workplan.models import Commentary, Priority, WorkPlanItem

LABELS = {
    "title": "Title",
    "kind": "Kind",
    "owner": "Owner",
    "quarter": "Due quarter",
    "status": "Status",
    "priority": "Board priority",
    "notes": "Notes",
}


def item_data(form):
    """The item's columns from its form."""
    link_kind, link_id = form.link_parts()
    data = {name: getattr(form, name).data for name in LABELS}
    return data | {"link_kind": link_kind, "link_id": link_id}


def add_item(cycle, form):
    data = item_data(form) | {"cycle": cycle.id}
    return editing.create(WorkPlanItem, data, f"Added ‘{data['title']}’ to the work plan")


def delete_item(item):
    editing.delete(item, f"Removed ‘{item.title}’ from the work plan")


def add_priority(cycle, title, user):
    with db.atomic("IMMEDIATE"):
        last = Priority.select().where(Priority.cycle == cycle).count()
        priority = Priority.create(cycle=cycle, title=title, position=last)
        audit.record(user, "created", priority, f"Added the board priority ‘{title}’")
    return priority


def remove_priority(priority, user):
    """Remove a priority; its items stay in the plan, serving no priority."""
    with db.atomic("IMMEDIATE"):
        audit.record(user, "deleted", priority, f"Removed the board priority ‘{priority.title}’")
        priority.delete_instance()


def save_commentary(commentary, version, text, user):
    """Save the chair's commentary on a quarter at `version` (VersionConflict if someone saved
    first); the first save creates it."""
    if commentary.id is None:
        with db.atomic("IMMEDIATE"):
            commentary, created = Commentary.get_or_create(
                cycle=commentary.cycle_id, quarter=commentary.quarter, defaults={"text": text}
            )
            if created:
                audit.record(user, "created", commentary, f"Wrote the {commentary}")
                return commentary
    return editing.update(commentary, version, {"text": text}, f"Changed the {commentary}")
