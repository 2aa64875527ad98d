"""The scorecard, one indicator's page (history, localities, comparators, commentary) and what
the sub-group does from it: comment, propose a case-audit topic, raise an action; the board's
highlight report."""

from datetime import date

from flask import flash, redirect, request, url_for
from flask_login import current_user
from playhouse.flask_utils import get_object_or_404

from qa.cycles.models import Cycle
from qa.dataset import bp, highlight, service
from qa.dataset.forms import CommentForm, ProposalForm, RaiseActionForm
from qa.dataset.models import Indicator
from qa.forms import ready_to_save
from qa.htmx import render
from qa.pdf import pdf_response
from qa.security import role_required, subgroup_only

READERS = ("admin", "agency_lead", "reviewer")
SUBGROUP = ("admin", "reviewer")


@bp.get("")
@role_required(*READERS)
def scorecard():
    if current_user.role == "reviewer":
        subgroup_only()
    page = highlight.scorecard_page(request.args, date.today(), current_user)
    return render("dataset/scorecard.html", "dataset/_scorecard.html", **page)


def _indicator_page(indicator, **forms):
    page = highlight.indicator_page(indicator, date.today())
    forms.setdefault("comment_form", CommentForm(formdata=None))
    forms.setdefault("proposal_form", ProposalForm(formdata=None))
    forms.setdefault("action_form", RaiseActionForm(formdata=None, agency=indicator.agency_id))
    return render("dataset/indicator.html", **page, **forms)


@bp.get("/indicators/<int:indicator_id>")
@role_required(*READERS)
def indicator(indicator_id):
    if current_user.role == "reviewer":
        subgroup_only()
    return _indicator_page(get_object_or_404(Indicator, Indicator.id == indicator_id))


@bp.post("/indicators/<int:indicator_id>/comments")
@role_required(*SUBGROUP)
def comment(indicator_id):
    subgroup_only()
    ind, form = get_object_or_404(Indicator, Indicator.id == indicator_id), CommentForm()
    if not ready_to_save(form):
        return _indicator_page(ind, comment_form=form)
    period = highlight.latest_period(ind, date.today())
    service.comment(current_user, ind, period, form.text.data)
    flash("Commentary added", "success")
    return redirect(url_for("dataset.indicator", indicator_id=ind.id) + "#commentary", 303)


@bp.post("/indicators/<int:indicator_id>/propose")
@role_required(*SUBGROUP)
def propose(indicator_id):
    subgroup_only()
    ind, form = get_object_or_404(Indicator, Indicator.id == indicator_id), ProposalForm()
    if not ready_to_save(form):
        return _indicator_page(ind, proposal_form=form)
    service.propose_topic(current_user, ind, form.reason.data)
    flash(f"{ind.name} proposed as a case-audit topic", "success")
    return redirect(url_for("dataset.indicator", indicator_id=ind.id) + "#next-steps", 303)


@bp.post("/indicators/<int:indicator_id>/action")
@role_required(*SUBGROUP)
def raise_action(indicator_id):
    subgroup_only()
    ind, form = get_object_or_404(Indicator, Indicator.id == indicator_id), RaiseActionForm()
    if not ready_to_save(form):
        return _indicator_page(ind, action_form=form)
    Cycle.asked("")  # no cycle yet: say so, as every page about a cycle does
    action = service.raise_action(current_user, ind, form.data)
    flash("Action added to the register", "success")
    return redirect(url_for("actions.show", action_id=action.id), 303)


@bp.get("/highlight.pdf")
@role_required(*SUBGROUP)
def highlight_pdf():
    subgroup_only()
    today = date.today()
    return pdf_response(highlight.pdf(today), f"Data set highlight report {today:%Y-%m-%d}.pdf")
