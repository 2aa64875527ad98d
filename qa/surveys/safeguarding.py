"""Keeping children safe once they have answered.

The survey settings (safety messages, how long answers are kept), the safeguarding phrases that
flag a free-text answer, and the QA officer's review of a flagged answer: each change in a write
transaction with its audit line.
"""

from datetime import datetime

from flask_login import current_user

from qa import audit, editing
from qa.db import db
from qa.surveys.models import Flag, SafeguardingTerm, SurveySettings


def save_settings(current, data):
    """Save the partnership's survey settings (`current`, made if it is not saved yet)."""
    with db.atomic("IMMEDIATE"):
        if current.id is None:
            current.save()
        SurveySettings.update(**data).where(SurveySettings.id == current.id).execute()
        audit.record(current_user, "changed", current, "Changed the survey settings")


def add_term(phrase):
    """Flag `phrase` in new answers from now on; a phrase already listed is left as it is."""
    if not SafeguardingTerm.select().where(SafeguardingTerm.phrase == phrase).exists():
        editing.create(
            SafeguardingTerm,
            {"phrase": phrase},
            summary=f"Added the safeguarding phrase ‘{phrase}’",
        )


def remove_term(term):
    editing.delete(term, summary=f"Removed the safeguarding phrase ‘{term.phrase}’")


def review_flag(flag, note):
    """Mark a flagged answer as reviewed, with what the reviewer did."""
    with db.atomic("IMMEDIATE"):
        Flag.update(
            reviewed=True,
            note=note,
            reviewed_by=current_user.id,
            reviewed_at=datetime.now(),
        ).where(Flag.id == flag.id).execute()
        audit.record(
            current_user,
            "reviewed",
            flag,
            "Reviewed a flagged survey answer",
            {"note": ["", note]},
        )
