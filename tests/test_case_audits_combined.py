"""A case's combined document: every agency's returned audit side by side, the agencies not yet
returned shown as gaps; on screen and as a PDF whose text says the same."""

import io

from pypdf import PdfReader

from qa.case_audits.models import CaseAudit, CaseReturn, DomainGrade
from tests.case_audit_fixtures import fill, grades_of, make_case, return_of


def pdf_text(data):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def two_agency_case(world):
    """A case of agencies A and B: A has returned (Good, but Inadequate for risk), B has not."""
    case = make_case(world["audit"], [world["agency_a"], world["agency_b"]], "MACA-2026-09")
    theirs = fill(return_of(case, world["agency_a"]))
    CaseReturn.update(status="submitted").where(CaseReturn.id == theirs.id).execute()
    risk = grades_of(theirs)[1]
    DomainGrade.update(grade="inadequate", justification="No risk assessment").where(
        DomainGrade.id == risk.id
    ).execute()
    draft = grades_of(return_of(case, world["agency_b"]))[0]
    DomainGrade.update(justification="Draft words of B").where(DomainGrade.id == draft.id).execute()
    return case


def test_the_combined_document_shows_returns_side_by_side_and_the_gaps(
    admin_client, audit_world, count_queries
):
    case = two_agency_case(audit_world)
    with count_queries() as counter:
        page = admin_client.get(f"/case-audits/cases/{case.id}/combined").get_data(as_text=True)
    assert "Not yet returned: Northbrook Constabulary" in page
    assert "No risk assessment" in page and "Inadequate" in page
    assert "Draft words of B" not in page  # a draft is not in the combined document
    assert counter.count <= 12


def test_the_combined_pdf_says_the_same(admin_client, audit_world):
    case = two_agency_case(audit_world)
    response = admin_client.get(f"/case-audits/cases/{case.id}/combined.pdf")
    assert response.mimetype == "application/pdf"
    text = " ".join(pdf_text(response.data).split())
    assert "Combined audit of case MACA-2026-09" in text
    assert "1 of 2 agencies have returned their audit" in text
    assert "Not yet returned: Northbrook Constabulary" in text
    assert "No risk assessment" in text and "Inadequate" in text
    # the five other domains of agency A, in the grades table and again in each domain's table
    assert text.count("Good") == 10
    assert "Draft words of B" not in text


def test_a_lead_sees_the_combined_document_only_after_the_meeting(signed_in, audit_world):
    case = two_agency_case(audit_world)
    client = signed_in(audit_world["lead_b"])
    assert client.get(f"/case-audits/cases/{case.id}/combined").status_code == 404
    CaseAudit.update(status="report_drafted").execute()
    assert client.get(f"/case-audits/cases/{case.id}/combined").status_code == 200
