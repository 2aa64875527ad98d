"""The audit trail for admins: who changed what, when, filtered by object."""

from flask import request
from peewee import JOIN

from qa.audit import AuditEvent, bp
from qa.htmx import render
from qa.people.models import User
from qa.security import role_required

PAGE_SIZE = 50


@bp.get("")
@role_required("admin")
def index():
    object_type = request.args.get("type", "")[:50]
    object_id = request.args.get("id", "")
    page = request.args.get("page", "1")
    page = int(page) if page.isdigit() and len(page) < 6 else 1
    query = (
        AuditEvent.select(AuditEvent, User)
        .join(User, JOIN.LEFT_OUTER)
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
    )
    if object_type:
        query = query.where(AuditEvent.object_type == object_type)
    if object_id.isdigit() and len(object_id) < 10:
        query = query.where(AuditEvent.object_id == int(object_id))
    events = list(query.paginate(page, PAGE_SIZE + 1))
    types = [
        row.object_type
        for row in AuditEvent.select(AuditEvent.object_type)
        .distinct()
        .order_by(AuditEvent.object_type)
    ]
    return render(
        "audit/index.html",
        "audit/_events.html",
        events=events[:PAGE_SIZE],
        more=len(events) > PAGE_SIZE,
        page=page,
        types=types,
        object_type=object_type,
        object_id=object_id,
    )
