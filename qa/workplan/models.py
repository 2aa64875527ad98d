"""The work plan: the board's priorities for a year, the items that serve them, and the chair's
commentary on each quarter's progress."""

from datetime import datetime

from peewee import CharField, DateTimeField, ForeignKeyField, IntegerField, TextField

from qa.cycles.models import Cycle
from qa.db import VersionedModel
from qa.people.models import User
from qa.workplan import rules


class Priority(VersionedModel):
    """One of the partnership board's priorities for the year, kept by the admin."""

    cycle = ForeignKeyField(Cycle, backref="+", on_delete="CASCADE")
    title = CharField()
    position = IntegerField(default=0)

    def __str__(self):
        return self.title


class WorkPlanItem(VersionedModel):
    """A piece of the sub-group's work in a year, due in one of its quarters; `link_kind` and
    `link_id` name the record in qa its progress is drawn from (a case audit, a survey...)."""

    cycle = ForeignKeyField(Cycle, backref="+", on_delete="CASCADE")
    title = CharField()
    kind = CharField(default="other")
    owner = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    quarter = IntegerField()
    status = CharField(default="not_started")
    priority = ForeignKeyField(Priority, null=True, backref="items", on_delete="SET NULL")
    link_kind = CharField(default="")
    link_id = IntegerField(null=True)
    notes = TextField(default="")
    created_at = DateTimeField(default=datetime.now)

    def __str__(self):
        return self.title

    @property
    def kind_label(self):
        return rules.KINDS.get(self.kind, self.kind)

    @property
    def status_label(self):
        return rules.STATUSES.get(self.status, self.status)


class Commentary(VersionedModel):
    """The chair's commentary on one quarter's progress."""

    cycle = ForeignKeyField(Cycle, backref="+", on_delete="CASCADE")
    quarter = IntegerField()
    text = TextField(default="")

    class Meta:
        indexes = ((("cycle", "quarter"), True),)

    def __str__(self):
        return f"Commentary on Q{self.quarter} {self.cycle.name}"


MODELS = [Priority, WorkPlanItem, Commentary]
