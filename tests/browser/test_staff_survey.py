"""A practitioner answers the staff survey on a phone.

Visitors see the mismatch flag on the challenge event page.
"""

import pytest
from playwright.sync_api import expect

from qa.surveys.models import ContactRequest, Response
from tests.browser.conftest import check_axe, sign_in
from tests.challenge_helpers import cycle_fixture, event_fixture  # noqa: F401
from tests.staff_fixtures import SUPERVISION, make_staff_survey, staff_answers


@pytest.fixture
def phone(browser, live_app):
    context = browser.new_context(
        base_url=live_app.base_url,
        locale="en-GB",
        viewport={"width": 390, "height": 844},
        has_touch=True,
        is_mobile=True,
    )
    page = context.new_page()
    page.console_errors = []
    page.on("pageerror", lambda exc: page.console_errors.append(str(exc)))
    page.on(
        "console", lambda msg: page.console_errors.append(msg.text) if msg.type == "error" else None
    )
    yield page
    context.close()


def _next(page, expected):
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text(expected, exact=True)).to_be_visible()


def test_a_health_visitor_answers_on_a_phone_sends_once_and_asks_to_be_contacted(
    phone, live_app, people
):
    page, survey = phone, make_staff_survey()
    page.goto(f"/s/{survey.links.first().code}")
    expect(page.get_by_role("heading", name="Your answers are anonymous")).to_be_visible()
    expect(page.get_by_role("link", name="Quick exit")).to_have_count(0)
    check_axe(page, "staff-survey-intro-phone")
    page.get_by_role("button", name="Start").click()

    expect(page.get_by_role("heading", name="About your work")).to_be_visible()
    page.get_by_label("Which organisation do you work for?").select_option(
        label="Northbrook Hospitals NHS Foundation Trust"
    )
    page.get_by_label("Health practitioner, for example health visitor").check()
    check_axe(page, "staff-survey-about-phone")
    _next(page, "Question 1 of 7")

    page.get_by_label("Yes", exact=True).check()
    _next(page, "Question 2 of 7")
    page.get_by_label("Yes", exact=True).check()
    _next(page, "Question 3 of 7")
    page.get_by_label("Yes, a little").check()
    _next(page, "Question 4 of 7")
    expect(page.get_by_role("heading", name=SUPERVISION)).to_be_visible()
    page.get_by_label("Every two or three months").check()
    check_axe(page, "staff-survey-question-phone")
    _next(page, "Question 5 of 7")
    page.get_by_label("No", exact=True).check()
    _next(page, "Question 6 of 7")
    page.get_by_label("Fairly confident").check()
    check_axe(page, "staff-survey-smiley-phone")
    _next(page, "Question 7 of 7")
    page.get_by_label("What one thing would help you keep children safer?").fill(
        "Feedback when I make a referral <b>please</b>"
    )
    page.get_by_role("button", name="Next").click()

    expect(page.get_by_text("You answered 7 of 7 questions")).to_be_visible()
    page.get_by_role("button", name="Send my answers").dblclick()
    expect(page.get_by_text("Your answers have been sent")).to_be_visible()
    check_axe(page, "staff-survey-thanks-phone")
    page.get_by_label("Your name").fill("Jo Health Visitor")
    page.get_by_label("Your email address").fill("jo@example.org")
    page.get_by_role("button", name="Send my details").click()
    expect(page.get_by_text("Someone from the partnership will contact you")).to_be_visible()
    check_axe(page, "staff-survey-contacted-phone")

    response = Response.get()
    assert (
        Response.select().count() == 1
        and response.agency_id == people["agency_a"].id
        and response.role_group == "health"
    )
    assert ContactRequest.get().email == "jo@example.org"
    assert page.console_errors == []


def test_a_visitor_sees_the_mismatch_flag_on_the_challenge_event_page(
    page, live_app, people, event
):
    staff_answers(
        make_staff_survey(),
        people["agency_a"],
        8,
        {SUPERVISION: lambda n: "Every month or more often" if n % 4 == 0 else "Never"},
    )
    sign_in(page, people["reviewer"].email)
    page.goto(f"/challenge/events/{event.id}")
    section = page.locator("#staff-said")
    expect(section.get_by_role("heading", name="What the agency's own staff said")).to_be_visible()
    expect(
        section.get_by_text("1 of its self-ratings does not match what its staff said")
    ).to_be_visible()
    expect(section.locator(".govuk-warning-text")).to_contain_text("Rated green, but only 25%")
    check_axe(page, "staff-mismatch-challenge-event")
    page.get_by_role("link", name="Record findings").click()
    expect(page.locator(".qa-standard .govuk-warning-text").first).to_contain_text(
        "Rated green, but only 25%"
    )
    check_axe(page, "staff-mismatch-findings")
    assert page.console_errors == []


def test_an_agency_lead_sees_their_staffs_totals_and_the_admin_the_results_by_agency(
    page, browser, live_app, people
):
    survey = make_staff_survey()
    staff_answers(
        survey,
        people["agency_a"],
        6,
        {
            SUPERVISION: "Never",
            "What one thing would help you keep children safer?": "My manager never listens",
        },
    )
    sign_in(page, people["lead_a"].email)
    page.get_by_role("link", name="Staff survey").click()
    expect(page.get_by_text("6 responses in this group")).to_be_visible()
    expect(page.get_by_text("My manager never listens")).to_have_count(0)
    check_axe(page, "staff-survey-lead")
    admin = browser.new_context(
        base_url=live_app.base_url, viewport={"width": 1280, "height": 900}
    ).new_page()
    sign_in(admin, people["admin"].email)
    admin.goto(f"/admin/surveys/{survey.id}/results")
    admin.get_by_label("Agency", exact=True).select_option(
        label="Northbrook Hospitals NHS Foundation Trust"
    )
    expect(admin.get_by_text("6 responses in this group")).to_be_visible()
    check_axe(admin, "staff-survey-results-by-agency")
