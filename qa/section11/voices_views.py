"""An agency lead's page.

What their own staff said in the staff surveys, as totals only, and beside their self-ratings.
"""

from flask import request
from flask_login import current_user

from qa.htmx import render
from qa.section11 import voices
from qa.section11 import voices_bp as bp
from qa.security import role_required


@bp.get("/staff-survey")
@role_required("agency_lead")
def ours():
    """One staff survey at a time (the latest unless ?survey= picks another): figures for the
    lead's own agency only, hidden below 5 responses, and never a written answer, which could give
    a colleague away."""
    page = voices.staff_survey_page(current_user.agency, request.args.get("survey", ""))
    return render("section11/voices_ours.html", **page)
