"""An agency's Section 11 return.

Start it, rate each standard (autosaved), check the answers, submit, download.
"""

from datetime import datetime

from flask import abort, flash, redirect, request, url_for
from flask_login import current_user

from qa.cycles.models import Cycle
from qa.db import VersionConflict
from qa.forms import ready_to_save
from qa.htmx import render, wants_fragment
from qa.pdf import pdf_response, render_pdf
from qa.section11 import access, bp, queries, returns, rules
from qa.section11.forms import ActionForm, RatingForm, ReopenForm, SubmitForm
from qa.security import role_required


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
    rows = queries.rows(ret)
    reopen_form = ReopenForm(formdata=None) if current_user.is_admin else None
    return render(
        "section11/return.html",
        ret=ret,
        rows=rows,
        state=queries.state_of(ret, rows),
        lead=current_user.role == "agency_lead",
        reopen_form=reopen_form,
    )


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
        try:
            rating = returns.save_rating(
                rating,
                form.base_version,
                form.rag.data or "",
                form.evidence.data or "",
                current_user,
            )
            if not wants_fragment():
                flash(f"{rating.standard.title} saved", "success")
                return redirect(
                    url_for(".rating", rating_id=rating.id)
                    if form.resolve.data
                    else url_for(".show", return_id=rating.return_id)
                )
        except VersionConflict as error:
            conflict = conflict_rows(form, error.current)
        except returns.ReturnLocked:
            abort(access.locked_response())
    return render(
        "section11/rating.html",
        "section11/_save_state.html",
        **rating_page(rating, form=form, conflict=conflict, oob=wants_fragment()),
    )


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
        **context,
    }


def conflict_rows(form, current):
    """Their saved words against yours, for the fields that differ, plus the version that 'keep
    mine' overwrites."""
    shown = {"": "(not rated)", None: "(not rated)", **rules.RAG}
    pairs = [
        ("Rating", shown.get(form.rag.data, form.rag.data), shown[current.rag]),
        ("Evidence", form.evidence.data or "(blank)", current.evidence or "(blank)"),
    ]
    rows = [
        {"label": label, "mine": mine, "theirs": theirs}
        for label, mine, theirs in pairs
        if mine != theirs
    ]
    return {
        "rows": rows,
        "version": current.version,
        "by": current.updated_by,
        "at": current.updated_at,
    }


@bp.get("/returns/<int:return_id>/check")
@role_required("agency_lead")
def check(return_id):
    ret = access.return_for(return_id)
    return render("section11/check.html", **_check_page(ret, SubmitForm(obj=ret)))


@bp.post("/returns/<int:return_id>/submit")
@role_required("agency_lead")
def submit(return_id):
    ret = access.return_for(return_id)
    access.ensure_editable(ret)
    form = SubmitForm()
    page = _check_page(ret, form)
    if ready_to_save(form):
        try:
            # the return page then shows the confirmation panel
            returns.submit(ret, form.version.data, current_user, page["found"])
            return redirect(url_for(".show", return_id=ret.id))
        except VersionConflict as error:
            page["found"].append(
                (
                    None,
                    "The return changed while you were checking it. Check the answers again, "
                    "then submit.",
                )
            )
            form.version.data = str(error.current.version)
        except (returns.NotReady, returns.ReturnLocked):
            pass
    return render("section11/check.html", **page)


def _check_page(ret, form):
    rows = queries.rows(ret)
    ids = [row.rating.id for row in rows]
    found = rules.problems(row.answer for row in rows)
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
    ret = access.return_for(return_id)
    context = _check_page(ret, None)
    data = render_pdf("pdf/section11_return.html", now=datetime.now(), **context)
    return pdf_response(data, f"{ret.agency.name} Section 11 return {ret.cycle.name}.pdf")
