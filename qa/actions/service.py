"""Changes to actions and their status rules: each in one write transaction with its audit
line."""

from datetime import datetime

from qa import audit, editing
from qa.actions.models import Action, ActionDocument, ActionUpdate
from qa.cycles.models import Cycle
from qa.db import db
from qa.documents import Document
from qa.ids import parse_id

CLOSED = ("done", "cancelled")


def save_action(action, version, data, summary=None):
    """Save an action's status, evidence and impact at `version` (the `write` of a save_form).

    Done or cancelled sets completed_at when the status changes to it; any other change of status
    clears it. Raises VersionConflict when someone saved since `version`.
    """
    if data["status"] != action.status:
        data = data | {"completed_at": datetime.now() if data["status"] in CLOSED else None}
    return editing.update(action, version, data, summary or f"Updated the action {action}")


def add_note(action, who, note):
    """A dated progress note by `who`; a note moves an open action to in progress."""
    with db.atomic("IMMEDIATE"):
        ActionUpdate.create(action=action, by=who.id, note=note)
        Action.update(status="in_progress", version=Action.version + 1).where(
            Action.id == action.id, Action.status == "open"
        ).execute()
        audit.record(who, "noted", action, f"Progress note on {action}")


def add_evidence(action, who, filename, content_type, data):
    """Keep an uploaded document (already checked) as evidence that the action was done."""
    with db.atomic("IMMEDIATE"):
        document = Document.create(
            filename=filename,
            content_type=content_type,
            size=len(data),
            data=data,
            uploaded_by=who.id,
        )
        ActionDocument.create(action=action, document=document)
        audit.record(who, "uploaded", action, f"Evidence {filename} for {action}")
    return document


def look_back_data(confirmed, note):
    """The fields the twelve-month look-back saves: did the impact last, what was found, when."""
    return {
        "impact_confirmed": confirmed,
        "impact_review_note": note,
        "impact_reviewed_at": datetime.now(),
    }


def create_action(data):
    """An action added by hand to the current cycle, created and audited.

    `data` holds the new-action form's fields; where the action came from (`origin`) is kept at
    the end of its description.
    """
    origin = data.get("origin")
    return editing.create(
        Action,
        {
            "agency": parse_id(data["agency"]),  # None for "partnership"
            "responsible_officer": parse_id(data.get("responsible_officer")),
            "cycle": Cycle.current().id,
            "source": "manual",
            "standard": parse_id(data.get("standard")),
            "description": data["description"] + (f"\n\nFrom: {origin}" if origin else ""),
            "owner": data["owner"],
            "due": data["due"],
        },
    )
