"""A sub-group meeting, who came for which agency (or sent apologies), and its agenda items with
the decisions recorded against each."""

from datetime import datetime

from peewee import (
    BooleanField,
    CharField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from qa.db import BaseModel, VersionedModel
from qa.meetings import rules
from qa.people.models import Agency, User


class Meeting(VersionedModel):
    starts_at = DateTimeField(index=True)
    ends_at = DateTimeField()
    kind = CharField(default="quarterly")
    location = CharField(default="")
    ics_sequence = IntegerField(default=0)  # bumped on each change, so calendars replace it
    created_at = DateTimeField(default=datetime.now)

    def __str__(self):
        return f"{self.kind_label} meeting on {self.starts_at:%-d %B %Y}"

    @property
    def kind_label(self):
        return rules.KINDS.get(self.kind, self.kind)


class Attendance(BaseModel):
    """One person at a meeting (or sending apologies), for an agency, in a role."""

    meeting = ForeignKeyField(Meeting, backref="attendance", on_delete="CASCADE")
    user = ForeignKeyField(User, backref="+", on_delete="CASCADE")
    agency = ForeignKeyField(Agency, null=True, backref="+", on_delete="SET NULL")
    role = CharField(default="member")
    present = BooleanField(default=True)  # False: sent apologies

    class Meta:
        indexes = ((("meeting", "user"), True),)

    @property
    def role_label(self):
        return rules.ROLES.get(self.role, self.role)


class AgendaItem(VersionedModel):
    """An item of a meeting's agenda: drawn from something due (`source` and `source_id`: an
    overdue action, a review's twelve-month request, ...) or added by hand ("free"); `owner` is who
    is asked to speak to it."""

    meeting = ForeignKeyField(Meeting, backref="agenda", on_delete="CASCADE")
    position = IntegerField(default=0)
    source = CharField(default="free")
    source_id = IntegerField(null=True)
    title = CharField()
    detail = TextField(default="")
    owner = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    decisions = TextField(default="")

    def __str__(self):
        return self.title

    @property
    def source_label(self):
        return rules.SOURCES.get(self.source, self.source)


MODELS = [Meeting, Attendance, AgendaItem]
