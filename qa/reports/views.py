"""The annual QA report to the board.

On screen, and as a PDF built in the background with its progress shown.
"""

from datetime import date

from flask import abort, redirect, request, url_for
from flask_login import current_user
from playhouse.flask_utils import get_object_or_404

from qa.cycles.models import Cycle
from qa.documents import Document, send_document
from qa.htmx import render
from qa.reports import annual, bp, builds, queries
from qa.reports.models import ReportBuild
from qa.security import role_required


def _cycle():
    cycle = Cycle.asked(request.values.get("cycle"))
    if cycle is None:
        abort(404)
    return cycle


@bp.get("/annual")
@role_required("admin")
def annual_page():
    cycle = _cycle()
    return render(
        "reports/annual.html",
        **annual.build(cycle, date.today()),
        cycles=Cycle.newest_first(),
        latest=queries.latest_build(cycle),
    )


@bp.post("/annual/pdf")
@role_required("admin")
def annual_pdf():
    build = builds.start(_cycle(), current_user)
    return redirect(url_for("reports.build", build_id=build.id), 303)


@bp.get("/builds/<int:build_id>")
@role_required("admin")
def build(build_id):
    found = get_object_or_404(ReportBuild, ReportBuild.id == build_id)
    return render("reports/build.html", "reports/_build.html", build=found)


@bp.get("/builds/<int:build_id>/download")
@role_required("admin")
def download(build_id):
    found = get_object_or_404(ReportBuild, ReportBuild.id == build_id, ReportBuild.status == "done")
    return send_document(get_object_or_404(Document, Document.id == found.document_id))
