"""The audit trail: record(who, verb, obj, summary) for every change to data."""

import json
from datetime import datetime

from peewee import CharField, DateTimeField, ForeignKeyField, IntegerField, TextField

from qa.db import BaseModel
from qa.people.models import User


class AuditEvent(BaseModel):
    user = ForeignKeyField(User, null=True, backref="audit_events", on_delete="SET NULL")
    at = DateTimeField(default=datetime.now, index=True)
    verb = CharField()
    object_type = CharField(index=True)
    object_id = IntegerField(null=True, index=True)
    summary = TextField(default="")
    changes = TextField(default="")  # JSON {"field": [before, after]}

    @property
    def change_list(self):
        return json.loads(self.changes) if self.changes else {}


def changes_between(before: dict, after: dict) -> dict:
    """The fields whose value differs, as {field: [before, after]} with plain strings."""
    return {
        name: [_plain(before.get(name)), _plain(value)]
        for name, value in after.items()
        if _plain(before.get(name)) != _plain(value)
    }


def _plain(value):
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "_meta"):  # a related record: its name reads better than its id
        return str(value)
    return str(value)


def record(who, verb, obj, summary="", changes=None, object_type=None):
    """Write one audit event. `obj` is a model instance, or None with object_type given."""
    user = who if getattr(who, "is_authenticated", False) else None
    return AuditEvent.create(
        user=user,
        verb=verb,
        object_type=object_type or type(obj).__name__,
        object_id=getattr(obj, "id", None),
        summary=summary[:2000],
        changes=json.dumps(changes) if changes else "",
    )
