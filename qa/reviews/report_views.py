"""The quarterly review theme report, on screen and as a PDF, and the sub-group's decision for
each theme."""

from flask import abort, redirect, request, url_for
from flask_login import current_user

from qa.forms import ready_to_save
from qa.htmx import render
from qa.ids import parse_id
from qa.pdf import pdf_response, render_pdf
from qa.reviews import bp, report, service
from qa.reviews.forms import DecisionForm
from qa.security import role_required, subgroup_only

SUBGROUP = ("admin", "reviewer")


def _quarter():
    subgroup_only()
    try:
        return report.quarter(request.args.get("day", ""))
    except ValueError:
        abort(404)


def _page(start, end, form=None):
    figures = report.gather(start, end)
    form = form or DecisionForm(formdata=None, themes=figures["themes"])
    return render("reviews/report.html", form=form, **figures)


@bp.get("/report")
@role_required(*SUBGROUP)
def theme_report():
    return _page(*_quarter())


@bp.get("/report.pdf")
@role_required(*SUBGROUP)
def theme_report_pdf():
    start, end = _quarter()
    data = render_pdf("pdf/review_themes.html", **report.gather(start, end))
    return pdf_response(data, f"Review theme report {start:%Y-%m}.pdf")


@bp.post("/report/decisions")
@role_required(*SUBGROUP)
def decide():
    start, end = _quarter()
    form = DecisionForm(themes=report.gather(start, end)["themes"])
    if not ready_to_save(form):
        return _page(start, end, form)
    theme_id, decision, note = parse_id(form.theme.data), form.decision.data, form.note.data
    service.decide_theme(theme_id, start, decision, note, current_user)
    return redirect(url_for("reviews.theme_report", day=start.isoformat()) + "#themes", 303)
