"""The audit trail: record(who, verb, obj, summary) for every change to data."""

import json
import re
from datetime import datetime, timedelta

from flask import Blueprint
from peewee import CharField, DateTimeField, ForeignKeyField, IntegerField, TextField

from qa.capability import Capability, MenuEntry
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
    # how many refusals this one "denied" line stands for (see qa.security.deny); 1 otherwise
    times = IntegerField(default=1)

    @property
    def change_list(self):
        return json.loads(self.changes) if self.changes else {}


def changes_between(before: dict, after: dict) -> dict:
    """The fields whose value differs, as {field: [before, after]} with plain strings."""
    return {
        name: [plain(before.get(name)), plain(value)]
        for name, value in after.items()
        if plain(before.get(name)) != plain(value)
    }


def plain(value):
    """A value as a person reads it in the trail: text, a date in ISO form, a record by name."""
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


# What each kind of record is called in the trail, where its class name does not read as English.
KINDS = {
    "User": "Person",
    "Return": "Section 11 return",
    "Rating": "Section 11 rating",
    "RatingDocument": "Evidence document",
    "ChallengeEvent": "Challenge event",
    "Visitor": "Challenge visitor",
    "Finding": "Challenge finding",
    "ClashOverride": "Clash gone ahead with",
    "YouSaidWeDid": "'You said, we did' statement",
    "NeverPair": "Never-pair rule",
    "ActionUpdate": "Progress note",
    "ReportBuild": "Board report",
    "SafeguardingTerm": "Safeguarding phrase",
    "Unavailability": "Unavailable date",
    "Conflict": "Conflict of interest",
}


def kind_in_words(object_type: str) -> str:
    """A record's kind as people say it: "Challenge event", not "ChallengeEvent"."""
    if object_type in KINDS:
        return KINDS[object_type]
    words = re.findall(r"[A-Z][a-z]*|[a-z]+|\d+", object_type) or [object_type]
    return " ".join([words[0]] + [word.lower() for word in words[1:]])


# Autosaves write often: one line per person per record per quarter hour says enough.
QUIET = timedelta(minutes=15)


def record_quietly(who, verb, obj, summary, quiet=QUIET):
    """Record the change unless the same person changed the same record within `quiet`."""
    recent = (
        AuditEvent.select()
        .where(
            (AuditEvent.object_type == type(obj).__name__)
            & (AuditEvent.object_id == obj.id)
            & (AuditEvent.user == getattr(who, "id", None))
            & (AuditEvent.verb == verb)
            & (AuditEvent.at > datetime.now() - quiet)
        )
        .exists()
    )
    if not recent:
        record(who, verb, obj, summary)


MODELS = [AuditEvent]

bp = Blueprint("audit", __name__, url_prefix="/admin/audit")

capability = Capability(
    "audit",
    blueprints=(bp,),
    routes=("qa.audit.views",),
    models="qa.audit:MODELS",
    menu=(MenuEntry("audit.index", "Audit trail", ("admin",), ("audit.",), 130),),
)
