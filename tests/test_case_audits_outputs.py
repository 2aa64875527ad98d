"""What an audit produces: the report PDF (its figures checked against figures counted here
independently), the one-page briefing, recommendations (one agency's on the action register)."""

import io
from datetime import date, timedelta

from pypdf import PdfReader

from qa.actions.models import Action
from qa.case_audits.models import (
    AgreedGrade,
    AuditRecommendation,
    AuditTheme,
    CaseAudit,
    CaseReturn,
    CaseTheme,
)
from tests.case_audit_fixtures import fill, make_case, return_of


def pdf_text(data):
    pages = PdfReader(io.BytesIO(data)).pages
    return len(pages), " ".join(" ".join(page.extract_text() for page in pages).split())


def audited(world):
    """Three cases (2 + 3 + 1 children); A returns on all, B on one; agreed grades and themes."""
    found, a, b = world["audit"], world["agency_a"], world["agency_b"]
    third = make_case(found, [a, b], "MACA-2026-03", children=3, locality="South")
    cases = [world["case_a"], world["case_b"], third]
    for case, agency, grade in (
        (cases[0], a, "good"),
        (third, a, "inadequate"),
        (cases[1], b, "good"),
    ):
        ret = fill(return_of(case, agency), grade=grade)
        CaseReturn.update(status="submitted").where(CaseReturn.id == ret.id).execute()
    drift = AuditTheme.create(audit=found, name="Drift after step-down", kind="concern")
    quick = AuditTheme.create(audit=found, name="Quick strategy meetings", kind="strength")
    for case in cases[:2]:
        CaseTheme.create(case=case, theme=drift)
    CaseTheme.create(case=third, theme=quick)
    for case, grade in (
        (cases[0], "good"),
        (cases[1], "requires_improvement"),
        (third, "inadequate"),
    ):
        AgreedGrade.create(case=case, domain="The voice of the child", grade=grade)
    AgreedGrade.create(case=third, domain="Assessment of risk", grade="inadequate")
    return found


def test_the_report_pdf_shows_figures_counted_independently(admin_client, audit_world):
    found = audited(audit_world)
    cases = list(found.cases)
    children = sum(case.children for case in cases)
    agreed = [row.grade for row in AgreedGrade.select()]
    submitted = CaseReturn.select().where(CaseReturn.status == "submitted").count()
    response = admin_client.get(f"/case-audits/{found.id}/report.pdf")
    assert response.mimetype == "application/pdf"
    _, text = pdf_text(response.data)
    assert (
        f"Cases audited {len(cases)}" in text and f"Children in those households {children}" in text
    )
    assert f"Single-agency audits returned {submitted} of 4" in text
    assert f"Inadequate {agreed.count('inadequate')} 50%" in text  # 2 of the 4 agreed grades
    assert f"Good {agreed.count('good')} 25%" in text
    voice = [row.grade for row in AgreedGrade.select() if row.domain == "The voice of the child"]
    counts = " ".join(str(voice.count(g)) for g in ("outstanding", "good"))
    counts += " " + " ".join(str(voice.count(g)) for g in ("requires_improvement", "inadequate"))
    assert f"The voice of the child {counts}" in text  # 0 1 1 1
    assert "Assessment of risk 0 0 0 1" in text
    assert "Drift after step-down Concern 2 of 3" in text
    assert "Quick strategy meetings Strength 1 of 3" in text
    # the agencies' own grades: 6 domains × 3 returns, 12 good and 6 inadequate
    assert "Single-agency grades Number Share Good 12 67%" in text.replace("Outstanding 0 0% ", "")


def test_the_briefing_is_one_page(admin_client, audit_world):
    found = audited(audit_world)
    response = admin_client.get(f"/case-audits/{found.id}/briefing.pdf")
    pages, text = pdf_text(response.data)
    assert pages == 1
    assert "Learning briefing: Neglect" in text and "Drift after step-down (2 of 3 cases)" in text


def test_the_briefing_reaches_everyone_once_agreed(lead_client, audit_world):
    found = audit_world["audit"]
    assert lead_client.get(f"/case-audits/{found.id}/briefing.pdf").status_code == 404
    CaseAudit.update(status="agreed").execute()
    assert lead_client.get(f"/case-audits/{found.id}/briefing.pdf").status_code == 200


def recommendation(agency=None, **changes):
    due = date.today() + timedelta(days=90)
    data = {"text": "Health visitors see babies alone at every visit", "owner": "Named nurse"}
    data |= {"due-day": due.day, "due-month": due.month, "due-year": due.year}
    data["agency"] = agency.id if agency else ""
    return {**data, **changes}


def test_a_single_agency_recommendation_goes_on_the_action_register(admin_client, audit_world):
    found, a = audit_world["audit"], audit_world["agency_a"]
    response = admin_client.post(f"/case-audits/{found.id}/recommendations", recommendation(a))
    assert response.status_code == 302
    action = Action.get(Action.source == "case_audit")
    assert (action.agency_id, action.owner) == (a.id, "Named nurse")
    assert AuditRecommendation.get().action_id == action.id
    page = admin_client.get(f"/actions/{action.id}").get_data(as_text=True)
    assert "A recommendation of the Neglect case audit" in page


def test_a_partnership_wide_recommendation_is_a_partnership_action_with_its_officer(
    admin_client, audit_world
):
    found, officer = audit_world["audit"], audit_world["lead_b"]
    page = admin_client.post(f"/case-audits/{found.id}/recommendations", recommendation()).get_data(
        as_text=True
    )
    assert "Choose the responsible officer for a partnership-wide action" in page
    assert not AuditRecommendation.select().exists()
    admin_client.post(
        f"/case-audits/{found.id}/recommendations",
        recommendation(responsible_officer=officer.id),
    )
    rec = AuditRecommendation.get()
    action = Action.get(Action.source == "case_audit")
    assert rec.agency is None and rec.action_id == action.id
    assert (action.agency_id, action.responsible_officer_id) == (None, officer.id)
    page = admin_client.get(f"/case-audits/{found.id}/outputs").get_data(as_text=True)
    assert "The whole partnership" in page and "Not on the register" not in page
    register = admin_client.get("/actions").get_data(as_text=True)
    assert "Partnership-wide" in register and "Health visitors see babies alone" in register


def test_one_agencys_recommendation_needs_an_owner(admin_client, audit_world):
    found, a = audit_world["audit"], audit_world["agency_a"]
    page = admin_client.post(
        f"/case-audits/{found.id}/recommendations", recommendation(a, owner="")
    ).get_data(as_text=True)
    assert "Enter who owns the action" in page
    assert not AuditRecommendation.select().exists()


def test_the_table_of_audits_shows_agreed_summaries_only(signed_in, audit_world):
    found = audit_world["audit"]
    audit_world["case_b"].delete_instance()  # agency B is now in none of its cases
    client = signed_in(audit_world["lead_b"])
    CaseAudit.update(summary="Neglect was seen late").execute()
    page = client.get("/case-audits").get_data(as_text=True)
    assert "Neglect" in page and "Neglect was seen late" not in page
    assert f'href="/case-audits/{found.id}"' not in page
    CaseAudit.update(status="published").execute()
    page = client.get("/case-audits").get_data(as_text=True)
    assert "Neglect was seen late" in page and "Published" in page
