"""Who may see which case audit, case and return; every view of a case or a return recorded.

The QA sub-group sees everything. An agency lead, or someone named as an auditor for their
agency, sees only the cases their agency is involved in and their own agency's returns (the
others' once the auditors have met). Anyone else is refused as if the record did not exist, and
the refusal is recorded (qa.security.deny).
"""

from flask_login import current_user
from playhouse.flask_utils import get_object_or_404

from qa import audit, lifecycle
from qa.case_audits import rules
from qa.case_audits.models import Case, CaseAgency, CaseAudit, CaseReturn, DomainGrade, NamedAuditor
from qa.people.models import Agency
from qa.security import deny

LOCKED_ADVICE = (
    "It cannot be changed now. If something needs correcting, ask the partnership's QA officer to "
    "reopen it."
)


def viewer(user, audit_id) -> rules.Viewer:
    """The person as the rules see them in this audit: their agency counts when they lead it or
    are named as one of the audit's auditors."""
    auditing = user.role == "agency_lead" or (
        NamedAuditor.select()
        .where((NamedAuditor.audit == audit_id) & (NamedAuditor.user == user.id))
        .exists()
    )
    return rules.Viewer(user.on_subgroup, user.agency_id if auditing else None)


def audit_for(audit_id):
    """An audit the person takes part in: the sub-group, or someone auditing for an agency."""
    found = get_object_or_404(CaseAudit, CaseAudit.id == audit_id)
    seen_as = viewer(current_user, found.id)
    if not (seen_as.on_subgroup or seen_as.agency_id):
        deny("CaseAudit", audit_id, found.topic)
    return found, seen_as


def agencies_of(case_id) -> set[int]:
    return {row.agency_id for row in CaseAgency.select().where(CaseAgency.case == case_id)}


def case_for(case_id, record=True):
    """A case the person may see (else refused and recorded); the view is on the audit trail."""
    case = get_object_or_404(Case.select(Case, CaseAudit).join(CaseAudit), Case.id == case_id)
    seen_as = viewer(current_user, case.audit_id)
    if not rules.may_see_case(seen_as, agencies_of(case.id)):
        deny("Case", case_id, case.audit.topic)
    if record:
        record_view(case)
    return case, seen_as


def record_view(case, what=""):
    """Every view of a case is on the audit trail: who, when, and what of it they saw."""
    summary = f"Viewed {what + ' ' if what else ''}case {case.reference} ({case.audit})"
    audit.record(current_user, "viewed", case, summary)


def return_for(return_id):
    """A return the person may see (else refused and recorded); the view is recorded."""
    query = (
        CaseReturn.select(CaseReturn, Case, CaseAudit, Agency)
        .join(Case)
        .join(CaseAudit)
        .switch(CaseReturn)
        .join(Agency)
    )
    ret = get_object_or_404(query, CaseReturn.id == return_id)
    case = ret.case
    seen_as = viewer(current_user, case.audit_id)
    if not rules.may_see_return(seen_as, ret.agency_id, agencies_of(case.id), case.audit.status):
        deny("CaseReturn", return_id, ret.agency.name)
    audit.record(
        current_user, "viewed", ret, f"Viewed {ret.agency.name}'s audit of case {case.reference}"
    )
    return ret, seen_as


def return_to_complete(return_id):
    """A return the person completes for their own agency, still open to change (else the
    locked answer, lifecycle.Locked)."""
    ret = get_object_or_404(
        CaseReturn.select(CaseReturn, Case, Agency).join(Case).switch(CaseReturn).join(Agency),
        CaseReturn.id == return_id,
    )
    if not rules.may_complete(viewer(current_user, ret.case.audit_id), ret.agency_id):
        deny("CaseReturn", return_id, ret.agency.name)
    if not ret.editable:
        raise lifecycle.Locked()
    return ret


def grade_to_complete(grade_id):
    grade = get_object_or_404(DomainGrade, DomainGrade.id == grade_id)
    ret = return_to_complete(grade.return_id)
    grade.return_ = ret
    return grade


def locked_response():
    return lifecycle.locked_response(LOCKED_ADVICE)
