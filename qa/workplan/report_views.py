"""The quarterly progress report to the board: on screen and as a PDF, with the chair's
commentary on the quarter."""

from datetime import date

from flask import flash, redirect, request, url_for
from flask_login import current_user
from playhouse.flask_utils import get_object_or_404

from qa.cycles.models import Cycle
from qa.db import VersionConflict
from qa.editing import conflict_for
from qa.forms import ready_to_save
from qa.htmx import render
from qa.ids import parse_id
from qa.pdf import pdf_response, render_pdf
from qa.security import role_required, subgroup_only
from qa.workplan import bp, queries, rules, service
from qa.workplan.forms import CommentaryForm
from qa.workplan.views import SUBGROUP


def asked_quarter(cycle):
    """The quarter in ?quarter= (1–4), else the one today falls in (the first when outside)."""
    quarter = parse_id(request.args.get("quarter", ""))
    if quarter in rules.QUARTERS:
        return quarter
    return rules.quarter_on(cycle.starts, date.today()) or 1


def report_page(cycle, quarter, form=None, conflict=None):
    report = queries.progress_report(cycle, quarter)
    found = report["commentary"]
    form = form or CommentaryForm(
        formdata=None, data={"version": str(found.version), "text": found.text}
    )
    quarters = [(q, rules.quarter_label(cycle.starts, q)) for q in rules.QUARTERS]
    return {**report, "form": form, "conflict": conflict, "quarters": quarters}


@bp.get("/<int:cycle_id>/progress")
@role_required(*SUBGROUP)
def progress(cycle_id):
    subgroup_only()
    cycle = get_object_or_404(Cycle, Cycle.id == cycle_id)
    return render("workplan/progress.html", **report_page(cycle, asked_quarter(cycle)))


@bp.post("/<int:cycle_id>/progress")
@role_required(*SUBGROUP)
def commentary(cycle_id):
    subgroup_only()
    cycle = get_object_or_404(Cycle, Cycle.id == cycle_id)
    quarter, form, conflict = asked_quarter(cycle), CommentaryForm(), None
    if ready_to_save(form):
        found = queries.commentary(cycle, quarter)
        try:
            service.save_commentary(found, form.version.data, form.text.data, current_user)
            flash("The chair's commentary saved", "success")
            return redirect(url_for(".progress", cycle_id=cycle.id, quarter=quarter))
        except VersionConflict as error:
            conflict = conflict_for(form, error.current, {"text": "Commentary"})
    return render("workplan/progress.html", **report_page(cycle, quarter, form, conflict))


@bp.get("/<int:cycle_id>/progress.pdf")
@role_required(*SUBGROUP)
def progress_pdf(cycle_id):
    subgroup_only()
    cycle = get_object_or_404(Cycle, Cycle.id == cycle_id)
    report = queries.progress_report(cycle, asked_quarter(cycle))
    data = render_pdf("pdf/workplan_progress.html", **report)
    return pdf_response(data, f"Work plan progress {cycle.name} Q{report['quarter']}.pdf")
