"""A child's survey on a 360×640 phone: never lost, and the right words in the right place.

The phone's Back button, carrying on after closing the page, "Read it to me" at the top, focus on
each question, and nothing left looking chosen from the screen before.
"""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import check_axe
from tests.survey_fixtures import make_survey

PHONE = {"width": 360, "height": 640}


@pytest.fixture
def code(live_app):
    return make_survey().links.first().code


def _phone(browser, live_app, **options):
    options.setdefault("has_touch", True)
    options.setdefault("is_mobile", True)
    context = browser.new_context(
        base_url=live_app.base_url, locale="en-GB", viewport=PHONE, **options
    )
    return context, _tab(context)


def _tab(context):
    page = context.new_page()
    page.console_errors = []
    page.on("pageerror", lambda exc: page.console_errors.append(str(exc)))
    return page


def _answer_three(page, code):
    page.goto(f"/s/{code}")
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_text("Question 1 of 6")).to_be_visible()
    page.get_by_label("Good", exact=True).check()
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("Question 2 of 6")).to_be_visible()
    page.get_by_label("Yes").check()
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("Question 3 of 6")).to_be_visible()
    page.get_by_label("A friend").check()
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("Question 4 of 6")).to_be_visible()


def _back_twice_then_reopen(context, page, code, axe=True):
    assert page.url.endswith(f"/s/{code}/4")
    page.go_back()
    expect(page.get_by_text("Question 3 of 6")).to_be_visible()
    assert page.url.endswith(f"/s/{code}/3")
    expect(page.get_by_label("A friend")).to_be_checked()
    page.go_back()
    expect(page.get_by_text("Question 2 of 6")).to_be_visible()
    expect(page.get_by_label("Yes")).to_be_checked()
    if axe:  # (axe runs as a script: not in a browser with JavaScript off)
        check_axe(page, "survey-back-phone")
    page.close()

    page = _tab(context)  # the link opened again on the same phone
    page.goto(f"/s/{code}")
    expect(page.get_by_text("Your answers are still here")).to_be_visible()
    if axe:
        check_axe(page, "survey-carry-on-phone")
    page.get_by_role("button", name="Start", exact=True).click()
    expect(page.get_by_text("Question 4 of 6")).to_be_visible()
    assert page.url.endswith(f"/s/{code}/4")
    page.get_by_role("button", name="Back").click()
    expect(page.get_by_label("A friend")).to_be_checked()
    return page


def test_phone_back_keeps_answers_and_the_link_carries_on_where_it_stopped(browser, live_app, code):
    context, page = _phone(browser, live_app)
    _answer_three(page, code)
    page = _back_twice_then_reopen(context, page, code)
    assert page.console_errors == []
    context.close()


def test_phone_back_and_carrying_on_work_without_javascript(browser, live_app, code):
    context, page = _phone(browser, live_app, java_script_enabled=False)
    _answer_three(page, code)
    _back_twice_then_reopen(context, page, code, axe=False)
    context.close()


def test_start_again_begins_with_no_answers(browser, live_app, code):
    context, page = _phone(browser, live_app)
    _answer_three(page, code)
    page.goto(f"/s/{code}")
    page.get_by_role("button", name="Start again with no answers").click()
    expect(page.get_by_text("Question 1 of 6")).to_be_visible()
    expect(page.get_by_label("Good", exact=True)).not_to_be_checked()
    context.close()
