"""An agency lead's page.

What their own staff said in the staff surveys, as totals only, and beside their self-ratings.
"""

from flask import request
from flask_login import current_user

from qa.cycles.models import Cycle
from qa.htmx import render
from qa.section11 import queries as section11
from qa.security import role_required
from qa.surveys import kinds
from qa.surveys import queries as surveys
from qa.surveys.models import Survey
from qa.voices import bp
from qa.voices import queries as voices


@bp.get("/staff-survey")
@role_required("agency_lead")
def ours():
    """One staff survey at a time (the latest unless ?survey= picks another): figures for the lead's
    own agency only,
    hidden below 5 responses, and never a written answer, which could give a colleague away."""
    agency = current_user.agency
    choices = list(
        Survey.select()
        .where((Survey.audience == "staff") & (Survey.status != "draft"))
        .order_by(Survey.created_at.desc())
    )
    wanted = request.args.get("survey", "")
    survey = next((s for s in choices if str(s.id) == wanted), choices[0] if choices else None)
    context = {
        "agency": agency,
        "choices": choices,
        "survey": survey,
        "responses": 0,
        "summary": [],
        "before": None,
        "beside": [],
    }
    if survey and agency:
        responses, summary = surveys.results_for(survey, agency_id=agency.id)
        summary = [item for item in summary if item["question"]["kind"] not in kinds.FREE_TEXT]
        before, summary = surveys.last_year(survey, summary, agency_id=agency.id)
        context.update(responses=responses, summary=summary, before=before, filtered=True)
    cycle = Cycle.current()
    if agency and cycle:
        rags = {rating.standard_id: rating.rag for rating in section11.ratings_for(agency, cycle)}
        found = voices.beside(cycle, {agency.id: rags})
        context.update(
            cycle=cycle, beside=sorted(found.values(), key=lambda b: (not b.flagged, b.voice.code))
        )
    return render("voices/ours.html", **context)
