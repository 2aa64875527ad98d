"""The QA sub-group's side of Section 11.

Cycle overview, heatmap, a rating's evidence and moderation, reopening, exports.
"""

from datetime import date

from flask import Response, abort, flash, redirect, request, url_for
from flask_login import current_user

from qa.builds import service as builds
from qa.cycles.models import Cycle
from qa.documents import safe_filename
from qa.forms import ready_to_save
from qa.htmx import render
from qa.ids import parse_id
from qa.pdf import render_pdf
from qa.section11 import access, export, heatmap, queries, returns, voices
from qa.section11 import scrutiny_bp as bp
from qa.section11.forms import ModerationForm, ReopenForm
from qa.section11.views import rating_page, return_page
from qa.security import role_required, subgroup_only

SUBGROUP = ("admin", "reviewer")


def _cycle():
    """The cycle asked for in ?cycle=, else the current one; 404 when there is none."""
    cycle = Cycle.asked(request.args.get("cycle", ""))
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
        cycles=Cycle.newest_first(),
    )


@bp.get("/heatmap")
@role_required(*SUBGROUP)
def heatmap_page():
    subgroup_only()
    return render(
        "section11/heatmap.html",
        "section11/_heatmap.html",
        **heatmap_context(
            _cycle(), request.args.get("framework", ""), request.args.get("sector", "")
        ),
    )


def heatmap_context(cycle, framework_wanted, sector):
    """What the heatmap page shows: the map for the framework chosen (else Section 11) and sector
    chosen (else all), with the choices of cycle, framework and sector."""
    frameworks = queries.frameworks()
    framework = (
        next((f for f in frameworks if str(f.id) == framework_wanted), None)
        or queries.section11_framework()
    )
    return {
        "map": heatmap.build(cycle, framework, parse_id(sector)),
        "frameworks": frameworks,
        "sector": sector,
        "sectors": queries.sectors(),
        "cycles": Cycle.newest_first(),
    }


@bp.route("/ratings/<int:rating_id>/review", methods=["GET", "POST"])
@role_required(*SUBGROUP)
def review(rating_id):
    """One rating's evidence, documents and action plan, with the sub-group's moderation (saved
    here on POST)."""
    rating = access.rating_for(rating_id)
    form, conflict = ModerationForm(obj=rating), None
    if ready_to_save(form):
        conflict = returns.save_moderation(rating, form, current_user)
        if conflict is None:
            agency = rating.return_.agency.name
            flash(f"Moderation of {rating.standard.title} for {agency} saved", "success")
            return redirect(url_for(".review", rating_id=rating.id))
    beside = voices.for_rating(rating)
    return render(
        "section11/review.html",
        **rating_page(rating, moderation_form=form, moderation_conflict=conflict, beside=beside),
        next_rating=queries.next_to_moderate(rating),
    )


@bp.post("/returns/<int:return_id>/reopen")
@role_required("admin")
def reopen(return_id):
    ret = access.return_for(return_id)
    form = ReopenForm()
    if not ready_to_save(form):
        return render("section11/return.html", **return_page(ret, lead=False, reopen_form=form))
    try:
        returns.reopen(ret, form.version.data, form.reason.data, current_user)
        flash(f"The return for {ret.agency.name} is reopened", "success")
    except returns.ReturnChanged:
        flash("The return changed since you opened it; here it is as it is now", "info")
    return redirect(url_for("section11.show", return_id=ret.id))


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
    """Made in the background: this starts or joins the person's build and shows its page."""
    subgroup_only()
    cycle, today = _cycle(), date.today()
    build = builds.start(
        current_user,
        "section11_cycle",
        cycle.id,
        f"Section 11 summary {cycle.name}.pdf",
        lambda: render_pdf("pdf/section11_cycle.html", **export.report(cycle, today)),
    )
    return redirect(url_for("builds.show", pdf_id=build.id), 303)
