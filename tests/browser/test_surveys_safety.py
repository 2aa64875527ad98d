"""A child's survey is safe to use in a real browser.

Typing capitals never sets off Quick exit; three lone Shifts still do; a disclosure reaches the
review queue and the reviewer's home page.
"""

import pytest
from playwright.sync_api import expect

from qa.surveys.models import Flag, FlagReviewer, SurveyDraft
from tests.browser.child_pages import child_context
from tests.browser.conftest import check_axe, sign_in
from tests.survey_fixtures import make_survey

EXIT = "https://www.bbc.co.uk/weather"
SENTENCE = "My Dad Shouts At Me"


@pytest.fixture
def code(live_app):
    return make_survey().links.first().code


@pytest.fixture
def desktop(browser, live_app):
    context, page = child_context(browser, live_app, console_messages=False)
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


def test_a_disclosure_reaches_the_named_reviewers_home_page_and_review_queue(
    desktop, page, code, people
):
    child = desktop
    FlagReviewer.create(user=people["lead_b"])
    box = _open_written_question(child, code)
    box.fill("my uncle touches me at night and i want to kill my self")
    child.get_by_role("button", name="Next").click()
    expect(child.get_by_text("Question 6 of 6")).to_be_visible()
    child.goto(f"/s/{code}/send")
    child.get_by_role("button", name="Send my answers").click()
    expect(child.get_by_text("Your answers have been sent")).to_be_visible()

    sign_in(page, people["lead_b"].email)
    expect(page.get_by_text("1 new")).to_be_visible()
    check_axe(page, "home-flags-waiting")
    page.get_by_role("link", name="1 flagged answer needs review").click()
    expect(page.get_by_role("heading", name="Written answers and flags")).to_be_visible()
    expect(page.locator(".qa-quote")).to_have_text(
        "my uncle touches me at night and i want to kill my self"
    )
    check_axe(page, "survey-review-queue")
    page.get_by_label("What you did").fill("Rang the MASH; referral made")
    page.get_by_role("button", name="Mark as reviewed").click()
    expect(page.get_by_text("Marked as reviewed")).to_be_visible()
    expect(page.get_by_text("No flagged answers are waiting for review.")).to_be_visible()
    check_axe(page)
    assert Flag.get().reviewed_by_id == people["lead_b"].id


@pytest.fixture
def phone(browser, live_app):
    context, page = child_context(
        browser,
        live_app,
        console_messages=False,
        viewport={"width": 360, "height": 640},
        has_touch=True,
        is_mobile=True,
    )
    yield page
    context.close()


def test_on_a_phone_the_child_is_told_the_truth_and_where_to_get_help_now(phone, code):
    page = phone
    page.goto(f"/s/{code}")
    expect(page.get_by_text("This survey can't send help")).to_be_visible()
    page.get_by_role("link", name="How we look after your answers").click()
    expect(page.get_by_role("heading", name="How we look after your answers")).to_be_visible()
    expect(page.get_by_role("heading", name="Your rights")).to_be_visible()
    check_axe(page, "survey-privacy-phone")
    page.get_by_role("link", name="Back to the survey").first.click()
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_text("Question 1 of 6")).to_be_visible()
    page.goto(f"/s/{code}/5")
    call = page.get_by_role("link", name="Call Childline free on 0800 1111")
    expect(call).to_have_attribute("href", "tel:08001111")
    expect(page.get_by_role("link", name="Talk to Childline online")).to_have_attribute(
        "href", "https://www.childline.org.uk/get-support/"
    )
    check_axe(page, "survey-help-now-phone")
    page.goto(f"/s/{code}/send")
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_text("Your answers have been sent")).to_be_visible()
    expect(page.get_by_role("heading", name="If you need help now")).to_be_visible()
    check_axe(page, "survey-thanks-help-now-phone")
    assert page.console_errors == []


def _answer_then_quick_exit(page, code):
    page.goto(f"/s/{code}")
    page.get_by_role("button", name="Start").click()
    page.get_by_label("Good", exact=True).check()
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("Question 2 of 6")).to_be_visible()
    page.get_by_label("Yes").check()
    page.get_by_role("button", name="Quick exit").click()
    page.wait_for_url(EXIT)


def _nothing_left(page, code):
    assert SurveyDraft.select().count() == 0
    page.goto(f"/s/{code}/1")  # the link opened again on the same phone, even at a question
    expect(page.get_by_role("button", name="Start")).to_be_visible()
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_text("Question 1 of 6")).to_be_visible()
    for face in ("Not good", "OK", "Good"):
        expect(page.get_by_label(face, exact=True)).not_to_be_checked()


def test_quick_exit_clears_the_visit_so_reopening_the_link_shows_nothing_ticked(phone, code):
    _answer_then_quick_exit(phone, code)
    phone.go_back()
    assert "/s/" not in phone.url
    _nothing_left(phone, code)
    check_axe(phone, "survey-after-quick-exit-phone")


def test_quick_exit_without_javascript_is_a_plain_link_that_clears_the_visit(
    browser, live_app, code
):
    context, page = child_context(
        browser, live_app, console_messages=False, java_script_enabled=False
    )
    _answer_then_quick_exit(page, code)
    _nothing_left(page, code)
    context.close()
