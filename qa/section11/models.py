"""A Return is one agency's self-assessment for one cycle.

It holds a Rating per standard, each with its documents.
"""

from datetime import datetime
from functools import cached_property

from peewee import CharField, DateTimeField, ForeignKeyField, IntegerField, TextField

from qa.cycles.models import Cycle
from qa.db import BaseModel, VersionedModel
from qa.documents import Document
from qa.frameworks.models import Framework, Standard
from qa.people.models import Agency, User
from qa.section11 import hooks, rules

STATUSES = {"draft": "In progress", "submitted": "Submitted", "reopened": "Reopened"}


class Return(VersionedModel):
    agency = ForeignKeyField(Agency, backref="returns", on_delete="CASCADE")
    cycle = ForeignKeyField(Cycle, backref="returns", on_delete="RESTRICT")
    framework = ForeignKeyField(Framework, on_delete="RESTRICT")
    status = CharField(default="draft")
    started_at = DateTimeField(default=datetime.now)
    submitted_at = DateTimeField(null=True)
    submitted_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    reopened_reason = TextField(default="")

    class Meta:
        indexes = ((("agency", "cycle"), True),)

    def __str__(self):
        return f"{self.agency.name} {self.cycle.name} return"

    @property
    def editable(self):
        """Whether it may change now (rules.can_change, and nothing else locks it: a school's
        deadline): the page, its routes and each write transaction all ask this one rule."""
        return rules.can_change(self.status) and not self.lock_reason

    @cached_property
    def lock_reason(self):
        """Why it may not change although its status allows it (hooks.lock_reason), or None."""
        return hooks.lock_reason(self)

    @classmethod
    def status_now(cls, return_id):
        """The status as stored now: read inside a write transaction, so that a return submitted
        a moment ago is refused."""
        return cls.select(cls.status).where(cls.id == return_id).scalar()

    @property
    def status_label(self):
        return STATUSES.get(self.status, self.status)


class Rating(VersionedModel):
    # `return` is a Python keyword, so the field is `return_`; the column is plain return_id.
    return_ = ForeignKeyField(
        Return, column_name="return_id", backref="ratings", on_delete="CASCADE"
    )
    standard = ForeignKeyField(Standard, on_delete="RESTRICT")
    rag = CharField(default="")  # '' (not rated yet), R, A or G
    evidence = TextField(default="")
    updated_at = DateTimeField(null=True)
    updated_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    # Scrutiny by the QA sub-group. Its own counter, so a moderator's save never conflicts with
    # the agency's autosave (and `version` keeps guarding the agency's words).
    moderation_status = CharField(default="")  # '', agreed, challenged
    moderation_comment = TextField(default="")
    moderated_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    moderated_at = DateTimeField(null=True)
    moderation_version = IntegerField(default=1)

    class Meta:
        indexes = ((("return_", "standard"), True),)

    def __str__(self):
        return f"{self.standard.code} {self.standard.title}"


class RatingDocument(BaseModel):
    """A document supporting a rating.

    A link, so "start from last year" shares a file rather than copying it.
    """

    rating = ForeignKeyField(Rating, backref="document_links", on_delete="CASCADE")
    document = ForeignKeyField(Document, on_delete="CASCADE")
    linked_at = DateTimeField(default=datetime.now)

    class Meta:
        indexes = ((("rating", "document"), True),)


MODELS = [Return, Rating, RatingDocument]
