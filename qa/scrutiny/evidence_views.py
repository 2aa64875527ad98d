"""A theme's evidence: citing a record another capability holds (chosen from that kind's list),
uploading a document from outside qa, downloading it, and removing a piece of evidence."""

from flask import abort, redirect, url_for
from flask_login import current_user

from qa.capability import evidence_kinds
from qa.documents import received, send_document, takes_upload
from qa.forms import ready_to_save
from qa.htmx import render
from qa.ids import parse_id
from qa.scrutiny import bp, queries, service
from qa.scrutiny.forms import DocumentForm, EvidenceForm
from qa.scrutiny.views import SUBGROUP, the_theme, theme_page
from qa.security import role_required
from qa.uploads import UploadRefused


def _kind(kind):
    source = evidence_kinds().get(kind)
    if source is None:
        abort(404)
    return source


@bp.route("/<int:theme_id>/evidence/<kind>", methods=["GET", "POST"])
@role_required(*SUBGROUP)
def cite(theme_id, kind):
    theme, source = the_theme(theme_id), _kind(kind)
    cited = queries.cited(theme, kind)
    choices = [(i, t) for i, t in source.choices_function()(theme.cycle) if i not in cited]
    form = EvidenceForm(choices=choices)
    if ready_to_save(form):
        record_id = parse_id(form.record.data)
        title = dict(choices)[record_id]
        service.cite(theme, kind, record_id, source.label, title, current_user)
        return redirect(url_for("scrutiny_themes.show", theme_id=theme.id) + "#cited", 303)
    return render("scrutiny/cite.html", theme=theme, source=source, kind=kind, form=form)


@bp.post("/<int:theme_id>/documents")
@role_required(*SUBGROUP)
@takes_upload
def upload(theme_id):
    theme, form = the_theme(theme_id), DocumentForm()
    try:
        name, content_type, data = received()
    except UploadRefused as refused:
        return theme_page(theme, document_form=form, problem=str(refused))
    if not ready_to_save(form):
        return theme_page(theme, document_form=form)
    service.add_document(theme, current_user, name, content_type, data, form.note.data)
    return redirect(url_for("scrutiny_themes.show", theme_id=theme.id) + "#cited", 303)


@bp.get("/<int:theme_id>/documents/<int:document_id>")
@role_required(*SUBGROUP)
def download(theme_id, document_id):
    theme = the_theme(theme_id)
    document = queries.document_of(theme, document_id)
    if document is None:
        abort(404)
    return send_document(document)


@bp.post("/<int:theme_id>/evidence/<int:evidence_id>/remove")
@role_required(*SUBGROUP)
def remove_evidence(theme_id, evidence_id):
    theme = the_theme(theme_id)
    if not service.remove_evidence(theme, evidence_id, current_user):
        abort(404)
    return redirect(url_for("scrutiny_themes.show", theme_id=theme.id) + "#cited", 303)
