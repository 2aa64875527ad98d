"""The action register: the filtered list, one action's page.

(status, evidence, notes, documents, look-back), a new action by hand.
"""

from datetime import date, datetime, timedelta

from flask import abort, redirect, request, url_for
from flask_login import current_user
from playhouse.flask_utils import get_object_or_404

from qa import audit, editing
from qa.actions import bp, queries, rules, sources
from qa.actions.forms import ActionForm, LookBackForm, NewActionForm, NoteForm
from qa.actions.models import SOURCES, STATUSES, Action, ActionDocument, ActionUpdate
from qa.cycles.models import Cycle
from qa.db import VersionConflict, db
from qa.documents import Document, received, send_document, takes_upload
from qa.forms import ready_to_save, values
from qa.frameworks.models import Standard
from qa.htmx import render
from qa.people.models import Agency
from qa.security import deny, role_required, subgroup_only
from qa.uploads import UploadRefused

VIEWERS = ("admin", "reviewer", "agency_lead")
FILTERS = ("agency", "source", "standard", "status", "overdue", "lookback", "q")
LABELS = {
    "status": "Status",
    "evidence_of_completion": "Evidence of completion",
    "impact": "Impact",
    "cancelled_reason": "Why it was cancelled",
}


def _viewable(action_id):
    """The action, for someone who may see it; anyone else is refused (and recorded) as if it did
    not exist."""
    action = queries.visible(current_user).where(Action.id == action_id).first()
    if action is None:
        agency = Action.select(Agency.name).join(Agency).where(Action.id == action_id).scalar()
        if agency is not None:
            deny("Action", action_id, agency)
        abort(404)
    return action


def _editable(action_id):
    """Only the agency's own lead and admin change an action; the sub-group reads."""
    action = _viewable(action_id)
    if not (
        current_user.is_admin
        or (current_user.role == "agency_lead" and current_user.agency_id == action.agency_id)
    ):
        deny("Action", action_id, action.agency.name, status=403)
    return action


@bp.get("")
@role_required(*VIEWERS)
def index():
    if current_user.role == "reviewer":
        subgroup_only()
    filters = {name: request.args.get(name, "").strip() for name in FILTERS}
    actions, total = queries.register(current_user, filters)
    return render(
        "actions/index.html",
        "actions/_table.html",
        actions=actions,
        total=total,
        filters=filters,
        today=date.today(),
        agencies=Agency.select(Agency.id, Agency.name).order_by(Agency.name)
        if current_user.role != "agency_lead"
        else [],
        standards=Standard.select(Standard.id, Standard.code, Standard.title).order_by(
            Standard.framework, Standard.position
        ),
        sources=SOURCES,
        statuses=STATUSES,
    )


def _page(action, form=None, note_form=None, look_back=None, conflict=None, problem=None):
    form = form or ActionForm(formdata=None, obj=action)
    form.version.data = form.version.data or action.version
    look_back = look_back or LookBackForm(formdata=None, version=action.version)
    return render(
        "actions/action.html",
        action=action,
        form=form,
        note_form=note_form or NoteForm(formdata=None),
        look_back=look_back,
        conflict=conflict,
        problem=problem,
        updates=queries.updates_of(action),
        documents=queries.documents_of(action),
        source=sources.source_of(action, current_user),
        can_edit=current_user.is_admin
        or current_user.agency_id == action.agency_id
        and current_user.role == "agency_lead",
        today=date.today(),
        statuses=STATUSES,
        look_back_due=rules.look_back_due(
            action.status,
            action.completed_at and action.completed_at.date(),
            action.impact_reviewed_at,
            date.today(),
        ),
    )


@bp.get("/<int:action_id>")
@role_required(*VIEWERS)
def show(action_id):
    return _page(_viewable(action_id))


@bp.post("/<int:action_id>")
@role_required("admin", "agency_lead")
def save(action_id):
    action = _editable(action_id)
    form = ActionForm()
    if not ready_to_save(form):
        return _page(action, form=form)
    data = values(form, LABELS)
    if data["status"] != action.status:
        data["completed_at"] = datetime.now() if data["status"] in ("done", "cancelled") else None
    try:
        editing.update(action, form.version.data, data, summary=f"Updated the action {action}")
    except VersionConflict as clash:
        form.version.data = clash.current.version
        return _page(
            clash.current, form=form, conflict=editing.conflict_rows(form, clash.current, LABELS)
        )
    return redirect(url_for("actions.show", action_id=action.id, saved=1), 303)


@bp.post("/<int:action_id>/notes")
@role_required("admin", "agency_lead")
def add_note(action_id):
    action = _editable(action_id)
    form = NoteForm()
    if not ready_to_save(form):
        return _page(action, note_form=form)
    with db.atomic("IMMEDIATE"):
        ActionUpdate.create(action=action, by=current_user.id, note=form.note.data)
        if action.status == "open":
            Action.update(status="in_progress", version=Action.version + 1).where(
                Action.id == action.id
            ).execute()
        audit.record(current_user, "noted", action, f"Progress note on {action}")
    return redirect(url_for("actions.show", action_id=action.id) + "#notes", 303)


@bp.post("/<int:action_id>/documents")
@role_required("admin", "agency_lead")
@takes_upload
def upload(action_id):
    action = _editable(action_id)
    try:
        name, content_type, data = received()
    except UploadRefused as refused:
        return _page(action, problem=str(refused))
    with db.atomic("IMMEDIATE"):
        document = Document.create(
            filename=name,
            content_type=content_type,
            size=len(data),
            data=data,
            uploaded_by=current_user.id,
        )
        ActionDocument.create(action=action, document=document)
        audit.record(current_user, "uploaded", action, f"Evidence {name} for {action}")
    return redirect(url_for("actions.show", action_id=action.id) + "#evidence", 303)


@bp.get("/<int:action_id>/documents/<int:document_id>")
@role_required(*VIEWERS)
def download(action_id, document_id):
    action = _viewable(action_id)
    return send_document(
        get_object_or_404(
            Document.select().join(ActionDocument),
            ActionDocument.action == action,
            Document.id == document_id,
        )
    )


@bp.post("/<int:action_id>/look-back")
@role_required("admin", "agency_lead")
def look_back(action_id):
    action = _editable(action_id)
    form = LookBackForm()
    if not ready_to_save(form):
        return _page(action, look_back=form)
    data = {
        "impact_confirmed": form.impact_confirmed.data == "yes",
        "impact_review_note": form.impact_review_note.data,
        "impact_reviewed_at": datetime.now(),
    }
    try:
        editing.update(
            action, form.version.data, data, summary=f"Twelve-month look-back on {action}"
        )
    except VersionConflict as clash:
        return _page(
            clash.current,
            look_back=form,
            conflict=[
                {
                    "label": "The action",
                    "mine": "Your look-back",
                    "theirs": "Changed by someone else: reload",
                }
            ],
        )
    return redirect(url_for("actions.show", action_id=action.id), 303)


@bp.route("/new", methods=["GET", "POST"])
@role_required("admin")
def new():
    form = NewActionForm()
    form.agency.choices = [("", "Choose an agency")] + [
        (str(a.id), a.name)
        for a in Agency.select().where(Agency.active == True).order_by(Agency.name)
    ]  # noqa: E712
    form.standard.choices = [("", "No particular standard")] + [
        (str(s.id), f"{s.code} {s.title}")
        for s in Standard.select().order_by(Standard.framework, Standard.position)
    ]
    if ready_to_save(form):
        cycle = Cycle.current() or Cycle.select().order_by(Cycle.starts.desc()).first()
        description = form.description.data + (
            f"\n\nFrom: {form.origin.data}" if form.origin.data else ""
        )
        action = editing.create(
            Action,
            {
                "agency": int(form.agency.data),
                "cycle": cycle.id,
                "source": "manual",
                "standard": int(form.standard.data) if form.standard.data else None,
                "description": description,
                "owner": form.owner.data,
                "due": form.due.data,
            },
        )
        return redirect(url_for("actions.show", action_id=action.id), 303)
    return render("actions/new.html", form=form)


@bp.get("/quarter")
@role_required("admin")
def quarter():
    """Counts of actions by agency and theme, opened, closed and overdue in a calendar quarter."""
    day = request.args.get("day", "")
    try:
        start, end = rules.quarter_of(date.fromisoformat(day) if day else date.today())
    except ValueError:
        abort(404)
    counts = rules.quarterly_counts(queries.quarter_rows(start, end), start, end, date.today())
    return render(
        "actions/quarter.html",
        counts=counts,
        start=start,
        end=end,
        label=rules.quarter_label(start),
        previous=rules.quarter_of(start.replace(day=1) - timedelta(days=1))[0],
        bar=rules.bar_percent,
    )
