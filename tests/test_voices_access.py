"""Who sees what staff said.

An agency lead only their own agency's totals, only from 5 answers, never a written answer.
"""

import pytest

from qa.audit import AuditEvent
from qa.surveys.models import ContactRequest
from tests.staff_fixtures import SUPERVISION, make_staff_survey, staff_answers

ONE_THING = "What one thing would help you keep children safer?"


@pytest.fixture
def survey(app, people):
    survey = make_staff_survey()
    staff_answers(
        survey,
        people["agency_a"],
        6,
        {SUPERVISION: "Never", ONE_THING: "My manager Dave never listens"},
    )
    staff_answers(
        survey, people["agency_b"], 7, {SUPERVISION: "Every month or more often"}, start=50
    )
    return survey


def test_an_agency_lead_sees_their_own_agencys_totals_and_no_written_answers(lead_client, survey):
    html = lead_client.get("/staff-survey").get_data(as_text=True)
    assert "6 responses in this group" in html and "6 (100%)" in html and SUPERVISION in html
    assert "Dave" not in html and ONE_THING not in html
    assert "7 (100%)" not in html  # the other agency's figures


def test_an_agency_lead_cannot_pick_another_agency(lead_client, survey, people):
    html = lead_client.get(
        f"/staff-survey?agency={people['agency_b'].id}&survey={survey.id}"
    ).get_data(as_text=True)
    assert "6 (100%)" in html and "7 (100%)" not in html


@pytest.mark.parametrize("count, shown", [(4, False), (5, True)])
def test_an_agency_lead_sees_figures_only_from_five_of_their_staff(signed_in, people, count, shown):
    survey = make_staff_survey()
    staff_answers(survey, people["agency_b"], count, {SUPERVISION: "Never"})
    html = signed_in(people["lead_b"]).get("/staff-survey").get_data(as_text=True)
    assert (f"{count} (100%)" in html) is shown
    assert ("Fewer than 5 of your staff have answered" in html) is not shown


def test_the_menu_offers_agency_leads_their_staff_survey(lead_client, survey):
    assert 'href="/staff-survey"' in lead_client.get("/").get_data(as_text=True)


@pytest.mark.parametrize(
    "path",
    [
        "/admin/surveys/{id}/results",
        "/admin/surveys/{id}/answers.csv",
        "/admin/surveys/{id}/summary.pdf",
        "/admin/surveys/{id}/contact-requests",
    ],
)
def test_an_agency_lead_cannot_open_the_surveys_individual_answers_or_exports(
    lead_client, survey, path
):
    assert lead_client.get(path.format(id=survey.id)).status_code == 403


def test_only_admins_see_who_asked_to_be_contacted(reviewer_client, admin_client, survey):
    ContactRequest.create(
        survey=survey, name="<b>Sam</b>", email="sam@example.org", message="Please call"
    )
    assert reviewer_client.get(f"/admin/surveys/{survey.id}/contact-requests").status_code == 403
    html = admin_client.get(f"/admin/surveys/{survey.id}/contact-requests").get_data(as_text=True)
    assert "&lt;b&gt;Sam&lt;/b&gt;" in html and "sam@example.org" in html
    assert "People who asked to be contacted (1)" in admin_client.get(
        f"/admin/surveys/{survey.id}/results"
    ).get_data(as_text=True)


def test_admin_deletes_a_contact_request_once_dealt_with_and_it_is_audited(admin_client, survey):
    item = ContactRequest.create(survey=survey, name="Sam", email="sam@example.org")
    admin_client.post(f"/admin/surveys/contact-requests/{item.id}/delete")
    assert ContactRequest.select().count() == 0
    assert AuditEvent.select().where(AuditEvent.verb == "deleted").count() == 1


def test_reviewers_and_admins_are_not_offered_the_leads_page(reviewer_client, survey):
    assert reviewer_client.get("/staff-survey").status_code == 403


def test_the_leads_page_runs_a_bounded_number_of_queries(lead_client, survey, count_queries):
    with count_queries() as counter:
        lead_client.get("/staff-survey")
    assert counter.count <= 25, counter.count
