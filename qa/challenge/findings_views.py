"""The visitors' findings page.

Each field autosaves on its own, a stale save shows both texts, then both visitors agree.
"""

from functools import partial

from flask import abort, flash, redirect, request, url_for
from flask_login import current_user
from playhouse.flask_utils import get_object_or_404

from qa import editing
from qa.challenge import access, bp, findings, queries
from qa.challenge.fields import finding_field, summary_field
from qa.challenge.forms import PlainReasonForm, RecommendationForm
from qa.challenge.models import RECORDING, Visitor
from qa.documents import send_document
from qa.forms import ready_to_save
from qa.htmx import render, wants_fragment
from qa.section11 import voices
from qa.security import role_required


@bp.get("/events/<int:event_id>/findings")
@role_required()
def findings_page(event_id):
    event = access.findings_for(event_id)
    return render("challenge/findings.html", **page(event))


def page(event, **context):
    """Everything the findings page shows; `row_forms` gives each standard its own recommendation
    form (unique ids)."""
    visitors, _ = queries.event_detail(event)
    me = next((v for v in visitors if v.user_id == current_user.id), None)
    rows = queries.finding_rows(event)
    forms = {
        r.finding.id: RecommendationForm(formdata=None, prefix=f"rec-{r.finding.id}") for r in rows
    }
    forms.update(context.pop("row_forms", {}))
    editable = bool(me) and event.status in RECORDING
    return {
        "event": event,
        "rows": rows,
        "visitors": visitors,
        "me": me,
        "editable": editable,
        "summary": summary_field(event),
        "voices": voices.for_event(event),
        "field": finding_field,
        "conflicts": {},
        "row_forms": forms,
        "problems": findings.problems(event) if editable else [],
        **context,
    }


@bp.get("/events/<int:event_id>/agreement")
@role_required()
def agreement(event_id):
    """The agreement panel, fetched again whenever a save on the page may have changed what stops
    agreement."""
    event = access.findings_for(event_id)
    return render("challenge/findings.html", "challenge/_agree.html", **page(event))


@bp.route("/findings/<int:finding_id>/fields/<name>", methods=["GET", "POST"])
@role_required()
def field(finding_id, name):
    """Autosave of one field (answered with its saved state), or GET: the field as saved now ("use
    theirs")."""
    if name not in findings.FIELDS:
        abort(404)
    finding = access.finding_to_edit(finding_id)
    if request.method == "GET":
        return _field_page(finding_field(finding, name, fresh=True), finding.event)
    return _autosave(
        finding,
        name,
        partial(findings.save_finding_field, finding, name),
        lambda record, **state: finding_field(record, name, **state),
        finding.event,
    )


@bp.route("/events/<int:event_id>/summary", methods=["GET", "POST"])
@role_required()
def summary(event_id):
    event = access.event_to_record(event_id)
    if request.method == "GET":
        return _field_page(summary_field(event, fresh=True), event)
    return _autosave(event, "summary", partial(findings.save_summary, event), summary_field, event)


def _field_page(f, event):
    """One field as saved now: its own page, or for htmx the field alone."""
    return render("challenge/field.html", "challenge/_field.html", f=f, event=event)


def _autosave(record, name, save, view, event):
    """Save one field with `save(text, base, version, who, overwrite)`; answer htmx with the
    field's state, anyone else with the page."""
    form = request.form
    try:
        saved = save(
            form.get(name, ""),
            form.get(f"base-{name}", ""),
            form.get("version", ""),
            current_user,
            form.get("overwrite"),
        )
        f = view(saved, state="saved")
    except editing.FieldConflict as error:
        f = view(record, state="conflict", conflict=error.conflict)
    except findings.Locked:
        f = view(record, state="locked")
    if not wants_fragment():
        return render(
            "challenge/findings.html",
            **page(event, conflicts={(record.id, name): f.conflict} if f.conflict else {}),
        )
    response = render("challenge/_field_state.html", "challenge/_field_state.html", f=f)
    if f.state == "saved":
        response.headers["HX-Trigger"] = "findingsSaved"
    return response


@bp.post("/findings/<int:finding_id>")
@role_required()
def save_finding(finding_id):
    """Without JavaScript the whole standard is posted at once: each field is saved, or shown beside
    the other visitor's words."""
    finding = access.finding_to_edit(finding_id)
    event = finding.event
    try:
        finding, conflicts = findings.save_standard(finding, request.form, current_user)
    except findings.Locked:
        abort(409)
    if conflicts:
        return render("challenge/findings.html", **page(event, conflicts=conflicts))
    flash(f"{finding.standard.title} saved", "success")
    return redirect(
        url_for(".findings_page", event_id=event.id, _anchor=f"standard-{finding.standard_id}")
    )


@bp.post("/findings/<int:finding_id>/recommendations")
@role_required()
def recommend(finding_id):
    finding = access.finding_to_edit(finding_id)
    form = RecommendationForm(prefix=f"rec-{finding.id}")
    if ready_to_save(form):
        try:
            findings.add_recommendation(
                finding, form.text.data, form.owner.data, form.due.data, current_user
            )
            form = RecommendationForm(formdata=None, prefix=f"rec-{finding.id}")
        except findings.Locked:
            flash("The findings have been agreed, so nothing more can be added", "info")
    return _recommendations(finding, form)


@bp.post("/recommendations/<int:recommendation_id>/remove")
@role_required()
def withdraw(recommendation_id):
    rec, finding = access.recommendation_to_edit(recommendation_id)
    try:
        findings.remove_recommendation(rec, current_user)
    except findings.Locked:
        flash("The findings have been agreed, so nothing can be withdrawn", "info")
    return _recommendations(finding)


def _recommendations(finding, form=None):
    context = page(finding.event, row_forms={finding.id: form} if form else {})
    context["row"] = next(r for r in context["rows"] if r.finding.id == finding.id)
    response = render("challenge/findings.html", "challenge/_recommendations.html", **context)
    response.headers["HX-Trigger"] = "findingsSaved"
    return response


@bp.post("/events/<int:event_id>/agree")
@role_required()
def agree(event_id):
    event = access.event_to_record(event_id)
    visitor = get_object_or_404(Visitor, Visitor.event == event.id, Visitor.user == current_user.id)
    try:
        done = findings.agree(event, visitor, current_user)
        flash(
            "The findings are agreed and locked"
            if done
            else "You have agreed the findings. They lock when the other visitor agrees too.",
            "success",
        )
    except findings.NotReady as not_ready:
        flash("Not agreed yet: " + "; ".join(not_ready.problems), "info")
    except findings.Locked:
        flash("These findings are already agreed", "info")
    return redirect(url_for(".findings_page", event_id=event.id))


@bp.route("/events/<int:event_id>/reopen", methods=["GET", "POST"])
@role_required("admin")
def reopen(event_id):
    event = access.event_for(event_id)
    form = PlainReasonForm()
    if ready_to_save(form):
        try:
            findings.reopen(event, form.reason.data, current_user)
            flash("The findings are reopened. Both visitors need to agree them again.", "success")
            return redirect(url_for(".findings_page", event_id=event.id))
        except findings.Locked:
            form.reason.errors = ["Only agreed findings can be reopened"]
    return render("challenge/reopen.html", event=event, form=form)


@bp.get("/events/<int:event_id>/documents/<int:document_id>")
@role_required()
def document(event_id, document_id):
    event = access.findings_for(event_id)
    found = queries.event_document(event, document_id)
    if found is None:
        abort(404)
    return send_document(found)
