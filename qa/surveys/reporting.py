"""Hearing what they said: results with small numbers hidden, flagged answers first, CSV and a PDF for the board."""
from datetime import datetime

from flask import Blueprint, Response as HttpResponse, flash, redirect, request, url_for
from flask_login import current_user

from qa import audit
from qa.db import db, get_or_404
from qa.forms import ready_to_save
from qa.htmx import render
from qa.reports.pdf import pdf_response, render_pdf
from qa.security import role_required
from qa.surveys import export, queries
from qa.surveys.forms import FlagForm
from qa.surveys.models import AGE_BANDS, Flag, Survey, SurveyLink

bp = Blueprint("survey_results", __name__, url_prefix="/admin/surveys")


def _filters():
    link_id = request.args.get("link", "")
    band = request.args.get("band", "")
    return (int(link_id) if link_id.isdigit() and len(link_id) < 10 else None), (band if band in AGE_BANDS else None)


@bp.get("/<int:survey_id>/results")
@role_required("admin", "reviewer")
def show(survey_id):
    survey = get_or_404(Survey, Survey.id == survey_id)
    link_id, band = _filters()
    responses, summary = queries.results_for(survey, link_id, band)
    context = {"survey": survey, "responses": responses, "summary": summary, "link_id": link_id, "band": band,
               "links": list(SurveyLink.select().where(SurveyLink.survey == survey).order_by(SurveyLink.label)),
               "bands": queries.age_bands_of(survey), "band_labels": AGE_BANDS,
               "settings": queries.responses_by_setting(survey),
               "flags": queries.flags_of(survey) if current_user.is_admin else [], "flag_form": FlagForm()}
    return render("surveys/results.html", "surveys/_results.html", **context)


@bp.post("/flags/<int:flag_id>/review")
@role_required("admin")
def review(flag_id):
    flag = get_or_404(Flag, Flag.id == flag_id)
    survey_id = flag.answer.response.survey_id
    form = FlagForm()
    if ready_to_save(form):
        with db.atomic("IMMEDIATE"):
            Flag.update(reviewed=True, note=form.note.data, reviewed_by=current_user.id, reviewed_at=datetime.now()).where(Flag.id == flag.id).execute()
            audit.record(current_user, "reviewed", flag, "Reviewed a flagged survey answer", {"note": ["", form.note.data]})
        flash("Marked as reviewed", "success")
    else:
        flash("Say what you did before marking the answer as reviewed", "info")
    return redirect(url_for("survey_results.show", survey_id=survey_id, _anchor=f"flag-{flag.id}"))


@bp.get("/<int:survey_id>/answers.csv")
@role_required("admin")
def answers_csv(survey_id):
    survey = get_or_404(Survey, Survey.id == survey_id)
    headers = {"Content-Disposition": f'attachment; filename="survey-{survey.id}-answers.csv"', "Cache-Control": "no-store"}
    return HttpResponse(export.answers_csv(survey), mimetype="text/csv", headers=headers)


@bp.get("/<int:survey_id>/summary.pdf")
@role_required("admin", "reviewer")
def summary_pdf(survey_id):
    survey = get_or_404(Survey, Survey.id == survey_id)
    responses, summary = queries.results_for(survey)
    flags = queries.flags_of(survey)
    data = render_pdf("pdf/survey_summary.html", survey=survey, responses=responses, summary=summary,
                      settings=queries.responses_by_setting(survey), flagged=len(flags),
                      reviewed=sum(1 for f in flags if f.reviewed), statements=list(survey.statements),
                      made_on=datetime.now())
    return pdf_response(data, f"survey-summary-{survey.title}.pdf")
