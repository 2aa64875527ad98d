"""Every read the case audit pages need: the programme, an audit's cases, a return, a case's
combined document. Each list in a fixed number of queries, whatever its length."""

from collections import defaultdict
from dataclasses import dataclass, field

from peewee import JOIN, fn

from qa.case_audits import rules
from qa.case_audits.models import (
    AgreedGrade,
    AuditAttendance,
    AuditTheme,
    Case,
    CaseAgency,
    CaseAudit,
    CaseReturn,
    CaseTheme,
    DomainGrade,
    NamedAuditor,
)
from qa.cycles.models import Cycle
from qa.partnership import queries as partnership
from qa.people.models import Agency, User


def localities() -> list[str]:
    return rules.localities_from(partnership.current().localities)


def agencies() -> list:
    return list(Agency.select().where(Agency.active).order_by(Agency.name))


def cycles() -> list:
    return list(Cycle.select().order_by(Cycle.starts.desc()))


def audits_for(user) -> list:
    """The audits the person takes part in, newest first, each with its counts of cases and
    children: all of them for the sub-group; else those with a case their agency is in (a lead's,
    or a named auditor's)."""
    query = (
        CaseAudit.select(
            CaseAudit,
            Cycle,
            fn.COUNT(Case.id).alias("case_count"),
            fn.COALESCE(fn.SUM(Case.children), 0).alias("child_count"),
        )
        .join(Cycle)
        .switch(CaseAudit)
        .join(Case, JOIN.LEFT_OUTER)
        .group_by(CaseAudit.id)
        .order_by(Cycle.starts.desc(), CaseAudit.topic)
    )
    if user.on_subgroup:
        return list(query)
    named = NamedAuditor.select(NamedAuditor.audit).where(NamedAuditor.user == user.id)
    involved = Case.select(Case.audit).join(CaseAgency).where(CaseAgency.agency == user.agency_id)
    if user.role == "agency_lead":
        return list(query.where(CaseAudit.id.in_(involved)))
    return list(query.where(CaseAudit.id.in_(named) & CaseAudit.id.in_(involved)))


@dataclass
class Row:
    """A case on its audit's page: its agencies, each with where its return stands."""

    case: object
    returns: list = field(default_factory=list)  # (CaseReturn, state)

    @property
    def submitted(self):
        return sum(ret.status == "submitted" for ret, _ in self.returns)


def cases_of(audit_, viewer) -> list[Row]:
    """The cases of the audit the viewer may see, each with every involved agency's return and
    its state (in three queries)."""
    cases = list(Case.select().where(Case.audit == audit_).order_by(Case.locality, Case.reference))
    answered = (
        DomainGrade.select(DomainGrade.return_)
        .where((DomainGrade.grade != "") | (DomainGrade.justification != ""))
        .distinct()
    )
    returns = (
        CaseReturn.select(
            CaseReturn,
            Agency,
            CaseReturn.id.in_(answered).alias("answered"),
        )
        .join(Agency)
        .where(CaseReturn.case.in_([case.id for case in cases]))
        .order_by(Agency.name)
    )
    by_case = defaultdict(list)
    for ret in returns:
        text = ret.worked_well or ret.worried_about or ret.needs_to_happen
        by_case[ret.case_id].append((ret, rules.return_state(ret.status, ret.answered or text)))
    rows = []
    for case in cases:
        agency_ids = {ret.agency_id for ret, _ in by_case[case.id]}
        if rules.may_see_case(viewer, agency_ids):
            rows.append(Row(case, by_case[case.id]))
    return rows


def grades_of(ret) -> list:
    return list(
        DomainGrade.select().where(DomainGrade.return_ == ret).order_by(DomainGrade.position)
    )


def answers_of(grades) -> list[rules.Answer]:
    return [rules.Answer(g.id, g.domain, g.grade, g.justification) for g in grades]


def summary_of(ret) -> dict:
    return {name: getattr(ret, name) for name in rules.SUMMARY}


def agency_ids_of(case) -> list[int]:
    return [row.agency_id for row in CaseAgency.select().where(CaseAgency.case == case)]


@dataclass
class Combined:
    """A case's combined document: per domain, each agency's grade and justification side by
    side; the agencies that have not returned yet named as gaps."""

    case: object
    agencies: list  # every involved agency's CaseReturn, by agency name
    domains: list  # (domain, {agency id: DomainGrade or None})
    gaps: list  # the agencies whose return is not submitted yet
    agreed: dict = field(default_factory=dict)  # the meeting's grade of each domain


def combined(case) -> Combined:
    """In two queries: the returns with their agencies, and every grade of them."""
    returns = list(
        CaseReturn.select(CaseReturn, Agency)
        .join(Agency)
        .where(CaseReturn.case == case)
        .order_by(Agency.name)
    )
    submitted = {ret.id for ret in returns if ret.status == "submitted"}
    grades = DomainGrade.select().where(DomainGrade.return_.in_(list(submitted)))
    cells = defaultdict(dict)
    by_return = {ret.id: ret for ret in returns}
    for grade in grades:
        cells[grade.domain][by_return[grade.return_id].agency_id] = grade
    domains = [(name, cells.get(name, {})) for name in case.audit.domain_list]
    gaps = [ret.agency for ret in returns if ret.id not in submitted]
    return Combined(case, returns, domains, gaps, agreed_of(case))


def auditors_of(audit_) -> list:
    """The people named as auditors in the audit, with their agencies."""
    return list(
        NamedAuditor.select(NamedAuditor, User, Agency)
        .join(User)
        .join(Agency)
        .where(NamedAuditor.audit == audit_)
        .order_by(Agency.name, User.name)
    )


def people_to_name(audit_) -> list:
    """Reviewers and leads with an agency who are not yet named in the audit."""
    named = NamedAuditor.select(NamedAuditor.user).where(NamedAuditor.audit == audit_)
    return list(
        User.select(User, Agency)
        .join(Agency)
        .where(User.active & User.role.in_(("reviewer", "agency_lead")) & User.id.not_in(named))
        .order_by(Agency.name, User.name)
    )


def audit_agencies(audit_) -> list:
    """Every agency with a case in the audit, by name."""
    involved = CaseAgency.select(CaseAgency.agency).join(Case).where(Case.audit == audit_)
    return list(Agency.select().where(Agency.id.in_(involved)).order_by(Agency.name))


def attended_ids(audit_) -> set[int]:
    rows = AuditAttendance.select().where(
        (AuditAttendance.audit == audit_) & AuditAttendance.attended
    )
    return {row.agency_id for row in rows}


def themes_of(audit_) -> list:
    """The audit's themes, each with how many cases show it (`cases`), strengths first."""
    return list(
        AuditTheme.select(AuditTheme, fn.COUNT(CaseTheme.id).alias("cases"))
        .join(CaseTheme, JOIN.LEFT_OUTER)
        .where(AuditTheme.audit == audit_)
        .group_by(AuditTheme.id)
        .order_by(AuditTheme.kind.desc(), AuditTheme.name)
    )


def agreed_of(case) -> dict:
    """The agreed grade of each domain of the case ({domain: grade})."""
    return {row.domain: row.grade for row in AgreedGrade.select().where(AgreedGrade.case == case)}


def theme_ids_of(case) -> list[int]:
    return [row.theme_id for row in CaseTheme.select().where(CaseTheme.case == case)]


def agreed_counts(audit_) -> dict:
    """How many domains are agreed for each case of the audit ({case id: count})."""
    rows = (
        AgreedGrade.select(AgreedGrade.case, fn.COUNT(AgreedGrade.id).alias("n"))
        .join(Case)
        .where(Case.audit == audit_)
        .group_by(AgreedGrade.case)
    )
    return {row.case_id: row.n for row in rows}
