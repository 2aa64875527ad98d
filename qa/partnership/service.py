"""Saving the partnership's settings: the first save makes the one row, later ones change it."""

from datetime import datetime

from flask_login import current_user

from qa import audit, editing
from qa.db import VersionConflict, db
from qa.partnership import queries
from qa.partnership.models import PartnershipSettings


def save(settings, version, data, summary=None):
    """Save `data` over the settings opened at `version`; VersionConflict if another admin saved
    first (the first save included). Every change is on the audit trail."""
    stamps = {"updated_by": current_user.id}
    if settings.id is None:
        with db.atomic("IMMEDIATE"):
            existing = PartnershipSettings.select().first()
            if existing is not None:
                raise VersionConflict(existing)
            # The unsaved settings were shown at version 1: saving them makes version 2.
            row = PartnershipSettings.create(
                **data, **stamps, updated_at=datetime.now(), version=int(version) + 1
            )
            changes = audit.changes_between({}, data)
            audit.record(current_user, "created", row, "Saved the partnership's settings", changes)
        settings.id, settings.version = row.id, row.version
    else:
        editing.update(settings, version, data, "Changed the partnership's settings", stamps=stamps)
    queries.forget()
