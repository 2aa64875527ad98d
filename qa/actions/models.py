"""One Action table for the whole product.

Its source says what raised it and source_id which record.
"""

from datetime import datetime

from peewee import (
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from qa.cycles.models import Cycle
from qa.db import BaseModel, VersionedModel
from qa.documents import Document
from qa.frameworks.models import Standard
from qa.people.models import Agency, User

SOURCES = {
    "section11": "Section 11 self-assessment",
    "challenge": "Challenge event",
    "survey": "Survey feedback",
    "review": "Learning from a review",
    "dataset": "The data set",
    "case_audit": "Multi-agency case audit",
    "scrutiny": "Scrutiny theme",
    "manual": "Added by hand",
}
STATUSES = {"open": "Open", "in_progress": "In progress", "done": "Done", "cancelled": "Cancelled"}
LIVE = ("open", "in_progress")  # still to be done: carried forward, counted in action plans


PARTNERSHIP = "Partnership-wide"  # how an action with no single agency is named everywhere


class Action(VersionedModel):
    # None for a partnership action: it belongs to no one agency and has a responsible officer.
    agency = ForeignKeyField(Agency, null=True, backref="actions", on_delete="CASCADE")
    responsible_officer = ForeignKeyField(
        User, null=True, backref="responsible_for", on_delete="SET NULL"
    )
    cycle = ForeignKeyField(Cycle, backref="actions", on_delete="RESTRICT")
    source = CharField(default="manual")
    source_id = IntegerField(null=True)  # e.g. the Rating an amber or red action plan belongs to
    standard = ForeignKeyField(Standard, null=True, on_delete="SET NULL")
    description = TextField()
    owner = CharField()  # a name or a role: owners need not have an account
    due = DateField()
    status = CharField(default="open")
    cancelled_reason = TextField(default="")
    evidence_of_completion = TextField(default="")
    impact = TextField(default="")
    completed_at = DateTimeField(null=True)
    # The 12-month look-back: did the change last? None until the agency lead has said.
    impact_confirmed = BooleanField(null=True)
    impact_reviewed_at = DateTimeField(null=True)
    impact_review_note = TextField(default="")
    created_at = DateTimeField(default=datetime.now)
    # "Start from last year" copies a live action into the new cycle; this keeps the chain, so the
    # register can show one line per piece of work and the look-back can follow it.
    carried_from = ForeignKeyField("self", null=True, backref="carried_to", on_delete="SET NULL")

    class Meta:
        indexes = ((("source", "source_id"), False),)

    def __str__(self):
        return self.description[:60]

    @property
    def agency_name(self):
        """The agency's name, or "Partnership-wide" for a partnership action (agency joined)."""
        return self.agency.name if self.agency_id else PARTNERSHIP

    @property
    def status_label(self):
        return STATUSES.get(self.status, self.status)


class ActionUpdate(BaseModel):
    """A dated progress note on an action, by whoever wrote it."""

    action = ForeignKeyField(Action, backref="updates", on_delete="CASCADE")
    at = DateTimeField(default=datetime.now)
    by = ForeignKeyField(User, null=True, on_delete="SET NULL")
    note = TextField()


class ActionDocument(BaseModel):
    """A document kept as evidence that an action was completed."""

    action = ForeignKeyField(Action, backref="documents", on_delete="CASCADE")
    document = ForeignKeyField(Document, on_delete="CASCADE")


MODELS = [Action, ActionUpdate, ActionDocument]
