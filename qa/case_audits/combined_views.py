"""A case's combined document: every agency's audit of the case side by side, the gaps (agencies
not yet returned) in view; on screen and as a PDF."""

from datetime import datetime

from flask_login import current_user

from qa.case_audits import access, bp, queries, rules
from qa.htmx import render
from qa.pdf import pdf_response, render_pdf
from qa.security import deny, role_required


def combined_for(case_id):
    """The combined document of a case the person may see: the sub-group always, an involved
    agency once the auditors have met (else refused and recorded); the view is recorded."""
    case, seen_as = access.case_for(case_id, record=False)
    if not (seen_as.on_subgroup or case.audit.met):
        deny("Case", case_id, case.audit.topic)
    access.record_view(case, "the combined document of")
    return {
        "doc": queries.combined(case),
        "case": case,
        "grade_labels": rules.GRADES,
        "summary_labels": rules.SUMMARY,
        "viewer": current_user,
    }


@bp.get("/cases/<int:case_id>/combined")
@role_required()
def combined(case_id):
    return render("case_audits/combined.html", **combined_for(case_id))


@bp.get("/cases/<int:case_id>/combined.pdf")
@role_required()
def combined_pdf(case_id):
    context = combined_for(case_id)
    data = render_pdf("pdf/case_audit_combined.html", now=datetime.now(), **context)
    return pdf_response(data, f"Case {context['case'].reference} combined audit.pdf")
