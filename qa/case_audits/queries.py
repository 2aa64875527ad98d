"""Every read the case audit pages need: the programme, an audit's cases, a return, a case's
combined document. Each list in a fixed number of queries, whatever its length."""

from collections import defaultdict
from dataclasses import dataclass, field

from peewee import JOIN, fn

from qa.actions.models import Action
from qa.case_audits import rules
from qa.case_audits.models import (
    AgreedGrade,
    AuditAttendance,
    AuditRecommendation,
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
from qa.dataset.models import Locality
from qa.people.models import Agency, User


def localities() -> list[str]:
    """The partnership's localities: the one list, kept on the data set's Localities page."""
    return [place.name for place in Locality.select().order_by(Locality.position, Locality.name)]


def agencies() -> list:
    return list(Agency.select().where(Agency.active).order_by(Agency.name))


def cycles() -> list:
    return list(Cycle.select().order_by(Cycle.starts.desc()))


def audits_for(user) -> tuple[list, set]:
    """The table of audits every signed-in person sees (topic, status, counts of cases and
    children, newest first), and the ids of those the person may open: all for the sub-group;
    else those with a case their agency is in (a lead's, or a named auditor's)."""
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
    audits = list(query)
    if user.on_subgroup:
        return audits, {found.id for found in audits}
    involved = Case.select(Case.audit).join(CaseAgency).where(CaseAgency.agency == user.agency_id)
    opens = CaseAudit.select(CaseAudit.id).where(CaseAudit.id.in_(involved))
    if user.role != "agency_lead":
        named = NamedAuditor.select(NamedAuditor.audit).where(NamedAuditor.user == user.id)
        opens = opens.where(CaseAudit.id.in_(named))
    return audits, {row.id for row in opens}


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


@dataclass
class Report:
    """The figures of an audit's report to the board, and of its learning briefing."""

    audit: object
    cases: int
    children: int
    localities: list  # (locality, cases)
    agencies: int
    returns: int
    submitted: int
    agreed: dict  # rules.grade_counts of the meeting's grades
    by_domain: list  # (domain, rules.grade_counts of the meeting's grades in it)
    single: dict  # rules.grade_counts of the agencies' own grades (submitted returns)
    themes: list  # (theme, kind, cases)
    good_practice: list  # (case reference, words)
    recommendations: list
    attended: list  # agencies at the meeting


def report(audit_) -> Report:
    """Everything the report and the briefing say, in a fixed number of queries."""
    cases = list(Case.select().where(Case.audit == audit_).order_by(Case.reference))
    case_ids = [case.id for case in cases]
    by_place = defaultdict(int)
    for case in cases:
        by_place[case.locality or "No locality"] += 1
    returns = list(CaseReturn.select().where(CaseReturn.case.in_(case_ids)))
    submitted = [ret.id for ret in returns if ret.status == "submitted"]
    singles = DomainGrade.select(DomainGrade.grade).where(DomainGrade.return_.in_(submitted))
    agreed = list(
        AgreedGrade.select(AgreedGrade.domain, AgreedGrade.grade).where(
            AgreedGrade.case.in_(case_ids)
        )
    )
    by_domain = [
        (domain, rules.grade_counts(row.grade for row in agreed if row.domain == domain))
        for domain in audit_.domain_list
    ]
    tags = (
        CaseTheme.select(CaseTheme.case, AuditTheme.name, AuditTheme.kind)
        .join(AuditTheme)
        .where(AuditTheme.audit == audit_)
    )
    recommendations = (
        AuditRecommendation.select(AuditRecommendation, Agency, Action)
        .join(Agency, JOIN.LEFT_OUTER)
        .switch(AuditRecommendation)
        .join(Action, JOIN.LEFT_OUTER)
        .where(AuditRecommendation.audit == audit_)
        .order_by(AuditRecommendation.id)
    )
    attended = (
        Agency.select()
        .join(AuditAttendance)
        .where((AuditAttendance.audit == audit_) & AuditAttendance.attended)
        .order_by(Agency.name)
    )
    return Report(
        audit=audit_,
        cases=len(cases),
        children=sum(case.children for case in cases),
        localities=sorted(by_place.items()),
        agencies=len({ret.agency_id for ret in returns}),
        returns=len(returns),
        submitted=len(submitted),
        agreed=rules.grade_counts(row.grade for row in agreed),
        by_domain=by_domain,
        single=rules.grade_counts(row.grade for row in singles),
        themes=rules.theme_counts((t.theme.name, t.theme.kind, t.case_id) for t in tags),
        good_practice=[(c.reference, c.good_practice) for c in cases if c.good_practice],
        recommendations=list(recommendations),
        attended=[agency.name for agency in attended],
    )


def recurring_themes():
    """rules.recurrence of every audit's themes, by cycle (in one query)."""
    rows = (
        AuditTheme.select(
            AuditTheme.name,
            AuditTheme.kind,
            Cycle.name.alias("cycle_name"),
            fn.COUNT(CaseTheme.id).alias("cases"),
        )
        .join(CaseAudit)
        .join(Cycle)
        .switch(AuditTheme)
        .join(CaseTheme, JOIN.LEFT_OUTER)
        .group_by(AuditTheme.id)
        .objects()
    )
    return rules.recurrence((r.name, r.kind, r.cycle_name, r.cases) for r in rows)
