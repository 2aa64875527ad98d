"""A child's survey is safe to use in a real browser.

Typing capitals never sets off Quick exit; three lone Shifts still do.
"""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import check_axe
from tests.survey_fixtures import make_survey

EXIT = "https://www.bbc.co.uk/weather"
SENTENCE = "My Dad Shouts At Me"


@pytest.fixture
def code(live_app):
    return make_survey().links.first().code


def _context(browser, live_app, **options):
    options.setdefault("viewport", {"width": 1280, "height": 900})
    context = browser.new_context(base_url=live_app.base_url, locale="en-GB", **options)
    context.route(
        "https://www.bbc.co.uk/**",
        lambda route: route.fulfill(
            status=200,
            content_type="text/html",
            body="<!DOCTYPE html><html lang=en><title>Weather</title><h1>Weather</h1></html>",
        ),
    )
    page = context.new_page()
    page.console_errors = []
    page.on("pageerror", lambda exc: page.console_errors.append(str(exc)))
    return context, page


@pytest.fixture
def desktop(browser, live_app):
    context, page = _context(browser, live_app)
    yield page
    context.close()


def _type_with_shift(page, text):
    """Type `text` as a person does on a real keyboard: Shift held down for each capital.

    Half the capitals let go of Shift before the letter (a quick typist's overlap), half after.
    """
    for number, letter in enumerate(text):
        if not letter.isupper():
            page.keyboard.type(letter)
            continue
        page.keyboard.down("Shift")
        page.keyboard.down(f"Key{letter}")
        if number % 2:
            page.keyboard.up("Shift")
            page.keyboard.up(f"Key{letter}")
        else:
            page.keyboard.up(f"Key{letter}")
            page.keyboard.up("Shift")


def _open_written_question(page, code):
    page.goto(f"/s/{code}")
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_text("Question 1 of 6")).to_be_visible()
    page.goto(f"/s/{code}/5")
    box = page.get_by_label("What would make you feel safer?")
    box.click()
    return box


def test_typing_capitals_in_a_written_answer_never_leaves_the_survey(desktop, code):
    page = desktop
    box = _open_written_question(page, code)
    _type_with_shift(page, SENTENCE)
    page.keyboard.type(". " + SENTENCE)
    page.wait_for_timeout(300)  # a Quick exit would be on its way by now
    assert f"/s/{code}/5" in page.url
    expect(box).to_have_value(f"{SENTENCE}. {SENTENCE}")
    # Shift tapped between words (a child unsure of a capital) with letters between: still here.
    for word in ("and", "i", "hate", "it"):
        page.keyboard.press("Shift")
        page.keyboard.type(" " + word)
    page.wait_for_timeout(300)
    assert f"/s/{code}/5" in page.url
    expect(box).to_have_value(f"{SENTENCE}. {SENTENCE} and i hate it")
    check_axe(page, "survey-typed-capitals")
    assert page.console_errors == []


def test_three_lone_shifts_still_leave_even_from_a_written_answer(desktop, code):
    page = desktop
    _open_written_question(page, code)
    page.keyboard.type("Help")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(EXIT)
