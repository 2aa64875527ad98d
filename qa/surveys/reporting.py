"""Hearing what they said.

Results with small numbers hidden, flagged answers first, CSV and a PDF for the board.
"""

from datetime import datetime

from flask import Response as HttpResponse
from flask import flash, redirect, request, url_for
from flask_login import current_user
from playhouse.flask_utils import get_object_or_404

from qa.forms import ready_to_save
from qa.htmx import render
from qa.ids import parse_id
from qa.pdf import pdf_response, render_pdf
from qa.security import role_required, subgroup_only
from qa.surveys import bp, bursts, contact, export, queries, safeguarding, staff
from qa.surveys.forms import FlagForm
from qa.surveys.models import AGE_BANDS, ContactRequest, Flag, Survey, SurveyBurst


def _filters():
    """{link_id, age_band, agency_id, sector_id, role_group} from the query string; anything unknown
    is ignored."""
    band, role = request.args.get("band", ""), request.args.get("role", "")
    return {
        "link_id": parse_id(request.args.get("link", "")),
        "age_band": band if band in AGE_BANDS else None,
        "agency_id": parse_id(request.args.get("agency", "")),
        "sector_id": parse_id(request.args.get("sector", "")),
        "role_group": role if role in staff.ROLE_GROUPS else None,
    }


def _staff_filters():
    """Agency, sector and role only: what a staff survey's PDF may be narrowed to."""
    chosen = _filters()
    return {name: chosen[name] for name in ("agency_id", "sector_id", "role_group")}


@bp.get("/<int:survey_id>/results")
@role_required("admin", "reviewer")
def results(survey_id):
    subgroup_only()
    survey = get_object_or_404(Survey, Survey.id == survey_id)
    context = _results_page(survey, _filters())
    return render("surveys/results.html", "surveys/_results.html", **context)


def _results_page(survey, chosen):
    """The results of the survey, or of the group `chosen` narrows them to."""
    figures = queries.figures_of(survey)
    responses, summary = queries.results_for(survey, **chosen, figures=figures)
    before = None
    if not chosen["link_id"]:  # links differ from year to year; agencies, sectors and roles do not
        before, summary = queries.last_year(
            survey, summary, chosen["agency_id"], chosen["sector_id"], chosen["role_group"]
        )
    context = {
        "survey": survey,
        "responses": responses,
        "summary": summary,
        "before": before,
        **chosen,
        "band": chosen["age_band"],
        "filtered": any(chosen.values()),
        "links": queries.links_of(survey, by_label=True),
        "bands": queries.age_bands_of(survey),
        "band_labels": AGE_BANDS,
        "settings": queries.responses_by_setting(survey, figures),
        "by_language": queries.responses_by_language(survey),
        "flags": queries.flags_of(survey) if current_user.is_admin else [],
        "bursts": queries.bursts_of(survey) if current_user.is_admin else [],
        "flag_form": FlagForm(),
        "paper": queries.paper_count(survey),
    }
    if survey.for_staff:
        context.update(_staff_context(survey, figures))
    return context


def _staff_context(survey, figures):
    agencies, sectors = queries.staff_filters(survey)
    return {
        "agencies": agencies,
        "sectors": sectors,
        "roles": staff.ROLE_GROUPS,
        "by_agency": queries.responses_by_agency(survey, figures),
        "by_sector": queries.responses_by_sector(survey, figures),
        "by_role": queries.responses_by_role(survey, figures),
        "contact_count": queries.contact_count(survey) if current_user.is_admin else 0,
    }


@bp.post("/flags/<int:flag_id>/review")
@role_required("admin")
def review(flag_id):
    flag = get_object_or_404(Flag, Flag.id == flag_id)
    survey_id = flag.answer.response.survey_id
    form = FlagForm()
    if ready_to_save(form):
        safeguarding.review_flag(flag, form.note.data)
        flash("Marked as reviewed", "success")
    else:
        flash("Say what you did before marking the answer as reviewed", "info")
    return redirect(url_for("surveys.results", survey_id=survey_id, _anchor=f"flag-{flag.id}"))


@bp.post("/bursts/<int:burst_id>/discard")
@role_required("admin")
def discard_burst(burst_id):
    burst = get_object_or_404(SurveyBurst, SurveyBurst.id == burst_id, ~SurveyBurst.discarded)
    count = bursts.discard(burst, current_user)
    flash(f"Discarded {count} responses sent in a burst on {burst.link.label}", "success")
    return redirect(url_for("surveys.results", survey_id=burst.link.survey_id), 303)


@bp.get("/<int:survey_id>/answers.csv")
@role_required("admin")
def answers_csv(survey_id):
    survey = get_object_or_404(Survey, Survey.id == survey_id)
    headers = {
        "Content-Disposition": f'attachment; filename="survey-{survey.id}-answers.csv"',
        "Cache-Control": "no-store",
    }
    return HttpResponse(export.answers_csv(survey), mimetype="text/csv", headers=headers)


@bp.get("/<int:survey_id>/summary.pdf")
@role_required("admin", "reviewer")
def summary_pdf(survey_id):
    subgroup_only()
    survey = get_object_or_404(Survey, Survey.id == survey_id)
    chosen = _staff_filters() if survey.for_staff else {}
    data = render_pdf("pdf/survey_summary.html", **_summary_page(survey, chosen))
    return pdf_response(data, f"survey-summary-{survey.title}.pdf")


def _summary_page(survey, chosen):
    """The board's summary of the survey, or of the group of staff `chosen` narrows it to."""
    figures = queries.figures_of(survey)
    responses, summary = queries.results_for(survey, **chosen, figures=figures)
    before, summary = queries.last_year(survey, summary, **chosen)
    flags = queries.flags_of(survey)
    by_group = (
        {
            "by_agency": queries.responses_by_agency(survey, figures),
            "by_sector": queries.responses_by_sector(survey, figures),
            "by_role": queries.responses_by_role(survey, figures),
        }
        if survey.for_staff
        else {}
    )
    return {
        "survey": survey,
        "responses": responses,
        "summary": summary,
        "before": before,
        **by_group,
        "group": queries.group_label(**chosen) if any(chosen.values()) else "",
        "settings": queries.responses_by_setting(survey, figures),
        "flagged": len(flags),
        "reviewed": sum(1 for f in flags if f.reviewed),
        "statements": list(survey.statements),
        "made_on": datetime.now(),
    }


@bp.get("/<int:survey_id>/contact-requests")
@role_required("admin")
def contacts(survey_id):
    """People who asked to be contacted: kept apart from the answers, and deleted once dealt
    with."""
    survey = get_object_or_404(Survey, Survey.id == survey_id)
    return render("surveys/contacts.html", survey=survey, requests=contact.requests_for(survey))


@bp.post("/contact-requests/<int:request_id>/delete")
@role_required("admin")
def delete_contact(request_id):
    found = get_object_or_404(
        queries.contact_requests_with_surveys(), ContactRequest.id == request_id
    )
    contact.remove(found)
    flash("Contact request deleted", "success")
    return redirect(url_for("surveys.contacts", survey_id=found.survey_id))
