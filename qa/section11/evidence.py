"""A rating's supporting documents and improvement action plan: upload, download, remove, add."""

from flask import flash, redirect, url_for
from flask_login import current_user

from qa.documents import received, send_document, takes_upload
from qa.forms import ready_to_save
from qa.htmx import render, wants_fragment
from qa.section11 import access, bp, returns
from qa.section11.forms import ActionForm
from qa.section11.views import rating_page
from qa.security import role_required
from qa.uploads import UploadRefused


def _documents(rating, problem=None):
    if problem is None and not wants_fragment():
        return redirect(url_for(".rating", rating_id=rating.id, _anchor="documents"))
    return render(
        "section11/rating.html",
        "section11/_documents.html",
        **rating_page(rating, upload_error=problem),
    )


@bp.post("/ratings/<int:rating_id>/documents")
@role_required("agency_lead")
@takes_upload
def upload(rating_id):
    rating = access.editable_rating(rating_id)
    try:
        name, content_type, data = received()
        returns.attach_document(rating, current_user, name, content_type, data)
    except UploadRefused as refused:
        return _documents(rating, str(refused))
    return _documents(rating)


@bp.get("/ratings/<int:rating_id>/documents/<int:document_id>")
@role_required()
def download(rating_id, document_id):
    _, document = access.document_for(rating_id, document_id)
    return send_document(document)


@bp.post("/ratings/<int:rating_id>/documents/<int:document_id>/remove")
@role_required("agency_lead")
def remove_document(rating_id, document_id):
    rating, document = access.document_for(rating_id, document_id)
    access.ensure_editable(rating.return_)
    returns.detach_document(rating, document, current_user)
    if not wants_fragment():
        flash(f"{document.filename} removed", "success")
    return _documents(rating)


def _action_plan(rating, form=None):
    if form is None and not wants_fragment():
        return redirect(url_for(".rating", rating_id=rating.id, _anchor="action-plan"))
    return render(
        "section11/rating.html",
        "section11/_actions.html",
        **rating_page(rating, action_form=form or ActionForm(formdata=None)),
    )


@bp.post("/ratings/<int:rating_id>/actions")
@role_required("agency_lead")
def add_action(rating_id):
    rating = access.editable_rating(rating_id)
    form = ActionForm()
    if not ready_to_save(form):
        return _action_plan(rating, form)
    try:
        returns.add_action(
            rating, current_user, form.description.data, form.owner.data, form.due.data
        )
    except returns.ActionPlanFull as full:
        form.description.errors.append(str(full))
        return _action_plan(rating, form)
    return _action_plan(rating)


@bp.post("/ratings/<int:rating_id>/actions/<int:action_id>/remove")
@role_required("agency_lead")
def remove_action(rating_id, action_id):
    rating = access.editable_rating(rating_id)
    returns.remove_action(rating, access.action_for(rating, action_id), current_user)
    return _action_plan(rating)
