"""The action register: the filtered list, one action's page.

(status, evidence, notes, documents, look-back), a new action by hand.
"""

from datetime import date, timedelta

from flask import abort, redirect, request, url_for
from flask_login import current_user
from playhouse.flask_utils import get_object_or_404

from qa import editing
from qa.actions import bp, queries, rules, service, sources
from qa.actions.forms import ActionForm, LookBackForm, NewActionForm, NoteForm
from qa.actions.models import SOURCES, STATUSES, Action
from qa.documents import Document, received, send_document, takes_upload
from qa.forms import ready_to_save, values
from qa.htmx import render
from qa.ids import parse_id
from qa.security import deny, role_required, subgroup_only
from qa.uploads import UploadRefused

VIEWERS = ("admin", "reviewer", "agency_lead")
FILTERS = ("agency", "source", "standard", "status", "overdue", "lookback", "q")
# A page number beyond this is junk, taken as the last page there could be.
LAST_PAGE = 99999
LABELS = {
    "status": "Status",
    "evidence_of_completion": "Evidence of completion",
    "impact": "Impact",
    "cancelled_reason": "Why it was cancelled",
}
NEW_FIELDS = ("agency", "responsible_officer", "standard", "description", "origin", "owner", "due")
# The look-back is one decision on the whole action: a conflict says so rather than comparing
# fields.
LOOK_BACK_CONFLICT = [
    {"label": "The action", "mine": "Your look-back", "theirs": "Changed by someone else: reload"}
]


def _viewable(action_id):
    """The action, for someone who may see it; anyone else is refused (and recorded) as if it did
    not exist."""
    action = queries.visible(current_user).where(Action.id == action_id).first()
    if action is None:
        agency = queries.agency_of(action_id)
        if agency is not None:
            deny("Action", action_id, agency)
        abort(404)
    return action


def _editable(action_id):
    """Only the agency's own lead (or the responsible officer) and admin change an action; the
    sub-group reads."""
    action = _viewable(action_id)
    if not queries.may_change(current_user, action):
        deny("Action", action_id, action.agency_name, status=403)
    return action


def _register(filters):
    """The register page's context for these filters: the actions and the filters' choices."""
    page = min(parse_id(request.args.get("page")) or 1, LAST_PAGE)
    actions, total, pages = queries.register(current_user, filters, page)
    return {
        "actions": actions,
        "total": total,
        "page": page,
        "pages": pages,
        "filters": filters,
        "today": date.today(),
        "agencies": queries.agencies() if current_user.role != "agency_lead" else [],
        "standards": queries.standards(),
        "sources": SOURCES,
        "statuses": STATUSES,
    }


@bp.get("")
@role_required(*VIEWERS)
def index():
    if current_user.role == "reviewer":
        subgroup_only()
    filters = {name: request.args.get(name, "").strip() for name in FILTERS}
    return render("actions/index.html", "actions/_table.html", **_register(filters))


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
        can_edit=queries.may_change(current_user, action),
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
    summary = f"Updated the action {action}"
    conflict = editing.save_form(action, form, LABELS, summary=summary, write=service.save_action)
    if conflict:
        return _page(_viewable(action_id), form=form, conflict=conflict)
    return redirect(url_for("actions.show", action_id=action.id, saved=1), 303)


@bp.post("/<int:action_id>/notes")
@role_required("admin", "agency_lead")
def add_note(action_id):
    action = _editable(action_id)
    form = NoteForm()
    if not ready_to_save(form):
        return _page(action, note_form=form)
    service.add_note(action, current_user, form.note.data)
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
    service.add_evidence(action, current_user, name, content_type, data)
    return redirect(url_for("actions.show", action_id=action.id) + "#evidence", 303)


@bp.get("/<int:action_id>/documents/<int:document_id>")
@role_required(*VIEWERS)
def download(action_id, document_id):
    action = _viewable(action_id)
    return send_document(get_object_or_404(queries.evidence(action), Document.id == document_id))


@bp.post("/<int:action_id>/look-back")
@role_required("admin", "agency_lead")
def look_back(action_id):
    action = _editable(action_id)
    form = LookBackForm()
    if not ready_to_save(form):
        return _page(action, look_back=form)
    data = service.look_back_data(form.impact_confirmed.data == "yes", form.impact_review_note.data)
    summary = f"Twelve-month look-back on {action}"
    conflict = editing.save_form(action, form, {}, data=data, summary=summary)
    if conflict:
        conflict.rows = LOOK_BACK_CONFLICT
        return _page(_viewable(action_id), look_back=form, conflict=conflict)
    return redirect(url_for("actions.show", action_id=action.id), 303)


@bp.route("/new", methods=["GET", "POST"])
@role_required("admin")
def new():
    form = NewActionForm()
    if ready_to_save(form):
        action = service.create_action(values(form, NEW_FIELDS))
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
