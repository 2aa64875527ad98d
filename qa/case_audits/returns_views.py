"""One agency's audit of a case: its page (each domain's grade and the summary autosaved),
submit, and reopen by an admin."""

from flask import flash, redirect, url_for
from flask_login import current_user

from qa import lifecycle
from qa.case_audits import access, bp, queries, returns, rules
from qa.case_audits.forms import GradeForm, ReopenForm, SubmitForm, SummaryForm
from qa.forms import ready_to_save
from qa.htmx import render, wants_fragment
from qa.security import role_required


@bp.errorhandler(lifecycle.Locked)
def locked(_error):
    """A change to a submitted return, refused wherever it was noticed."""
    return access.locked_response()


def return_page(ret, **context):
    """What a return's page shows: each domain's form (or its answer), the summary, what stops
    it being submitted; `forms` holds a posted form to show in place of a domain's."""
    seen_as = access.viewer(current_user, ret.case.audit_id)
    grades = queries.grades_of(ret)
    forms = context.pop("forms", {})
    summary_form = context.pop("summary_form", None) or SummaryForm(formdata=None, obj=ret)
    return {
        "ret": ret,
        "case": ret.case,
        "grades": [
            (g, forms.get(g.id) or GradeForm(formdata=None, obj=g, prefix=f"d{g.id}"))
            for g in grades
        ],
        "summary_form": summary_form,
        "submit_form": SubmitForm(formdata=None, obj=ret),
        "reopen_form": ReopenForm(formdata=None, obj=ret) if current_user.is_admin else None,
        "found": rules.problems(queries.answers_of(grades), queries.summary_of(ret)),
        "editable": ret.editable and rules.may_complete(seen_as, ret.agency_id),
        "grade_labels": rules.GRADES,
        "summary_labels": rules.SUMMARY,
        **context,
    }


@bp.get("/returns/<int:return_id>")
@role_required()
def case_return(return_id):
    ret, _ = access.return_for(return_id)
    return render("case_audits/return.html", **return_page(ret))


@bp.post("/grades/<int:grade_id>")
@role_required("agency_lead", "reviewer")
def grade(grade_id):
    """A domain's grade and justification: autosaved through htmx, or posted whole."""
    grade = access.grade_to_complete(grade_id)
    form, conflict = GradeForm(obj=grade, prefix=f"d{grade.id}"), None
    if ready_to_save(form):
        grade, conflict = returns.save_grade(grade, form, current_user)
        if conflict is None and not wants_fragment():
            flash(f"{grade.domain} saved", "success")
            return redirect(url_for(".case_return", return_id=grade.return_id, _anchor="summary"))
    state = {"grade": grade, "form": form, "conflict": conflict, "oob": wants_fragment()}
    if wants_fragment():
        return render("case_audits/_grade_state.html", **state)
    page = return_page(
        grade.return_, forms={grade.id: form}, conflict=conflict, conflict_on=grade.id
    )
    return render("case_audits/return.html", **page)


@bp.post("/returns/<int:return_id>/summary")
@role_required("agency_lead", "reviewer")
def summary(return_id):
    """The three summary boxes: autosaved through htmx, or posted whole."""
    ret = access.return_to_complete(return_id)
    form, conflict = SummaryForm(obj=ret), None
    if ready_to_save(form):
        ret, conflict = returns.save_summary(ret, form, current_user)
        if conflict is None and not wants_fragment():
            flash("Summary saved", "success")
            return redirect(url_for(".case_return", return_id=ret.id, _anchor="submit"))
    state = {"ret": ret, "form": form, "conflict": conflict, "oob": wants_fragment()}
    if wants_fragment():
        return render("case_audits/_summary_state.html", **state)
    page = return_page(ret, summary_form=form, summary_conflict=conflict)
    return render("case_audits/return.html", **page)


@bp.post("/returns/<int:return_id>/submit")
@role_required("agency_lead", "reviewer")
def submit(return_id):
    ret = access.return_to_complete(return_id)
    form, page = SubmitForm(), return_page(ret)
    if ready_to_save(form) and returns.submit(ret, form, current_user, page["found"]):
        flash(f"Your audit of case {ret.case.reference} is submitted", "success")
        return redirect(url_for(".case_return", return_id=ret.id))
    return render("case_audits/return.html", **{**page, "submit_form": form, "tried": True})


@bp.post("/returns/<int:return_id>/reopen")
@role_required("admin")
def reopen(return_id):
    ret, _ = access.return_for(return_id)
    form = ReopenForm()
    if ready_to_save(form) and returns.reopen(ret, form, current_user):
        flash(f"{ret.agency.name}'s audit of case {ret.case.reference} is reopened", "success")
        return redirect(url_for(".case_return", return_id=ret.id))
    return render("case_audits/return.html", **{**return_page(ret), "reopen_form": form})
