"""Reading the audit trail: its events, newest first, and the kinds of record it holds."""

from peewee import JOIN

from qa.audit import AuditEvent
from qa.people.models import User


def events(object_type="", object_id=None):
    """Every event, newest first, with who made it; only one kind of record, or one record, when
    asked."""
    query = (
        AuditEvent.select(AuditEvent, User)
        .join(User, JOIN.LEFT_OUTER)
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
    )
    if object_type:
        query = query.where(AuditEvent.object_type == object_type)
    if object_id:
        query = query.where(AuditEvent.object_id == object_id)
    return query


def object_types():
    """The kinds of record the trail holds, by name."""
    query = AuditEvent.select(AuditEvent.object_type).distinct().order_by(AuditEvent.object_type)
    return [row.object_type for row in query]
