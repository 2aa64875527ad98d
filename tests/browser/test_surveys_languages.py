"""A child answers in another language, right-to-left scripts mirror the screen, and easy read
shows pictures and "I don't understand", on a 360 × 640 phone.
"""

import pytest
from playwright.sync_api import expect

from qa.surveys.demo_translation import POLISH
from qa.surveys.models import Answer, NotUnderstood, Question, Response, Survey
from tests.browser.conftest import check_axe, sign_in
from tests.survey_fixtures import make_survey, translate

URDU = {
    "How safe do you feel?": "آپ کتنا محفوظ محسوس کرتے ہیں؟",
    "We want to know if you feel safe.": "ہم جاننا چاہتے ہیں کہ کیا آپ محفوظ محسوس کرتے ہیں۔",
    "How safe do you feel at school?": "آپ اسکول میں کتنا محفوظ محسوس کرتے ہیں؟",
    "Not good": "اچھا نہیں",
    "OK": "ٹھیک ہے",
    "Good": "اچھا",
    "Start": "شروع کریں",
    "Next": "آگے",
    "Back": "پیچھے",
    "Skip this question": "یہ سوال چھوڑ دیں",
    "Question {number} of {total}": "سوال {number} از {total}",
    "If you are worried": "اگر آپ پریشان ہیں",
}


@pytest.fixture
def phone(browser, live_app):
    context = browser.new_context(
        base_url=live_app.base_url,
        locale="en-GB",
        viewport={"width": 360, "height": 640},
        has_touch=True,
        is_mobile=True,
    )
    page = context.new_page()
    page.console_errors = []
    page.on("pageerror", lambda exc: page.console_errors.append(str(exc)))
    yield page
    context.close()


def test_a_child_chooses_polish_answers_and_sends(phone):
    survey = make_survey()
    translate(survey, "pl", write=lambda english: POLISH.get(english, f"PL {english}"))
    page = phone
    page.goto(f"/s/{survey.links.first().code}")
    check_axe(page, "survey-languages-intro")
    page.get_by_role("button", name="Polski").click()
    expect(page.locator("html")).to_have_attribute("lang", "pl")
    expect(page.get_by_role("button", name="Polski")).to_have_attribute("aria-current", "true")
    check_axe(page, "survey-polish-intro")
    page.get_by_role("button", name="Zacznij").click()

    expect(page.get_by_text("Pytanie 1 z 6")).to_be_visible()
    expect(
        page.get_by_role("heading", name="Jak bezpiecznie czujesz się w szkole?")
    ).to_be_visible()
    check_axe(page, "survey-polish-question")
    page.get_by_label("Dobrze", exact=True).check()
    page.get_by_role("button", name="Dalej").click()
    expect(page.get_by_text("Pytanie 2 z 6")).to_be_visible()
    page.get_by_label("Tak", exact=True).check()
    page.get_by_role("button", name="Dalej").click()
    expect(page.get_by_text("Pytanie 3 z 6")).to_be_visible()
    page.get_by_label("Nauczyciel lub nauczycielka").check()
    page.get_by_role("button", name="Dalej").click()
    expect(page.get_by_text("Pytanie 4 z 6")).to_be_visible()
    for number in (4, 5, 6):
        page.get_by_role("button", name="Pomiń to pytanie").click()
        if number < 6:
            expect(page.get_by_text(f"Pytanie {number + 1} z 6")).to_be_visible()
    expect(page.get_by_role("heading", name="To już wszystkie pytania")).to_be_visible()
    page.get_by_role("button", name="Wyślij moje odpowiedzi").click()
    expect(page.get_by_text("Twoje odpowiedzi zostały wysłane")).to_be_visible()
    check_axe(page, "survey-polish-thanks")

    response = Response.get()
    assert response.language == "pl"
    assert sorted(a.value for a in Answer.select()) == ["3", "A teacher", "yes"]
    assert page.console_errors == []


def test_urdu_lays_the_screen_out_right_to_left(phone):
    survey = make_survey()
    translate(survey, "ur", write=lambda english: URDU.get(english, f"(اردو) {english}"))
    page = phone
    page.goto(f"/s/{survey.links.first().code}")
    page.get_by_role("button", name="اردو").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ur")
    check_axe(page, "survey-urdu-intro")
    page.get_by_role("button", name="شروع کریں").click()
    heading = page.get_by_role("heading", name="آپ اسکول میں کتنا محفوظ محسوس کرتے ہیں؟")
    expect(heading).to_be_visible()
    assert heading.evaluate("element => getComputedStyle(element).direction") == "rtl"
    # mirrored: the words of "Question 1 of 6" hug the right edge of the 360 px screen
    left, right = page.locator(".qa-progress__text").evaluate(
        "element => { const range = document.createRange(); range.selectNodeContents(element);"
        " const box = range.getBoundingClientRect(); return [box.left, box.right]; }"
    )
    assert right > 330 and left > 150, (left, right)
    check_axe(page, "survey-urdu-question")
    page.get_by_label("اچھا", exact=True).check()
    page.get_by_role("button", name="آگے").click()
    expect(page.get_by_text("سوال 2 از 6")).to_be_visible()
    assert page.console_errors == []


def test_easy_read_shows_pictures_and_i_dont_understand_counted_apart(
    phone, browser, live_app, people
):
    survey = make_survey(easy_read=True)
    link = survey.links.first()
    page = phone
    page.goto(f"/s/{link.code}")
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_text("Question 1 of 6")).to_be_visible()
    page.get_by_role("button", name="I don't understand").click()
    expect(page.get_by_text("Question 2 of 6")).to_be_visible()
    pictures = page.locator(".qa-choice img.qa-easy__picture")
    expect(pictures).to_have_count(3)
    for picture in pictures.all():
        expect(picture).to_be_visible()
        # drawn, not a broken image: waits for the picture to arrive (an htmx swap has no load
        # event to wait for)
        page.wait_for_function(
            "img => img.complete && img.naturalWidth > 0", arg=picture.element_handle()
        )
    expect(page.locator("img[src$='easy-yes.svg']")).to_be_visible()
    expect(page.locator("img[src$='easy-no.svg']")).to_be_visible()
    check_axe(page, "survey-easy-read-yes-no")
    page.get_by_label("Yes").check()
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("Question 3 of 6")).to_be_visible()
    check_axe(page, "survey-easy-read-choose")
    page.get_by_role("button", name="Back").click()
    # the second Back is pressed on question 2, not on question 3 as it goes
    expect(page.get_by_text("Question 2 of 6")).to_be_visible()
    page.get_by_role("button", name="Back").click()
    expect(page.get_by_text("Question 1 of 6")).to_be_visible()
    expect(page.get_by_role("button", name="I don't understand")).to_have_attribute(
        "aria-pressed", "true"
    )
    page.goto(f"/s/{link.code}/send")
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_text("Your answers have been sent")).to_be_visible()
    first = survey.questions.where(Question.position == 1).get()
    assert NotUnderstood.select().where(NotUnderstood.question == first).count() == 1
    assert not Answer.select().where(Answer.question == first).exists()

    # four more children did not understand it and six answered it: the results count them apart
    for n in range(10):
        response = Response.create(survey=survey, link=link, age_band="8-12")
        if n < 4:
            NotUnderstood.create(response=response, question=first)
        else:
            Answer.create(response=response, question=first, value="3")
    admin = browser.new_context(base_url=live_app.base_url, viewport={"width": 1280, "height": 900})
    desk = admin.new_page()
    sign_in(desk, people["admin"].email)
    desk.goto(f"/admin/surveys/{survey.id}/results")
    section = desk.locator(".qa-results-question").first
    expect(section).to_contain_text("Answered by 6")
    expect(section).to_contain_text("Said “I don't understand”: 5")
    expect(section).to_contain_text("6 (100%)")
    check_axe(desk, "survey-easy-read-results")
    admin.close()


def test_admin_translates_a_survey_beside_the_english(page, people):
    survey = make_survey(status="draft")
    sign_in(page, people["admin"].email)
    page.goto(f"/admin/surveys/{survey.id}")
    page.get_by_role("link", name="Translations").click()
    check_axe(page, "survey-translations")
    page.get_by_role("link", name="Translate the Urdu translation").click()
    expect(page.get_by_text("How safe do you feel at school?").first).to_be_visible()
    page.get_by_label("Title").fill("آپ کتنا محفوظ محسوس کرتے ہیں؟")
    expect(page.get_by_label("Title")).to_have_attribute("dir", "rtl")
    check_axe(page, "survey-translation-urdu")
    page.get_by_role("button", name="Save translation").click()
    expect(page.get_by_text("Urdu translation saved")).to_be_visible()
    expect(page.get_by_label("Title")).to_have_value("آپ کتنا محفوظ محسوس کرتے ہیں؟")
    assert Survey.get_by_id(survey.id).translations.count() == 1
