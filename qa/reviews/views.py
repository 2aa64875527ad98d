"""Review pages for the QA sub-group: the list, a review's page, adding and editing a review, its
action-planning meeting and the actions agreed from it."""

from datetime import date

from flask import flash, redirect, request, url_for
from flask_login import current_user
from playhouse.flask_utils import get_object_or_404

from qa import editing
from qa.forms import ready_to_save, values
from qa.htmx import render
from qa.reviews import bp, queries, requests, service
from qa.reviews.forms import PlanningForm, ReviewActionForm, ReviewForm
from qa.reviews.models import Review
from qa.security import role_required, subgroup_only

SUBGROUP = ("admin", "reviewer")  # reviewers only when on the sub-group (subgroup_only)
WAITING_SHOWN = 50  # the sub-group's lists of what waits for it show the first 50
LABELS = {
    "kind": "Kind of review",
    "reference": "Reference",
    "title": "Title",
    "notified_on": "Notified",
    "completed_on": "Completed",
    "published_on": "Published",
    "recommendations": "Recommendations",
    "summary_url": "Published summary",
}

PLANNING_LABELS = {"planning_meeting_on": "Meeting date", "planning_attendance": "Who attended"}
ACTION_FIELDS = (
    "recommendation",
    "agency",
    "responsible_officer",
    "theme",
    "description",
    "owner",
    "due",
)


def _reference_taken(form, review_id=None):
    if queries.reference_taken(form.reference.data, review_id):
        form.reference.errors = list(form.reference.errors) + [
            "There is already a review with this reference"
        ]
        return True
    return False


def _save(review, form):
    """Save the review and its themes unless another review has the reference."""
    if _reference_taken(form, review.id):
        return None

    def write(obj, version, data, summary):
        service.save_review(obj, version, data, summary, form.themes.data, current_user)

    return editing.save_form(review, form, LABELS, write=write)


@bp.get("")
@role_required(*SUBGROUP)
def index():
    subgroup_only()
    return render(
        "reviews/index.html",
        reviews=queries.reviews(),
        waiting=requests.due(date.today(), limit=WAITING_SHOWN),
        samples=queries.dip_samples_waiting(WAITING_SHOWN),
    )


@bp.route("/new", methods=["GET", "POST"])
@role_required(*SUBGROUP)
def new():
    subgroup_only()
    form = ReviewForm(data={"version": "1"} if request.method == "GET" else None)
    if ready_to_save(form) and not _reference_taken(form):
        review = service.create_review(values(form, service.FIELDS), form.themes.data)
        flash(f"Review {review.reference} added", "success")
        return redirect(url_for("reviews.show", review_id=review.id), 303)
    return render("reviews/form.html", form=form, review=None, conflict=None)


def _page(review, planning=None, action_form=None, conflict=None):
    """A review's page: its details, the action-planning meeting and the actions agreed."""
    planning = planning or PlanningForm(formdata=None, obj=review)
    planning.version.data = planning.version.data or review.version
    return render(
        "reviews/review.html",
        review=review,
        themes=queries.themes_of([review.id]).get(review.id, []),
        actions=queries.actions_of(review),
        planning=planning,
        action_form=action_form or ReviewActionForm(formdata=None, review=review),
        conflict=conflict,
        today=date.today(),
    )


def _review(review_id):
    subgroup_only()
    return get_object_or_404(Review, Review.id == review_id)


@bp.get("/<int:review_id>")
@role_required(*SUBGROUP)
def show(review_id):
    return _page(_review(review_id))


@bp.post("/<int:review_id>/planning")
@role_required(*SUBGROUP)
def planning(review_id):
    review = _review(review_id)
    form = PlanningForm()
    if not ready_to_save(form):
        return _page(review, planning=form)
    summary = f"Action-planning meeting of {review}"
    conflict = editing.save_form(review, form, PLANNING_LABELS, summary=summary)
    if conflict:
        return _page(_review(review_id), planning=form, conflict=conflict)
    return redirect(url_for("reviews.show", review_id=review.id) + "#planning", 303)


@bp.post("/<int:review_id>/actions")
@role_required(*SUBGROUP)
def add_action(review_id):
    review = _review(review_id)
    form = ReviewActionForm(review=review)
    if not ready_to_save(form):
        return _page(review, action_form=form)
    service.add_action(review, values(form, ACTION_FIELDS), current_user)
    return redirect(url_for("reviews.show", review_id=review.id) + "#actions", 303)


@bp.route("/<int:review_id>/edit", methods=["GET", "POST"])
@role_required(*SUBGROUP)
def edit(review_id):
    review = _review(review_id)
    form = ReviewForm(obj=review, review=review)
    if request.method == "GET":
        form.themes.data = queries.theme_ids(review)
    done = url_for("reviews.show", review_id=review.id)
    return editing.edit_page(
        review,
        form,
        LABELS,
        "reviews/form.html",
        done=done,
        saved="Review {obj.reference} saved",
        save=_save,
        review=review,
    )
