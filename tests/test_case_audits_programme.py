"""The audit programme and choosing cases: an admin adds and changes audits, adds cases by a
pseudonymous reference only, and each agency involved then owes a return on the case."""

import re

import pytest

from qa.audit import AuditEvent
from qa.case_audits import rules
from qa.case_audits.models import Case, CaseAudit, CaseReturn, DomainGrade
from qa.dataset.models import Indicator, Locality
from tests.case_audit_fixtures import grades_of, make_audit, make_case, return_of


def audit_form(cycle_id, **changes):
    data = {
        "version": "1",
        "topic": "Domestic abuse",
        "cycle": str(cycle_id),
        "reason": "Two rapid reviews this year involved domestic abuse",
        "reason_source": "learning review",
        "status": "planned",
        "domains": "The voice of the child\nAssessment of risk",
        "meeting_on-day": "14",
        "meeting_on-month": "5",
        "meeting_on-year": "2027",
    }
    return {**data, **changes}


def case_form(agencies, **changes):
    data = {"version": "1", "reference": "MACA-2027-03", "criteria": "A child protection plan"}
    data |= {"children": "3", "agencies": [a.id for a in agencies]}
    return {**data, **changes}


def test_admin_adds_an_audit_with_its_dates_and_domains(admin_client, audit_world):
    cycle = audit_world["audit"].cycle
    response = admin_client.post("/case-audits/new", audit_form(cycle.id))
    assert response.status_code == 302
    found = CaseAudit.get(CaseAudit.topic == "Domestic abuse")
    assert found.domain_list == ["The voice of the child", "Assessment of risk"]
    assert found.meeting_on.isoformat() == "2027-05-14"
    assert found.reason_source == "learning review"
    assert AuditEvent.select().where(AuditEvent.object_type == "CaseAudit").exists()


def test_a_new_audit_starts_with_the_six_default_domains(admin_client, audit_world):
    page = admin_client.get("/case-audits/new").get_data(as_text=True)
    for domain in rules.DEFAULT_DOMAINS:
        assert domain in page


def test_the_programme_counts_cases_and_children(admin_client, audit_world, count_queries):
    make_audit("Care leavers", status="planned")
    with count_queries() as counter:
        page = admin_client.get("/case-audits").get_data(as_text=True)
    assert "Neglect" in page and "Care leavers" in page
    row = page.split("Neglect</a>")[1].split("</tr>")[0]
    numbers = [cell.split(">")[-1] for cell in row.split("</td>") if "numeric" in cell]
    assert numbers == ["2", "4"]  # two cases of two children each
    assert counter.count <= 8


def test_changing_an_audit_someone_else_saved_shows_both_versions(admin_client, audit_world):
    found = audit_world["audit"]
    CaseAudit.update(topic="Neglect of older children", version=2).where(
        CaseAudit.id == found.id
    ).execute()
    page = admin_client.post(
        f"/case-audits/{found.id}/edit", audit_form(found.cycle_id, topic="Neglect in infancy")
    ).get_data(as_text=True)
    assert "Someone else saved this" in page
    assert "Neglect in infancy" in page and "Neglect of older children" in page
    assert CaseAudit.get_by_id(found.id).topic == "Neglect of older children"


def test_a_case_opens_a_return_for_each_agency_with_every_domain(admin_client, audit_world):
    found, a, b = audit_world["audit"], audit_world["agency_a"], audit_world["agency_b"]
    response = admin_client.post(f"/case-audits/{found.id}/cases/new", case_form([a, b]))
    assert response.status_code == 302
    case = Case.get(Case.reference == "MACA-2027-03")
    returns = list(CaseReturn.select().where(CaseReturn.case == case))
    assert {r.agency_id for r in returns} == {a.id, b.id}
    assert [g.domain for g in grades_of(returns[0])] == list(rules.DEFAULT_DOMAINS)


def test_a_reference_that_looks_like_a_name_is_refused_and_kept(admin_client, audit_world):
    found, a = audit_world["audit"], audit_world["agency_a"]
    page = admin_client.post(
        f"/case-audits/{found.id}/cases/new", case_form([a], reference="Jack Smith")
    ).get_data(as_text=True)
    assert "looks like it contains a name" in page
    assert 'value="Jack Smith"' in page  # what was typed is kept
    assert not Case.select().where(Case.reference == "Jack Smith").exists()


def test_criteria_holding_a_date_of_birth_are_refused(admin_client, audit_world):
    found, a = audit_world["audit"], audit_world["agency_a"]
    page = admin_client.post(
        f"/case-audits/{found.id}/cases/new", case_form([a], criteria="Born on 3/4/2015")
    ).get_data(as_text=True)
    assert "a date of birth" in page
    assert "Born on 3/4/2015" in page
    assert Case.select().count() == 2


def test_the_same_reference_twice_in_one_audit_is_refused(admin_client, audit_world):
    found, a = audit_world["audit"], audit_world["agency_a"]
    page = admin_client.post(
        f"/case-audits/{found.id}/cases/new", case_form([a], reference="maca-2026-01")
    ).get_data(as_text=True)
    assert "already has a case" in page
    assert Case.select().count() == 2


@pytest.fixture
def localities(app):
    for position, name in enumerate(("North", "South", "Central")):
        Locality.create(name=name, position=position)


def test_localities_are_the_partnerships_one_list(admin_client, audit_world, localities):
    found, a = audit_world["audit"], audit_world["agency_a"]
    page = admin_client.get(f"/case-audits/{found.id}/cases/new").get_data(as_text=True)
    assert '<option value="South"' in page and '<option value="Central"' in page
    missing = admin_client.post(f"/case-audits/{found.id}/cases/new", case_form([a]))
    assert "Choose the locality" in missing.get_data(as_text=True)
    saved = admin_client.post(
        f"/case-audits/{found.id}/cases/new", case_form([a], locality="South")
    )
    assert saved.status_code == 302
    assert Case.get(Case.reference == "MACA-2027-03").locality == "South"


def test_an_agency_that_started_its_return_cannot_be_taken_off(admin_client, audit_world):
    case, a, b = audit_world["case_a"], audit_world["agency_a"], audit_world["agency_b"]
    grade = grades_of(return_of(case, a))[0]
    DomainGrade.update(justification="Started").where(DomainGrade.id == grade.id).execute()
    data = case_form([b], reference=case.reference)
    page = admin_client.post(f"/case-audits/cases/{case.id}/edit", data).get_data(as_text=True)
    assert "started a return on this case" in page
    assert CaseReturn.select().where(CaseReturn.case == case).count() == 1
    assert return_of(case, a)


def test_an_agency_not_yet_started_can_be_swapped(admin_client, audit_world):
    case, _a, b = audit_world["case_a"], audit_world["agency_a"], audit_world["agency_b"]
    data = case_form([b], reference=case.reference)
    assert admin_client.post(f"/case-audits/cases/{case.id}/edit", data).status_code == 302
    assert [r.agency_id for r in CaseReturn.select().where(CaseReturn.case == case)] == [b.id]


def test_leads_cannot_add_audits_or_cases(lead_client, audit_world):
    found = audit_world["audit"]
    assert lead_client.get("/case-audits/new").status_code == 403
    assert lead_client.get(f"/case-audits/{found.id}/cases/new").status_code == 403
    assert make_case  # the fixtures module's helper, used by the other tests


def test_an_audits_page_costs_the_same_queries_however_many_cases(
    admin_client, audit_world, count_queries
):
    found, a, b = audit_world["audit"], audit_world["agency_a"], audit_world["agency_b"]

    def counted():
        with count_queries() as counter:
            page = admin_client.get(f"/case-audits/{found.id}").get_data(as_text=True)
        return counter.count, page

    few, _ = counted()
    for n in range(4):
        make_case(found, [a, b], f"MACA-2026-1{n}")
    many, page = counted()
    assert "MACA-2026-13" in page
    assert many == few


def test_an_audits_page_counts_its_cases_by_locality(admin_client, audit_world):
    found = audit_world["audit"]
    make_case(found, [audit_world["agency_a"]], "MACA-2026-05", locality="South")
    page = admin_client.get(f"/case-audits/{found.id}").get_data(as_text=True)
    assert "Cases (3 cases, 6 children; North 2; South 1)" in page


def test_a_topic_proposed_from_the_data_set_or_a_review_theme_opens_the_audit_form_filled_in(
    admin_client, people, cycles
):
    from datetime import date, datetime

    from qa.reviews.models import ThemeDecision
    from tests.dataset_fixtures import indicator
    from tests.review_fixtures import make_review, make_review_action, make_theme

    ind = indicator(agency=people["agency_a"], topic_proposal="Re-referrals rose twice")
    Indicator.update(topic_proposed_at=datetime.now()).where(Indicator.id == ind.id).execute()
    page = admin_client.get(f"/data-set/indicators/{ind.id}").get_data(as_text=True)
    link = re.search(r'href="(/case-audits/new\?[^"]+)">Add it to the case-audit programme', page)
    form = admin_client.get(link.group(1).replace("&amp;", "&")).get_data(as_text=True)
    assert 'value="Re-referrals within 12 months"' in form and "Re-referrals rose twice" in form
    assert re.search(r'<option value="data set" selected>', form)

    theme = make_theme("Neglect")
    review = make_review(completed=date(2025, 6, 1), themes=[theme])
    make_review_action(review, theme, cycles["this"], agency=people["agency_a"])
    today = date.today()
    quarter = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    ThemeDecision.create(theme=theme, quarter_start=quarter, decision="audit")
    page = admin_client.get(f"/reviews/report?day={today}").get_data(as_text=True)
    link = re.search(r'href="(/case-audits/new\?[^"]+)">Add an audit on Neglect', page)
    form = admin_client.get(link.group(1).replace("&amp;", "&")).get_data(as_text=True)
    assert 'value="Neglect"' in form and "Learning from reviews: Neglect" in form
