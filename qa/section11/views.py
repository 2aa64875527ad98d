"""An agency's Section 11 return.

Start it, rate each standard (autosaved), check the answers, submit, download.
"""

from datetime import datetime

from flask import abort, flash, redirect, request, url_for
from flask_login import current_user

from qa.builds import service as builds
from qa.cycles.models import Cycle
from qa.forms import ready_to_save
from qa.htmx import render, wants_fragment
from qa.pdf import render_pdf
from qa.section11 import access, bp, hooks, queries, returns, rules
from qa.section11.forms import ActionForm, RatingForm, ReopenForm, SubmitForm
from qa.security import role_required

# What the rating page says a rating may hold.
LIMITS = {
    "evidence": rules.EVIDENCE_LIMIT,
    "actions": rules.ACTIONS_LIMIT,
    "action": rules.ACTION_LIMIT,
}


@bp.errorhandler(returns.ReturnLocked)
def locked(error):
    """A change to a submitted (or otherwise locked) return, refused wherever it was noticed (the
    route or the write transaction)."""
    return access.locked_response(error.args[0] if error.args else None)


@bp.get("/return")
@role_required("agency_lead")
def your_return():
    """This cycle's return for the lead's agency, or the page that starts it."""
    cycle, agency = Cycle.current(), current_user.agency
    ret = queries.return_of(agency, cycle) if agency else None
    if ret:
        return redirect(url_for(".show", return_id=ret.id))
    previous = queries.previous_return(agency, cycle) if agency and cycle else None
    framework = queries.framework_for(agency) if agency else None
    return render(
        "section11/start.html", cycle=cycle, agency=agency, previous=previous, framework=framework
    )


@bp.post("/return/start")
@role_required("agency_lead")
def start():
    cycle, agency = Cycle.current(), current_user.agency
    if cycle is None or agency is None:
        abort(404)
    ret = returns.start(agency, cycle, current_user, carry=request.form.get("carry") == "yes")
    return redirect(url_for(".show", return_id=ret.id))


@bp.get("/returns/<int:return_id>")
@role_required()
def show(return_id):
    ret = access.return_for(return_id)
    reopen_form = ReopenForm(formdata=None) if current_user.is_admin else None
    lead = current_user.role == "agency_lead"
    return render("section11/return.html", **return_page(ret, lead=lead, reopen_form=reopen_form))


def return_page(ret, **context):
    """What a return's page shows: its standards in order, each with its status, and its state."""
    rows = queries.rows(ret)
    state, notes = queries.state_of(ret, rows), hooks.notes(ret)
    return {"ret": ret, "rows": rows, "state": state, "notes": notes, **context}


@bp.route("/ratings/<int:rating_id>", methods=["GET", "POST"])
@role_required("agency_lead")
def rating(rating_id):
    """The rating page; its form autosaves here through htmx (answered with the saved-state
    fragment) or posts whole."""
    rating = access.rating_for(rating_id)
    form, conflict = RatingForm(obj=rating), None
    if form.is_submitted():
        access.ensure_editable(rating.return_)
    if ready_to_save(form):
        rating, conflict = returns.save_rating_form(rating, form, current_user)
        if conflict is None and not wants_fragment():
            flash(f"{rating.standard.title} saved", "success")
            return redirect(_after_saving(rating, form))
    return render(
        "section11/rating.html",
        "section11/_save_state.html",
        **rating_page(rating, form=form, conflict=conflict, oob=wants_fragment()),
    )


def _after_saving(rating, form):
    """Back to the rating after "Keep my version", else on to the return's task list."""
    if form.resolve.data:
        return url_for(".rating", rating_id=rating.id)
    return url_for(".show", return_id=rating.return_id)


def rating_page(rating, **context):
    """Everything the rating page shows: the form, guidance, last year's rating, documents and
    action plan."""
    if "form" not in context:
        context["form"] = RatingForm(formdata=None, obj=rating)
    if "action_form" not in context:
        context["action_form"] = ActionForm(formdata=None)
    return {
        "rating": rating,
        "ret": rating.return_,
        "standard": rating.standard,
        "editable": rating.return_.editable and current_user.role == "agency_lead",
        "previous": queries.previous_rating(rating),
        "documents": queries.documents_for([rating.id]).get(rating.id, []),
        "actions": queries.actions_for(rating),
        "limits": LIMITS,
        **context,
    }


@bp.get("/returns/<int:return_id>/check")
@role_required("agency_lead")
def check(return_id):
    ret = access.return_for(return_id)
    return render("section11/check.html", **check_page(ret, SubmitForm(obj=ret)))


@bp.post("/returns/<int:return_id>/submit")
@role_required("agency_lead")
def submit(return_id):
    ret = access.return_for(return_id)
    access.ensure_editable(ret)
    form = SubmitForm()
    page = check_page(ret, form)
    if ready_to_save(form) and returns.submit_checked(ret, form, current_user, page["found"]):
        # the return page then shows the confirmation panel
        return redirect(url_for(".show", return_id=ret.id))
    return render("section11/check.html", **page)


def check_page(ret, form):
    """What the check-your-answers page (and the return's PDF) shows: every answer with its
    documents and actions, and what stops it being submitted."""
    rows = queries.rows(ret)
    ids = [row.rating.id for row in rows]
    found = rules.problems_on_fields(row.answer for row in rows)
    return {
        "ret": ret,
        "rows": rows,
        "form": form,
        "found": found,
        "actions": queries.actions_by_rating(ids),
        "documents": queries.documents_for(ids),
    }


@bp.get("/returns/<int:return_id>/pdf")
@role_required()
def pdf(return_id):
    """Made in the background (a return with hundreds of actions takes many seconds): this
    starts or joins the person's build and shows its page."""
    ret = access.return_for(return_id)
    build = builds.start(
        current_user,
        "section11_return",
        ret.id,
        f"{ret.agency.name} Section 11 return {ret.cycle.name}.pdf",
        lambda: render_pdf(
            "pdf/section11_return.html", now=datetime.now(), **check_page(ret, None)
        ),
    )
    return redirect(url_for("builds.show", pdf_id=build.id), 303)
