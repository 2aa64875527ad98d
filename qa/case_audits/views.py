"""The audit programme and its cases: the list of audits, an audit's page, adding and changing
audits (admin) and cases (admin), and a case's page."""

from flask import flash, redirect, request, url_for
from flask_login import current_user
from playhouse.flask_utils import get_object_or_404

from qa import editing
from qa.case_audits import access, bp, queries, rules, service
from qa.case_audits.forms import AUDIT_LABELS, CASE_LABELS, AuditForm, AuditorForm, CaseForm
from qa.case_audits.models import CaseAudit, NamedAuditor
from qa.forms import ready_to_save, values
from qa.htmx import render
from qa.people.models import User
from qa.security import role_required


@bp.get("")
@role_required()
def index():
    audits, opens = queries.audits_for(current_user)
    themes = queries.recurring_themes() if current_user.on_subgroup else None
    context = {"audits": audits, "opens": opens, "themes": themes, "kinds": rules.THEME_KINDS}
    return render("case_audits/index.html", agreed_statuses=rules.AGREED, **context)


# What another page may propose for a new audit (the data set's indicator, a review theme's
# decision): GET /case-audits/new?topic=...&reason=...&reason_source=...
PROPOSED = ("topic", "reason", "reason_source")


def audit_form(obj=None):
    proposed = {name: request.args[name] for name in PROPOSED if name in request.args}
    data = None if obj or request.method == "POST" else {"version": "1", **proposed}
    form = AuditForm(obj=obj, data=data)
    form.cycle.choices = [(c.id, c.name) for c in queries.cycles()]
    if obj is None and request.method == "GET":
        form.domains.data = CaseAudit.domains.default
    return form


@bp.route("/new", methods=["GET", "POST"])
@role_required("admin")
def new():
    form = audit_form()
    if ready_to_save(form):
        found = editing.create(CaseAudit, values(form, AUDIT_LABELS))
        flash(f"The {found.topic} case audit is in the programme", "success")
        return redirect(url_for(".show", audit_id=found.id))
    return render("case_audits/audit_form.html", form=form, found=None, conflict=None)


@bp.route("/<int:audit_id>/edit", methods=["GET", "POST"])
@role_required("admin")
def edit(audit_id):
    found = get_object_or_404(CaseAudit, CaseAudit.id == audit_id)
    return editing.edit_page(
        found,
        audit_form(found),
        AUDIT_LABELS,
        "case_audits/audit_form.html",
        done=url_for(".show", audit_id=found.id),
        saved="The {obj.topic} case audit saved",
        found=found,
    )


@bp.get("/<int:audit_id>")
@role_required()
def show(audit_id):
    found, seen_as = access.audit_for(audit_id)
    return render("case_audits/audit.html", **audit_page(found, seen_as))


def audit_page(found, seen_as, auditor_form=None):
    """An audit's page: its details, the cases the viewer may see, and (for an admin) its named
    auditors with the form naming another."""
    context = {"found": found, "rows": queries.cases_of(found, seen_as), "seen_as": seen_as}
    if current_user.is_admin:
        form = auditor_form or AuditorForm(formdata=None, data={"version": "1"})
        form.user.choices = [("", "Choose a person")] + [
            (p.id, f"{p.name}, {p.agency.name}") for p in queries.people_to_name(found)
        ]
        context |= {"auditors": queries.auditors_of(found), "auditor_form": form}
    return context


@bp.post("/<int:audit_id>/auditors")
@role_required("admin")
def add_auditor(audit_id):
    found, seen_as = access.audit_for(audit_id)
    form = audit_page(found, seen_as, AuditorForm())["auditor_form"]
    if ready_to_save(form):
        person = get_object_or_404(User, User.id == form.user.data)
        service.name_auditor(found, person, current_user)
        flash(f"{person.name} is named as an auditor", "success")
        return redirect(url_for(".show", audit_id=found.id, _anchor="auditors"))
    return render("case_audits/audit.html", **audit_page(found, seen_as, form))


@bp.post("/auditors/<int:auditor_id>/remove")
@role_required("admin")
def remove_auditor(auditor_id):
    named = get_object_or_404(NamedAuditor, NamedAuditor.id == auditor_id)
    service.remove_auditor(named, current_user)
    flash(f"{named.user.name} is no longer named as an auditor", "success")
    return redirect(url_for(".show", audit_id=named.audit_id, _anchor="auditors"))


def case_form(obj=None):
    form = CaseForm(obj=obj, data=None if obj or request.method == "POST" else {"version": "1"})
    places = queries.localities()
    if obj is not None and obj.locality and obj.locality not in places:
        places.append(obj.locality)  # a locality since taken off the list stays choosable
    form.locality.choices = [("", "Choose a locality")] + [(p, p) for p in places]
    form.locality.required = bool(places)
    form.agencies.choices = [(a.id, a.name) for a in queries.agencies()]
    if obj is not None and request.method == "GET":
        form.agencies.data = queries.agency_ids_of(obj)
    return form


@bp.route("/<int:audit_id>/cases/new", methods=["GET", "POST"])
@role_required("admin")
def new_case(audit_id):
    found = get_object_or_404(CaseAudit, CaseAudit.id == audit_id)
    form = case_form()
    if ready_to_save(form) and not service.reference_taken(found, form):
        data = values(form, CASE_LABELS)
        case = service.add_case(found, data, form.agencies.data, current_user)
        flash(f"Case {case.reference} added", "success")
        return redirect(url_for(".show", audit_id=found.id))
    return render("case_audits/case_form.html", form=form, found=found, case=None, conflict=None)


@bp.route("/cases/<int:case_id>/edit", methods=["GET", "POST"])
@role_required("admin")
def edit_case(case_id):
    case, _ = access.case_for(case_id, record=request.method == "GET")
    form = case_form(case)
    conflict = service.save_case(case, form, current_user) if ready_to_save(form) else None
    if form.is_submitted() and not form.errors and conflict is None:
        flash(f"Case {case.reference} saved", "success")
        return redirect(url_for(".show", audit_id=case.audit_id))
    context = {"form": form, "found": case.audit, "case": case, "conflict": conflict}
    return render("case_audits/case_form.html", **context)


@bp.get("/cases/<int:case_id>")
@role_required()
def case(case_id):
    case, seen_as = access.case_for(case_id)
    rows = [row for row in queries.cases_of(case.audit, seen_as) if row.case.id == case.id]
    return render("case_audits/case.html", case=case, row=rows[0], seen_as=seen_as)
