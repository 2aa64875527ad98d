"""How a scrutiny theme cites a case audit's theme as evidence: a strength or concern the
auditors agreed, in how many of the audit's cases, with the audit's agreed grades."""

from flask import url_for
from peewee import JOIN, fn

from qa.case_audits.models import AgreedGrade, AuditTheme, Case, CaseAudit, CaseTheme
from qa.case_audits.rules import GRADES
from qa.cycles.models import Cycle

KINDS = {"strength": "A strength", "concern": "A concern"}


def _themes():
    return AuditTheme.select(AuditTheme, CaseAudit, Cycle).join(CaseAudit).join(Cycle)


def _title(theme):
    return f"{theme.audit.topic} audit ({theme.audit.cycle.name}): {theme.name}"


def choices(cycle):
    """[(audit theme id, title)] of the case audits of this cycle and those before it, newest
    cycle first."""
    found = (
        _themes()
        .where(Cycle.starts <= cycle.starts)
        .order_by(Cycle.starts.desc(), CaseAudit.topic, AuditTheme.name)
    )
    return [(t.id, _title(t)) for t in found]


def describe(ids, cycle):
    """{audit theme id: (title, what it says, url)}: three queries however many themes."""
    themes = list(_themes().where(AuditTheme.id.in_(list(ids))))
    audits = {t.audit_id for t in themes}
    tagged = dict(
        CaseTheme.select(CaseTheme.theme, fn.COUNT(CaseTheme.id))
        .where(CaseTheme.theme.in_([t.id for t in themes]))
        .group_by(CaseTheme.theme)
        .tuples()
    )
    cases, grades = {}, {}
    for audit_id, case_id, grade in (
        Case.select(Case.audit, Case.id, AgreedGrade.grade)
        .join(AgreedGrade, JOIN.LEFT_OUTER)
        .where(Case.audit.in_(list(audits)))
        .tuples()
    ):
        cases.setdefault(audit_id, set()).add(case_id)
        if grade in GRADES:
            grades.setdefault(audit_id, {}).setdefault(grade, 0)
            grades[audit_id][grade] += 1
    return {
        t.id: (
            _title(t),
            says(t, tagged.get(t.id, 0), len(cases.get(t.audit_id, ())), grades.get(t.audit_id)),
            url_for("case_audits.show", audit_id=t.audit_id),
        )
        for t in themes
    }


def says(theme, tagged, cases, grades):
    """'A concern in 4 of 6 cases. Agreed grades across the audit: 3 Good, 5 Requires
    improvement.'"""
    words = f"{KINDS.get(theme.kind, 'A theme')} in {tagged} of {cases} cases."
    if grades:
        shown = ", ".join(f"{grades[key]} {name}" for key, name in GRADES.items() if key in grades)
        words += f" Agreed grades across the audit: {shown}."
    return words
