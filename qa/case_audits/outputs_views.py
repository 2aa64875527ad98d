"""What an audit produces: the report to the board and the practitioners' learning briefing (both
PDFs), and its recommendations, each an action on the register (one agency's, or partnership-wide
with a responsible officer)."""

from datetime import datetime

from flask import flash, redirect, url_for
from flask_login import current_user
from playhouse.flask_utils import get_object_or_404

from qa.actions import queries as action_queries
from qa.case_audits import bp, meeting, queries, rules
from qa.case_audits.forms import RecommendationForm
from qa.case_audits.models import CaseAudit
from qa.forms import ready_to_save
from qa.htmx import render
from qa.pdf import pdf_response, render_pdf
from qa.people.models import Agency
from qa.security import deny, role_required, subgroup_only


def outputs_page(found, form=None):
    if form is None:
        form = RecommendationForm(formdata=None)
    form.agency.choices = [("", "The whole partnership")] + [
        (a.id, a.name) for a in queries.agencies()
    ]
    form.responsible_officer.choices = [("", "Choose the responsible officer")] + [
        (u.id, u.name) for u in action_queries.officers()
    ]
    return {"found": found, "report": queries.report(found), "form": form, **labels()}


def labels():
    return {"grade_labels": rules.GRADES, "kinds": rules.THEME_KINDS}


@bp.get("/<int:audit_id>/outputs")
@role_required("admin", "reviewer")
def outputs(audit_id):
    subgroup_only()
    found = get_object_or_404(CaseAudit, CaseAudit.id == audit_id)
    return render("case_audits/outputs.html", **outputs_page(found))


@bp.post("/<int:audit_id>/recommendations")
@role_required("admin")
def recommend(audit_id):
    found = get_object_or_404(CaseAudit, CaseAudit.id == audit_id)
    form = outputs_page(found, RecommendationForm())["form"]
    if ready_to_save(form):
        agency = Agency.get_or_none(Agency.id == form.agency.data) if form.agency.data else None
        officer = form.responsible_officer.data
        data = (form.text.data, agency, officer, form.owner.data, form.due.data)
        meeting.recommend(found, *data, current_user)
        flash("Recommendation added", "success")
        return redirect(url_for(".outputs", audit_id=found.id, _anchor="recommendations"))
    return render("case_audits/outputs.html", **outputs_page(found, form))


@bp.get("/<int:audit_id>/report.pdf")
@role_required("admin", "reviewer")
def report_pdf(audit_id):
    subgroup_only()
    found = get_object_or_404(CaseAudit, CaseAudit.id == audit_id)
    context = {"report": queries.report(found), "now": datetime.now(), **labels()}
    data = render_pdf("pdf/case_audit_report.html", **context)
    return pdf_response(data, f"{found.topic} case audit report.pdf")


@bp.get("/<int:audit_id>/briefing.pdf")
@role_required()
def briefing_pdf(audit_id):
    """For practitioners: everyone signed in once the board has agreed it, the sub-group before."""
    found = get_object_or_404(CaseAudit, CaseAudit.id == audit_id)
    if not (current_user.on_subgroup or found.status in rules.AGREED):
        deny("CaseAudit", audit_id, found.topic)
    context = {"report": queries.report(found), "now": datetime.now(), **labels()}
    data = render_pdf("pdf/case_audit_briefing.html", **context)
    return pdf_response(data, f"{found.topic} learning briefing.pdf")
