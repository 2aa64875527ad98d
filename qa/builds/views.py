"""A person's PDF build: its page (polled by htmx; a plain link without JavaScript) and the file."""

from flask import abort
from flask_login import current_user
from playhouse.flask_utils import get_object_or_404

from qa.builds import bp, service
from qa.builds.models import PdfBuild
from qa.documents import Document, send_document
from qa.htmx import render
from qa.security import deny, role_required


def _own(pdf_id):
    build = PdfBuild.get_or_none(PdfBuild.id == pdf_id)
    if build is None or build.requested_by_id != current_user.id:
        deny("PdfBuild", pdf_id, "someone else's PDF")
    return build


@bp.get("/<int:pdf_id>")
@role_required()
def show(pdf_id):
    build = _own(pdf_id)
    return render(
        "builds/build.html", "builds/_build.html", build=build, running=service.is_running(build)
    )


@bp.get("/<int:pdf_id>/download")
@role_required()
def download(pdf_id):
    build = _own(pdf_id)
    if build.status != "done":
        abort(404)
    return send_document(get_object_or_404(Document, Document.id == build.document_id))
