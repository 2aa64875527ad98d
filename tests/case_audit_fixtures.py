"""Case audit test data: a cycle, an audit, and a case that agency A is involved in."""

from datetime import date

import pytest

from qa.case_audits import service
from qa.case_audits.models import CaseAudit, CaseReturn, DomainGrade
from qa.cycles.models import Cycle


def make_audit(topic="Neglect", status="gathering", domains=None):
    cycle = Cycle.get_or_none(Cycle.name == "2026-27") or Cycle.create(
        name="2026-27", starts=date(2026, 4, 1), ends=date(2027, 3, 31)
    )
    data = {
        "cycle": cycle,
        "topic": topic,
        "reason": "The data set showed a rise",
        "status": status,
    }
    if domains:
        data["domains"] = "\n".join(domains)
    return CaseAudit.create(**data)


def make_case(audit_, agencies, reference="MACA-2026-01", by=None, **data):
    data = {"reference": reference, "locality": "North", "criteria": "Plan", "children": 2, **data}
    return service.add_case(audit_, data, [a.id for a in agencies], by)


def return_of(case, agency):
    return CaseReturn.get((CaseReturn.case == case) & (CaseReturn.agency == agency))


def grades_of(ret):
    return list(
        DomainGrade.select().where(DomainGrade.return_ == ret).order_by(DomainGrade.position)
    )


def fill(ret, grade="good", by=None):
    """Grade every domain with a reason and write the summary, as the rules need to submit."""
    DomainGrade.update(grade=grade, justification="Seen in the records").where(
        DomainGrade.return_ == ret
    ).execute()
    CaseReturn.update(
        worked_well="Quick strategy meeting",
        worried_about="Drift after the plan ended",
        needs_to_happen="Review the step-down",
    ).where(CaseReturn.id == ret.id).execute()
    return CaseReturn.get_by_id(ret.id)


@pytest.fixture
def audit_world(app, people):
    """An audit gathering returns, with one case involving agency A only and one involving B."""
    found = make_audit()
    case_a = make_case(found, [people["agency_a"]], "MACA-2026-01", by=people["admin"])
    case_b = make_case(found, [people["agency_b"]], "MACA-2026-02", by=people["admin"])
    return {"audit": found, "case_a": case_a, "case_b": case_b, **people}
