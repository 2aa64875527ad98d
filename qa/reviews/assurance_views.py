"""One review action for the sub-group: its evidence a year on, the decision whether it is
assured, and the dip sample of its evidence."""

from datetime import date

from flask import abort, redirect, url_for
from flask_login import current_user

from qa.forms import ready_to_save
from qa.htmx import render
from qa.reviews import bp, queries, requests, rules, service
from qa.reviews.forms import AssuranceForm, DipOutcomeForm
from qa.reviews.models import ReviewAction
from qa.security import role_required, subgroup_only

SUBGROUP = ("admin", "reviewer")


def _link(review_action_id):
    subgroup_only()
    link = queries.review_actions().where(ReviewAction.id == review_action_id).first()
    if link is None:
        abort(404)
    return link


def _page(link, assurance=None, outcome=None):
    today = date.today()
    return render(
        "reviews/assurance.html",
        link=link,
        action=link.action,
        assurance=assurance or AssuranceForm(formdata=None),
        outcome=outcome or DipOutcomeForm(formdata=None),
        request_on=rules.request_due_on(link.review.completed_on),
        requested=bool(requests.due(today, ReviewAction.id == link.id)),
        may_sample=rules.may_dip_sample(link.action.status, link.dip_sampled_at),
        today=today,
    )


def _back(link):
    return redirect(url_for("reviews.assurance", review_action_id=link.id), 303)


@bp.get("/actions/<int:review_action_id>")
@role_required(*SUBGROUP)
def assurance(review_action_id):
    return _page(_link(review_action_id))


@bp.post("/actions/<int:review_action_id>/assurance")
@role_required(*SUBGROUP)
def assure(review_action_id):
    link = _link(review_action_id)
    form = AssuranceForm()
    if not ready_to_save(form):
        return _page(link, assurance=form)
    service.record_assurance(
        link, form.assured.data == "yes", form.assurance_reason.data, current_user
    )
    return _back(link)


@bp.post("/actions/<int:review_action_id>/dip-sample")
@role_required(*SUBGROUP)
def dip_sample(review_action_id):
    link = _link(review_action_id)
    if rules.may_dip_sample(link.action.status, link.dip_sampled_at):
        service.mark_dip_sample(link, current_user)
    return _back(link)


@bp.post("/actions/<int:review_action_id>/dip-outcome")
@role_required(*SUBGROUP)
def dip_outcome(review_action_id):
    link = _link(review_action_id)
    if link.dip_sampled_at is None:  # nothing to record until it is marked for checking
        return _back(link)
    form = DipOutcomeForm()
    if not ready_to_save(form):
        return _page(link, outcome=form)
    service.record_dip_outcome(link, form.dip_outcome.data, form.dip_note.data, current_user)
    return _back(link)
