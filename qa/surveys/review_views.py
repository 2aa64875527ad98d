"""The review queue: every written answer and flag across surveys, for the people named to review.

Outside the small-number rule. Admins always may review; others only when the survey settings name
them (a refusal otherwise, recorded like any other).
"""

from flask import flash, redirect, request, url_for
from flask_login import current_user
from playhouse.flask_utils import get_object_or_404

from qa.forms import ready_to_save
from qa.htmx import render
from qa.security import deny_page, role_required
from qa.surveys import bp, review, review_queries, safeguarding
from qa.surveys.forms import FlagForm, ReviewersForm
from qa.surveys.models import Flag


def _reviewers_only():
    if not review_queries.may_review(current_user):
        deny_page()


@bp.get("/review")
@role_required()
def review_queue():
    _reviewers_only()
    page = request.args.get("page", 1, type=int)
    answers, pages = review_queries.written_answers(max(page, 1))
    return render(
        "surveys/review.html",
        flags=review_queries.flags(show_reviewed=request.args.get("reviewed") == "1"),
        answers=answers,
        page=max(page, 1),
        pages=pages,
    )


@bp.post("/review/flags/<int:flag_id>")
@role_required()
def review_in_queue(flag_id):
    _reviewers_only()
    flag = get_object_or_404(Flag, Flag.id == flag_id)
    form = FlagForm()
    if ready_to_save(form):
        safeguarding.review_flag(flag, form.note.data)
        flash("Marked as reviewed", "success")
    else:
        flash("Say what you did before marking the answer as reviewed", "info")
    return redirect(url_for("surveys.review_queue", _anchor=f"flag-{flag.id}"), 303)


@bp.post("/settings/reviewers")
@role_required("admin")
def reviewers():
    form = ReviewersForm()
    form.reviewers.choices = review_queries.reviewer_choices()
    if ready_to_save(form):
        review.set_reviewers(form.reviewers.data)
        flash("Saved who may review written answers and flags", "success")
    return redirect(url_for("surveys.settings", _anchor="reviewers"), 303)
