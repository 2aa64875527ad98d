"""A child's survey on a 360×640 phone: never lost, and the right words in the right place.

The phone's Back button, carrying on after closing the page, "Read it to me" at the top, focus on
each question, and nothing left looking chosen from the screen before.
"""

import pytest
from playwright.sync_api import expect

from tests import staff_fixtures
from tests.browser.conftest import check_axe
from tests.survey_fixtures import make_survey

staff_survey = staff_fixtures.staff_survey

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
    # Back to a screen htmx pushed reloads it whole (refreshOnHistoryMiss); let it finish loading,
    # its scripts with it, as a person's second press of Back would
    page.wait_for_load_state()
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


def _read_aloud_at_the_top(page):
    button = page.get_by_role("button", name="Read it to me")
    expect(button).to_be_visible()
    box = button.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"], (page.url, box)
    # above the question, so a child who needs it finds it before reading
    assert box["y"] < page.locator("h1").first.bounding_box()["y"], page.url


def test_read_it_to_me_is_in_the_first_screenful_and_reads_the_question_then_each_answer(
    browser, live_app, code
):
    context, page = _phone(browser, live_app)
    page.add_init_script("""
        window.__spoken = [];
        window.speechSynthesis.speak = (utterance) => window.__spoken.push(utterance.text);
    """)
    page.goto(f"/s/{code}")
    _read_aloud_at_the_top(page)
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_text("Question 1 of 6")).to_be_visible()
    for number in (1, 5):  # a question with answers to choose, and a written answer
        page.goto(f"/s/{code}/{number}")
        _read_aloud_at_the_top(page)
    check_axe(page, "survey-read-aloud-top-phone")
    page.goto(f"/s/{code}/4")
    page.get_by_role("button", name="Read it to me").click()
    spoken = page.evaluate("window.__spoken")[-1]
    said = [spoken.index(words) for words in ("Where do you feel safe?", "At home", "At school")]
    assert said == sorted(said) and "Online" in spoken, spoken
    context.close()


def _focused(page):
    return page.evaluate(
        "() => { const e = document.activeElement;"
        " return [e.tagName, e.getAttribute('tabindex'), e.textContent.trim()]; }"
    )


def test_focus_lands_on_each_question_as_it_loads(browser, live_app, code):
    context, page = _phone(browser, live_app)
    page.goto(f"/s/{code}")
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_text("Question 1 of 6")).to_be_visible()
    for number in range(1, 6):
        page.get_by_role("button", name="Next").click()
        expect(page.get_by_text(f"Question {number + 1} of 6")).to_be_visible()
        prompt = [
            "Is there an adult you can talk to?",
            "Who would you talk to first?",
            "Where do you feel safe?",
            "What would make you feel safer?",
            "Anything else you want to tell us?",
        ][number - 1]
        expect(page.get_by_role("heading", name=prompt)).to_be_focused()
        assert _focused(page) == ["H1", "-1", prompt], number
    page.go_back()  # a question loaded as a whole page
    expect(page.get_by_text("Question 5 of 6")).to_be_visible()
    expect(page.get_by_role("heading", name="What would make you feel safer?")).to_be_focused()
    context.close()


def _look(page, label):
    return page.get_by_label(label, exact=True).evaluate(
        "(input) => { const s = getComputedStyle(input.nextElementSibling);"
        " return [s.backgroundColor, s.borderColor, s.boxShadow, s.outlineStyle]; }"
    )


def test_an_answer_tapped_on_one_screen_does_not_look_chosen_on_the_next(browser, live_app, code):
    context, page = _phone(browser, live_app)
    page.goto(f"/s/{code}")
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_text("Question 1 of 6")).to_be_visible()
    page.get_by_role("button", name="Next").click()  # question 1 left blank
    expect(page.get_by_text("Question 2 of 6")).to_be_visible()
    box = page.get_by_text("Yes", exact=True).bounding_box()
    page.get_by_label("Yes").tap()
    assert page.evaluate("document.activeElement.value") == "yes"
    # a phone's browser (Safari) does not move focus to a tapped button: the answer keeps it
    page.get_by_role("button", name="Next").dispatch_event("click")
    expect(page.get_by_text("Question 3 of 6")).to_be_visible()
    expect(page.get_by_role("heading", name="Who would you talk to first?")).to_be_focused()
    # a phone leaves the pointer where the finger was: the answer now under it must not change
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    assert (
        page.evaluate(
            "document.elementFromPoint(%d, %d).closest('.qa-choice').textContent.trim()"
            % (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        )
        == "A teacher"
    )
    untouched = _look(page, "A friend")
    assert _look(page, "A teacher") == untouched  # the answer where "Yes" was tapped
    # the hover look is only for a pointer that hovers, which a phone's does not
    assert not page.evaluate("matchMedia('(hover: hover)').matches")
    context.close()


def test_the_shift_hint_shows_only_with_a_keyboard_and_javascript(browser, live_app, code):
    context, page = _phone(browser, live_app)
    page.goto(f"/s/{code}")
    expect(page.get_by_text("use Quick exit")).to_be_visible()
    expect(page.get_by_text("press Shift three times")).to_be_hidden()
    context.close()
    context = browser.new_context(
        base_url=live_app.base_url, locale="en-GB", java_script_enabled=False
    )
    page = context.new_page()
    page.goto(f"/s/{code}")
    expect(page.get_by_text("use Quick exit")).to_be_visible()
    expect(page.get_by_text("press Shift three times")).to_be_hidden()
    context.close()
    context = browser.new_context(base_url=live_app.base_url, locale="en-GB")
    page = context.new_page()
    page.goto(f"/s/{code}")
    expect(page.get_by_text("press Shift three times")).to_be_visible()
    check_axe(page, "survey-shift-hint-desktop")
    context.close()


def test_the_staff_contact_form_gives_room_to_write(browser, live_app, staff_survey):
    from qa.surveys.models import SurveyLink

    code = SurveyLink.create(survey=staff_survey, label="Team meeting").code
    context, page = _phone(browser, live_app)
    page.goto(f"/s/{code}")
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_role("heading", name="About your work")).to_be_visible()
    page.goto(f"/s/{code}/send")
    page.get_by_role("button", name="Send my answers").click()
    message = page.get_by_label("What would you like to talk about? (optional)")
    expect(message).to_be_visible()
    assert message.bounding_box()["height"] >= 120, message.bounding_box()
    check_axe(page, "staff-contact-phone")
    context.close()


def test_after_quick_exit_back_never_returns_to_a_question_but_the_link_opens_again(
    browser, live_app, code
):
    context, page = _phone(browser, live_app)
    context.route(
        "https://www.bbc.co.uk/**",
        lambda route: route.fulfill(status=200, content_type="text/html", body="<title>W</title>"),
    )
    _answer_three(page, code)
    page.get_by_role("button", name="Quick exit").click()
    page.wait_for_url("https://www.bbc.co.uk/**")
    for _ in range(3):  # each question had its own place in the history
        page.go_back()
        page.wait_for_url("https://www.bbc.co.uk/**")
    page.goto(f"/s/{code}")  # opening the link afresh is never sent away
    expect(page.get_by_role("button", name="Start", exact=True)).to_be_visible()
    assert "/s/" in page.url
    context.close()
