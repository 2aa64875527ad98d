"""The case audits' section of the board's annual report: each audit of the cycle, its status,
cases and children, its most common themes and its agreed summary."""

from qa.case_audits import queries, rules
from qa.case_audits.models import CaseAudit
from qa.cycles.models import Cycle


def gather(cycle, today):
    """The figures of the section (see qa.capability.ReportSection)."""
    audits = CaseAudit.select(CaseAudit, Cycle).join(Cycle).where(CaseAudit.cycle == cycle)
    found = []
    for audit_ in audits.order_by(CaseAudit.topic):
        report = queries.report(audit_)
        found.append(
            {
                "topic": audit_.topic,
                "status": audit_.status_label,
                "cases": report.cases,
                "children": report.children,
                "themes": report.themes[:3],
                "summary": audit_.summary if audit_.status in rules.AGREED else "",
                "recommendations": len(report.recommendations),
            }
        )
    return {"audits": found, "kinds": rules.THEME_KINDS}
