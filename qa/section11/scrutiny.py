"""The QA sub-group's side of Section 11.

Cycle overview, heatmap, a rating's evidence and moderation, reopening, exports.
"""

from datetime import date

from flask import Response, abort, flash, redirect, request, url_for
from flask_login import current_user

from qa.cycles.models import Cycle
from qa.db import VersionConflict
from qa.documents import safe_filename
from qa.forms import ready_to_save
from qa.frameworks.models import Framework
from qa.htmx import render
from qa.pdf import pdf_response, render_pdf
from qa.people.models import Sector
from qa.section11 import access, export, heatmap, queries, returns
from qa.section11 import scrutiny_bp as bp
from qa.section11.forms import ModerationForm, ReopenForm
from qa.section11.views import rating_page
from qa.security import role_required, subgroup_only
from qa.voices import queries as voices

SUBGROUP = ("admin", "reviewer")


def _cycle():
    """The cycle asked for in ?cycle=, else the current one; 404 when there is none."""
    wanted = request.args.get("cycle", "")
    cycle = (
        Cycle.get_or_none(Cycle.id == int(wanted))
        if wanted.isdigit() and len(wanted) < 10
        else Cycle.current()
    )
    if cycle is None:
        abort(404)
    return cycle


@bp.get("/overview")
@role_required(*SUBGROUP)
def overview():
    subgroup_only()
    cycle, today = _cycle(), date.today()
    rows = queries.overview(cycle, today)
    return render(
        "section11/overview.html",
        cycle=cycle,
        rows=rows,
        today=today,
        cycles=Cycle.select().order_by(Cycle.starts.desc()),
    )


@bp.get("/heatmap")
@role_required(*SUBGROUP)
def heatmap_page():
    subgroup_only()
    cycle = _cycle()
    frameworks = list(Framework.select().order_by(Framework.id))
    wanted = request.args.get("framework", "")
    framework = (
        next((f for f in frameworks if str(f.id) == wanted), None) or queries.section11_framework()
    )
    sector = request.args.get("sector", "")
    built = heatmap.build(
        cycle, framework, int(sector) if sector.isdigit() and len(sector) < 10 else None
    )
    return render(
        "section11/heatmap.html",
        "section11/_heatmap.html",
        map=built,
        frameworks=frameworks,
        sector=sector,
        sectors=Sector.select().order_by(Sector.name),
        cycles=Cycle.select().order_by(Cycle.starts.desc()),
    )


@bp.route("/ratings/<int:rating_id>/review", methods=["GET", "POST"])
@role_required(*SUBGROUP)
def review(rating_id):
    """One rating's evidence, documents and action plan, with the sub-group's moderation (saved here
    on POST)."""
    rating = access.rating_for(rating_id)
    form, conflict = ModerationForm(obj=rating), None
    if ready_to_save(form):
        try:
            returns.moderate(
                rating,
                form.moderation_version.data,
                form.moderation_status.data or "",
                form.moderation_comment.data,
                current_user,
            )
            flash(
                f"Moderation of {rating.standard.title} for {rating.return_.agency.name} saved",
                "success",
            )
            return redirect(url_for(".review", rating_id=rating.id))
        except returns.ModerationConflict as error:
            conflict = error.current
            form.moderation_version.data = str(conflict.moderation_version)
    return render(
        "section11/review.html",
        **rating_page(
            rating,
            moderation_form=form,
            moderation_conflict=conflict,
            beside=voices.for_rating(rating),
        ),
    )


@bp.post("/returns/<int:return_id>/reopen")
@role_required("admin")
def reopen(return_id):
    ret = access.return_for(return_id)
    form = ReopenForm()
    if ready_to_save(form):
        try:
            returns.reopen(ret, form.version.data, form.reason.data, current_user)
            flash(f"The return for {ret.agency.name} is reopened", "success")
            return redirect(url_for("section11.show", return_id=ret.id))
        except (VersionConflict, returns.ReturnLocked):
            flash("The return changed since you opened it; here it is as it is now", "info")
            return redirect(url_for("section11.show", return_id=ret.id))
    rows = queries.rows(ret)
    return render(
        "section11/return.html",
        ret=ret,
        rows=rows,
        state=queries.state_of(ret, rows),
        lead=False,
        reopen_form=form,
    )


@bp.get("/export.csv")
@role_required(*SUBGROUP)
def export_csv():
    subgroup_only()
    cycle = _cycle()
    response = Response(export.ratings_csv(cycle), mimetype="text/csv")
    response.headers["Content-Disposition"] = (
        f'attachment; filename="{safe_filename(f"Section 11 ratings {cycle.name}.csv")}"'
    )
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/report.pdf")
@role_required(*SUBGROUP)
def report_pdf():
    subgroup_only()
    cycle = _cycle()
    data = render_pdf("pdf/section11_cycle.html", **export.report(cycle, date.today()))
    return pdf_response(data, f"Section 11 summary {cycle.name}.pdf")
