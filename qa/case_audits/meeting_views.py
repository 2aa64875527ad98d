"""The auditors' meeting (admin): attendance by agency, themes, and per case the agreed grades,
good practice and themes."""

from flask import flash, redirect, url_for
from flask_login import current_user
from playhouse.flask_utils import get_object_or_404

from qa.case_audits import access, bp, meeting, queries, rules
from qa.case_audits.forms import AttendanceForm, ThemeForm, agree_form
from qa.case_audits.models import CaseAudit
from qa.db import VersionConflict
from qa.editing import conflict_for
from qa.forms import ready_to_save
from qa.htmx import render
from qa.security import role_required


def meeting_page(found, theme_form=None):
    agencies = queries.audit_agencies(found)
    attendance = AttendanceForm(formdata=None, data={"agencies": queries.attended_ids(found)})
    attendance.agencies.choices = [(a.id, a.name) for a in agencies]
    rows = queries.cases_of(found, rules.Viewer(True, None))
    return {
        "found": found,
        "attendance": attendance,
        "themes": queries.themes_of(found),
        "theme_form": theme_form or ThemeForm(formdata=None),
        "rows": rows,
        "agreed": queries.agreed_counts(found),
        "kinds": rules.THEME_KINDS,
    }


@bp.get("/<int:audit_id>/meeting")
@role_required("admin")
def auditors_meeting(audit_id):
    found = get_object_or_404(CaseAudit, CaseAudit.id == audit_id)
    return render("case_audits/meeting.html", **meeting_page(found))


@bp.post("/<int:audit_id>/attendance")
@role_required("admin")
def attendance(audit_id):
    found = get_object_or_404(CaseAudit, CaseAudit.id == audit_id)
    agencies = [a.id for a in queries.audit_agencies(found)]
    attended = set(AttendanceForm().agencies.data or []) & set(agencies)
    meeting.save_attendance(found, attended, agencies, current_user)
    flash("Attendance saved", "success")
    return redirect(url_for(".auditors_meeting", audit_id=found.id, _anchor="attendance"))


@bp.post("/<int:audit_id>/themes")
@role_required("admin")
def add_theme(audit_id):
    found = get_object_or_404(CaseAudit, CaseAudit.id == audit_id)
    form = ThemeForm()
    if ready_to_save(form):
        try:
            meeting.add_theme(found, form.name.data, form.kind.data, current_user)
            flash(f"Theme ‘{form.name.data}’ added", "success")
            return redirect(url_for(".auditors_meeting", audit_id=found.id, _anchor="themes"))
        except meeting.ThemeTaken:
            form.name.errors = ["This audit already has a theme with this name"]
    return render("case_audits/meeting.html", **meeting_page(found, form))


def agree_page(case, form=None, conflict=None):
    """The meeting's view of a case: each domain's agreed grade beside each agency's own."""
    domains, themes = case.audit.domain_list, queries.themes_of(case.audit)
    agreed = queries.agreed_of(case)
    if form is None:
        data = {"version": str(case.version), "good_practice": case.good_practice}
        data |= {"meeting_notes": case.meeting_notes, "themes": queries.theme_ids_of(case)}
        data |= {f"grade_{n}": agreed.get(name, "") for n, name in enumerate(domains)}
        form = agree_form(domains, themes, data)
    doc = queries.combined(case)
    return {
        "case": case,
        "form": form,
        "conflict": conflict,
        "doc": doc,
        "agreed": agreed,
        "rows": [(n, name, cells) for n, (name, cells) in enumerate(doc.domains)],
        "grade_labels": rules.GRADES,
        "kinds": rules.THEME_KINDS,
        "themes": themes,
    }


@bp.route("/cases/<int:case_id>/agree", methods=["GET", "POST"])
@role_required("admin")
def agree(case_id):
    case, _ = access.case_for(case_id)
    page = agree_page(case)
    form, conflict = page["form"], None
    if ready_to_save(form):
        conflict = save_agreement(case, form)
        if conflict is None:
            flash(f"The meeting's view of case {case.reference} saved", "success")
            return redirect(url_for(".auditors_meeting", audit_id=case.audit_id, _anchor="cases"))
    return render("case_audits/agree.html", **agree_page(case, form, conflict))


def save_agreement(case, form):
    """Save the agreement form: None when saved, else the Conflict to show."""
    domains = case.audit.domain_list
    grades = {name: getattr(form, f"grade_{n}").data or "" for n, name in enumerate(domains)}
    data = {"good_practice": form.good_practice.data, "meeting_notes": form.meeting_notes.data}
    try:
        meeting.agree_case(case, form.version.data, grades, data, form.themes.data, current_user)
    except VersionConflict as error:
        labels = {"good_practice": "Good practice", "meeting_notes": "Notes"}
        return conflict_for(form, error.current, labels)
    return None
