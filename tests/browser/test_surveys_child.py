"""A child's survey in a real browser.

On a phone, by keyboard, with no JavaScript; Quick exit leaves for good.
"""

import pytest
from playwright.sync_api import expect

from qa.surveys.models import Answer, Response
from tests.browser.child_pages import child_context
from tests.browser.conftest import check_axe
from tests.survey_fixtures import make_survey

EXIT = "https://www.bbc.co.uk/weather"


@pytest.fixture
def code(live_app):
    return make_survey().links.first().code


@pytest.fixture
def phone(browser, live_app):
    context, page = child_context(
        browser, live_app, viewport={"width": 375, "height": 667}, has_touch=True, is_mobile=True
    )
    yield page
    context.close()


def _next(page, expected):
    """Press Next and wait for the next screen, so nothing is pressed on the screen being
    replaced."""
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text(expected)).to_be_visible()


def test_child_answers_goes_back_changes_and_sends_once_on_a_phone(phone, code):
    page = phone
    page.goto(f"/s/{code}")
    expect(page.get_by_text("What happens to your answers")).to_be_visible()
    expect(page.get_by_text("Childline on 0800 1111")).to_be_visible()
    check_axe(page, "survey-intro-phone")
    page.get_by_role("button", name="Start").click()

    expect(page.get_by_text("Question 1 of 6")).to_be_visible()
    check_axe(page, "survey-question-smiley-phone")
    page.get_by_label("Good", exact=True).check()
    page.get_by_role("button", name="Next").click()

    expect(page.get_by_text("Question 2 of 6")).to_be_visible()
    expect(page.get_by_role("heading", name="Is there an adult you can talk to?")).to_be_focused()
    page.get_by_label("Yes").check()
    page.get_by_role("button", name="Back").click()

    expect(page.get_by_text("Question 1 of 6")).to_be_visible()
    expect(page.get_by_label("Good", exact=True)).to_be_checked()
    page.get_by_label("OK", exact=True).check()
    _next(page, "Question 2 of 6")
    expect(page.get_by_label("Yes")).to_be_checked()
    _next(page, "Question 3 of 6")
    page.get_by_label("A friend").check()
    _next(page, "Question 4 of 6")
    page.get_by_label("At home").check()
    page.get_by_label("Online").check()
    check_axe(page, "survey-question-choose-many-phone")
    _next(page, "Question 5 of 6")
    page.get_by_label("What would make you feel safer?").fill("More lights by the bus stop")
    check_axe(page, "survey-question-text-phone")
    _next(page, "Question 6 of 6")
    page.get_by_role("button", name="Skip this question").click()

    expect(page.get_by_text("You answered 5 of 6 questions")).to_be_visible()
    check_axe(page, "survey-ready-phone")
    page.get_by_role("button", name="Send my answers").dblclick()
    expect(page.get_by_text("Your answers have been sent")).to_be_visible()
    check_axe(page, "survey-thanks-phone")

    page.reload()  # refreshing the thank-you page sends nothing again
    page.goto(f"/s/{code}/send")
    expect(page.get_by_text("Your answers have been sent")).to_be_visible()
    assert Response.select().count() == 1, [a.value for a in Answer.select()]
    assert sorted(a.value for a in Answer.select()) == sorted(
        ["2", "yes", "A friend", "At home", "Online", "More lights by the bus stop"]
    ), [(a.question_id, a.value) for a in Answer.select()]
    assert page.console_errors == []


def test_quick_exit_leaves_and_back_does_not_return_to_the_survey(phone, code):
    page = phone
    page.goto(f"/s/{code}")
    page.get_by_role("button", name="Start").click()
    page.get_by_label("Good", exact=True).check()
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("Question 2 of 6")).to_be_visible()
    page.get_by_role("button", name="Quick exit").click()
    page.wait_for_url(EXIT)
    page.go_back()
    assert "/s/" not in page.url


def test_keyboard_only_child_answers_and_shift_three_times_exits(browser, live_app, code):
    context, page = child_context(browser, live_app, viewport={"width": 1280, "height": 900})
    page.goto(f"/s/{code}")
    page.get_by_role("button", name="Start").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Question 1 of 6")).to_be_visible()
    # the first question comes as a whole page (the first screen has no htmx): its script puts
    # focus on the question once it has run
    expect(page.locator("#screen h1")).to_be_focused()
    page.keyboard.press("Tab")  # from the focused question into the faces
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")
    expect(page.get_by_label("OK", exact=True)).to_be_checked()
    expect(page.get_by_label("OK", exact=True)).to_be_focused()
    check_axe(page, "survey-question-keyboard-desktop")
    page.get_by_role("button", name="Next").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Question 2 of 6")).to_be_visible()
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(EXIT)
    page.go_back()
    assert "/s/" not in page.url
    context.close()


def test_the_survey_works_with_no_javascript(browser, live_app, code):
    context, page = child_context(
        browser, live_app, viewport={"width": 1280, "height": 900}, java_script_enabled=False
    )
    page.goto(f"/s/{code}")
    expect(page.locator("[data-read-aloud]").first).to_be_hidden()
    page.get_by_role("button", name="Start").click()
    page.get_by_label("Good", exact=True).check()
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("Question 2 of 6")).to_be_visible()
    page.get_by_role("button", name="Back").click()
    expect(page.get_by_label("Good", exact=True)).to_be_checked()
    page.goto(f"/s/{code}/send")
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_text("Your answers have been sent")).to_be_visible()
    assert Response.select().count() == 1
    context.close()


def test_closed_and_unknown_surveys_are_kind_and_accessible(page, live_app):
    survey = make_survey(status="closed")
    page.goto(f"/s/{survey.links.first().code}")
    expect(page.get_by_role("heading", name="This survey has finished")).to_be_visible()
    check_axe(page, "survey-closed")
    page.goto("/s/abcdefghjk")
    expect(page.get_by_role("heading", name="We can't find that survey")).to_be_visible()
    check_axe(page)


def test_read_it_to_me_speaks_the_question_and_answers_with_the_browsers_own_voice(
    browser, live_app, code
):
    context, page = child_context(browser, live_app, viewport={"width": 1280, "height": 900})
    page.add_init_script("""
        window.__spoken = [];
        window.speechSynthesis.speak = (utterance) => window.__spoken.push(utterance.text);
    """)
    page.goto(f"/s/{code}")
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_text("Question 1 of 6")).to_be_visible()
    page.get_by_role("button", name="Read it to me").click()
    spoken = page.evaluate("window.__spoken")
    assert (
        spoken
        and "How safe do you feel at school?" in spoken[0]
        and "Not good" in spoken[0]
        and "Good" in spoken[0]
    )
    context.close()


def test_read_it_to_me_is_hidden_where_the_browser_cannot_speak(browser, live_app, code):
    context, page = child_context(browser, live_app, viewport={"width": 1280, "height": 900})
    page.add_init_script("delete window.speechSynthesis; delete window.SpeechSynthesisUtterance;")
    page.goto(f"/s/{code}")
    expect(page.get_by_role("button", name="Read it to me")).to_be_hidden()
    context.close()


def test_at_200_percent_zoom_nothing_scrolls_sideways(browser, live_app, code):
    # 200% zoom of a 1280x900 laptop is a 640x450 CSS-pixel viewport.
    context, page = child_context(browser, live_app, viewport={"width": 640, "height": 450})
    page.goto(f"/s/{code}")
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_text("Question 1 of 6")).to_be_visible()
    # measured once the page has its stylesheets and pictures: the words show before they arrive,
    # and a page measured without its styles is wider than the screen
    page.wait_for_load_state("load")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    check_axe(page, "survey-question-zoom-200")
    context.close()


def test_a_send_refused_by_the_limits_asks_kindly_to_wait_and_keeps_the_answers(
    phone, live_app, code
):
    page = phone
    live_app.config["SURVEY_SENDS_PER_LINK"] = 0  # as if the link had just sent its limit
    page.goto(f"/s/{code}")
    page.get_by_role("button", name="Start").click()
    page.get_by_label("Good", exact=True).check()
    _next(page, "Question 2 of 6")
    page.goto(f"/s/{code}/send")
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_text("Please wait a minute and try again")).to_be_visible()
    check_axe(page, "survey-wait-phone")
    assert Response.select().count() == 0
    live_app.config["SURVEY_SENDS_PER_LINK"] = 60  # a minute later
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_text("Your answers have been sent")).to_be_visible()
    assert [a.value for a in Answer.select()] == ["3"]
    assert page.console_errors == []
