"""The demo's case audits: domestic abuse (2024-25) and neglect (2025-26), both completed with
their themes, agreed grades and actions, and exploitation (this cycle) under way, with some
agencies not yet returned. Loading twice adds nothing."""

from datetime import date, datetime, timedelta

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
)
from qa.cycles.models import Cycle
from qa.dataset.demo import LOCALITIES  # one list of places for the whole demo
from qa.dataset.models import Locality
from qa.people.models import Agency

POLICE, HOSPITALS = "Northbrook Constabulary", "Northbrook Hospitals NHS Foundation Trust"
SOCIAL_CARE, COMMUNITY = (
    "Northbrook Council Children's Services",
    "Northbrook Community Health NHS Trust",
)
SCHOOLS, YJS = "Northbrook College", "Northbrook Youth Justice Service"
GRADES = list(rules.GRADES)

# topic, cycle, status, reason, source, agencies, themes (name, kind, cases 0-based), summary
AUDITS = [
    (
        "Children living with domestic abuse",
        "2024-25",
        "published",
        "Domestic abuse was present in most rapid reviews in 2023-24, and police notifications to "
        "schools (Operation Encompass) were often late.",
        "learning review",
        (POLICE, SOCIAL_CARE, HOSPITALS, SCHOOLS),
        [
            ("Operation Encompass notifications reached schools the next morning", "strength", 4),
            ("The child's own account not recorded", "concern", 3),
            ("Perpetrators not engaged in planning", "concern", 4),
        ],
        "Agencies responded quickly to incidents, but children's own words were rarely recorded "
        "and plans seldom involved the parent causing harm.",
    ),
    (
        "Neglect",
        "2025-26",
        "agreed",
        "The data set showed child protection plans for neglect rising for three quarters, twice "
        "the rate of statistical neighbours.",
        "data set",
        (SOCIAL_CARE, COMMUNITY, SCHOOLS, HOSPITALS),
        [
            ("Health visitors saw the baby alone", "strength", 2),
            ("Drift after the plan ended", "concern", 4),
            ("Fathers and male carers not seen", "concern", 3),
        ],
        "Neglect was recognised, but help stopped too soon once plans ended; fathers were seldom "
        "part of the assessment.",
    ),
    (
        "Adolescents at risk of exploitation",
        "2026-27",
        "gathering",
        "A board priority for 2026-27, after two missing-from-home episodes ended in exploitation.",
        "board priority",
        (POLICE, SOCIAL_CARE, YJS, SCHOOLS),
        [],
        "",
    ),
]
CASES = 6  # per audit: two per locality
WORDS = {
    "outstanding": "Exemplary: the records show the child at the centre of every decision.",
    "good": "Timely and well recorded; the child's circumstances were understood.",
    "requires_improvement": "Some delay, and the reasons for decisions were not always written.",
    "inadequate": "No record of the risk being assessed or shared with partners.",
}


def _cycle(name):
    year = int(name[:4])
    found, _ = Cycle.get_or_create(
        name=name, defaults={"starts": date(year, 4, 1), "ends": date(year + 1, 3, 31)}
    )
    return found


def _grade(audit_n, case_n, agency_n, domain_n):
    """A spread of grades that differs by audit, case, agency and domain, mostly Good."""
    score = (audit_n * 3 + case_n * 2 + agency_n + domain_n * 5) % 9
    return GRADES[0 if score == 0 else 1 if score < 5 else 2 if score < 8 else 3]


def load(demo):
    agencies = {a.name: a for a in Agency.select()}
    for position, name in enumerate(LOCALITIES):
        Locality.get_or_create(name=name, defaults={"position": position})
    for audit_n, spec in enumerate(AUDITS):
        topic, cycle_name, status, reason, source, involved, themes, summary = spec
        if any(name not in agencies for name in involved):
            continue
        cycle = _cycle(cycle_name)
        if (
            CaseAudit.select()
            .where((CaseAudit.topic == topic) & (CaseAudit.cycle == cycle))
            .exists()
        ):
            continue
        _audit(audit_n, spec, cycle, [agencies[name] for name in involved])


def _audit(audit_n, spec, cycle, involved):
    topic, _, status, reason, source, _, themes, summary = spec
    starts = cycle.starts
    found = CaseAudit.create(
        cycle=cycle,
        topic=topic,
        reason=reason,
        reason_source=source,
        status=status,
        cases_chosen_by=starts + timedelta(days=60),
        returns_due=starts + timedelta(days=120),
        meeting_on=starts + timedelta(days=150),
        board_on=starts + timedelta(days=200),
        method=f"{CASES} cases, two from each locality, chosen from those open to children's "
        "social care in the last year. Each agency involved audited its own records; the auditors "
        "met for a day to agree grades and themes.",
        summary=summary,
        good_practice="A named worker who stayed with the family through every change of plan.",
    )
    done = status in rules.AFTER_MEETING
    tags = {
        n: AuditTheme.create(audit=found, name=name, kind=kind)
        for n, (name, kind, _) in enumerate(themes)
    }
    for case_n in range(CASES):
        case = Case.create(
            audit=found,
            reference=f"MACA-{cycle.name[:4]}-{case_n + 1:02d}",
            locality=LOCALITIES[case_n % 3],
            criteria="Open to children's social care in the last 12 months; " + topic.lower(),
            children=1 + (case_n * 2 + audit_n) % 4,
            good_practice="The school's designated lead shared concerns the same day."
            if done and case_n % 2 == 0
            else "",
        )
        for agency_n, agency in enumerate(involved):
            # the case's agencies: all four in most cases, three in some
            if (case_n + agency_n) % 5 == 4:
                continue
            CaseAgency.create(case=case, agency=agency)
            returned = done or (case_n + agency_n) % 3 != 0
            ret = CaseReturn.create(
                case=case,
                agency=agency,
                status="submitted" if returned else "draft",
                submitted_at=datetime.combine(starts + timedelta(days=110), datetime.min.time())
                if returned
                else None,
                worked_well="Information was shared on the day the concern was raised."
                if returned
                else "",
                worried_about="The plan did not say who would see the child, or how often."
                if returned
                else "",
                needs_to_happen="Record the child's own words at every visit." if returned else "",
            )
            DomainGrade.insert_many(
                [
                    {
                        "return_": ret.id,
                        "position": domain_n,
                        "domain": domain,
                        "grade": _grade(audit_n, case_n, agency_n, domain_n) if returned else "",
                        "justification": WORDS[_grade(audit_n, case_n, agency_n, domain_n)]
                        if returned
                        else "",
                    }
                    for domain_n, domain in enumerate(found.domain_list)
                ]
            ).execute()
        if done:
            AgreedGrade.insert_many(
                [
                    {
                        "case": case.id,
                        "domain": domain,
                        "grade": _grade(audit_n, case_n, 0, domain_n + 1),
                    }
                    for domain_n, domain in enumerate(found.domain_list)
                ]
            ).execute()
            for theme_n, (_, _, how_many) in enumerate(themes):
                if case_n < how_many:
                    CaseTheme.create(case=case, theme=tags[theme_n])
    if done:
        for n, agency in enumerate(involved):
            AuditAttendance.create(audit=found, agency=agency, attended=n != 3)
        _recommend(found, involved[0], cycle)


def _recommend(found, agency, cycle):
    single = AuditRecommendation.create(
        audit=found,
        text=f"{agency.name}: record the child's own words, in their words, at every contact.",
        agency=agency,
    )
    single.action = Action.create(
        agency=agency,
        cycle=cycle,
        source="case_audit",
        source_id=single.id,
        description=single.text,
        owner="Designated safeguarding lead",
        due=cycle.ends + timedelta(days=90),
        status="done" if cycle.ends < date.today() else "open",
        completed_at=datetime.combine(cycle.ends, datetime.min.time())
        if cycle.ends < date.today()
        else None,
        evidence_of_completion="Audit of 20 records: the child's words in 17."
        if cycle.ends < date.today()
        else "",
    )
    single.save()
    AuditRecommendation.create(
        audit=found,
        text="The partnership to publish a practice guide on involving fathers and male carers.",
    )
