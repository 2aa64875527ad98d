"""A child is never lost in a survey, and reads the right words.

Each screen's own address, carrying on an unfinished visit, answer scales that fit the question,
the reading-age check's jargon list.
"""

import io
import re
from pathlib import Path

from pypdf import PdfReader

from qa.surveys import demo, kinds
from qa.surveys.models import Question, Survey, SurveyDraft, SurveyLink
from tests import staff_fixtures, survey_fixtures
from tests.survey_fixtures import Child, make_survey

survey, link, child = survey_fixtures.survey, survey_fixtures.link, survey_fixtures.child
staff_survey, practitioner = staff_fixtures.staff_survey, staff_fixtures.practitioner

HTMX = {"HX-Request": "true"}


def test_each_screen_htmx_brings_in_gets_its_own_address_in_the_history(child):
    child.start()
    response = child.get("/2", headers=HTMX)
    assert response.headers["HX-Push-Url"] == f"/s/{child.code}/2"
    # a corrected answer is shown at the address it already has: nothing more in the history
    assert "HX-Push-Url" not in child.post("/2", {"answer": "maybe"}, headers=HTMX).headers
    # the phone's Back button reloads the whole screen, answer and all, from the server
    assert "HX-Push-Url" not in child.get("/2").headers


def test_an_unfinished_visit_carries_on_where_it_stopped(child):
    child.start()
    for number, value in ((1, "3"), (2, "yes"), (3, "A friend")):
        child.answer(number, value)
    html = child.get().get_data(as_text=True)
    assert "Your answers are still here" in html and "Start again with no answers" in html
    response = child.post()
    assert response.location.endswith(f"/s/{child.code}/4")
    assert 'value="3" checked' in child.get("/1").get_data(as_text=True)
    assert SurveyDraft.select().count() == 1


def test_a_skipped_question_counts_as_done_and_all_done_goes_to_sending(child):
    child.start()
    child.answer(1, "3")
    child.post("/2", {"go": "skip"})
    assert child.post().location.endswith(f"/s/{child.code}/3")
    for number in range(3, 7):
        child.post(f"/{number}", {"go": "skip"})
    assert child.post().location.endswith(f"/s/{child.code}/send")


def test_start_again_drops_the_answers_and_begins_a_new_visit(child):
    child.start()
    child.answer(1, "3")
    key = child.http.get_cookie("session")
    response = child.post("", {"go": "again"})
    assert response.location.endswith(f"/s/{child.code}/1")
    assert SurveyDraft.select().count() == 0 and child.http.get_cookie("session") != key
    assert "Your answers are still here" not in child.get().get_data(as_text=True)


def test_nothing_to_carry_on_after_sending_or_before_any_answer(child):
    child.start()
    assert "Your answers are still here" not in child.get().get_data(as_text=True)
    child.answer(1, "3")
    child.send()
    assert "Your answers are still here" not in child.get().get_data(as_text=True)
    assert child.post().location.endswith(f"/s/{child.code}/1")


def _text_of_buttons(html):
    buttons = re.findall(r"<button[^>]*>(.*?)</button>", html, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", b).split()) for b in buttons]


def test_the_builders_move_buttons_name_the_question_they_move(admin_client):
    draft = make_survey(status="draft")
    html = admin_client.get(f"/admin/surveys/{draft.id}").get_data(as_text=True)
    buttons = _text_of_buttons(html)
    assert "Move question 1 down" in buttons and "Move question 1 up" not in buttons
    assert "Move question 3 up" in buttons and "Move question 3 down" in buttons
    assert "Move question 6 up" in buttons and "Move question 6 down" not in buttons
    assert "Move question 1 up" not in buttons


def test_the_builder_offers_answer_scales_in_words_for_the_age_band(admin_client):
    younger, older = make_survey(status="draft"), make_survey(status="draft", age_band="13-17")
    page = admin_client.get(f"/admin/surveys/{younger.id}/questions/new").get_data(as_text=True)
    assert "How safe, 5 answers: Very unsafe … Very safe" in page
    assert "Agree or disagree, 5 answers: Strongly disagree … Strongly agree" in page
    assert "How often, 5 answers: Never … Always" in page
    for survey in (younger, older):
        admin_client.post(
            f"/admin/surveys/{survey.id}/questions/new",
            {
                "version": "1",
                "kind": "smiley",
                "prompt": "How safe do you feel at the park?",
                "answer_scale": "safe-5",
                "options": "",
            },
        )
    young, old = (Question.select().order_by(Question.id.desc()).limit(2))[::-1]
    assert young.scale == old.scale == "safe"
    assert young.option_list == [
        "Not safe at all",
        "Not very safe",
        "Not sure",
        "Safe",
        "Very safe",
    ]
    assert old.option_list == ["Very unsafe", "Unsafe", "Not sure", "Safe", "Very safe"]
    # opened again, the form shows the scale chosen
    page = admin_client.get(f"/admin/surveys/{younger.id}/questions/{young.id}")
    assert '<option value="safe-5" selected>' in page.get_data(as_text=True)


def test_own_words_stay_as_written_and_a_how_often_scale_shows_as_words(admin_client, app):
    survey = make_survey(status="draft")
    first = Question.get(Question.survey == survey, Question.position == 1)
    assert first.scale == "" and first.option_list == ["Not good", "OK", "Good"]
    admin_client.post(
        f"/admin/surveys/{survey.id}/questions/new",
        {"version": "1", "kind": "smiley", "prompt": "How often?", "answer_scale": "often-3"},
    )
    often = Question.select().order_by(Question.id.desc()).first()
    assert often.option_list == ["Never", "Sometimes", "Always"]
    survey.status = "open"
    survey.save()
    visitor = Child(app, survey.links.first().code)
    visitor.start()
    html = visitor.get(f"/{often.position}").get_data(as_text=True)
    # no happy face for "Always": how often can be good or bad
    assert "Sometimes" in html and "face-5.svg" not in html and 'type="radio"' in html


def test_migration_0016_keeps_the_words_of_existing_questions(app):
    text = (Path(__file__).parents[1] / "migrations" / "0016_answer_scales.py").read_text()
    assert "add_column" in text and "'scale'" in text.replace('"', "'")
    assert "CharField(default='')" in text.replace('"', "'")


def test_the_demo_asks_how_safe_children_feel_at_home_on_the_safe_scale(app):
    demo.load()
    for question in Question.select().where(Question.prompt == "How safe do you feel at home?"):
        assert question.scale == "safe", question.survey.title
        assert question.option_list[-1] == "Safe" or question.option_list[-1] == "Very safe"
        assert "happy" not in " ".join(question.option_list).lower()
    assert kinds.scale_named(["Very unhappy", "Unhappy", "OK", "Happy", "Very happy"]) == "happy"


def test_the_reading_age_check_knows_professionals_words_and_initials():
    from qa.surveys.readability import check

    jargon = check("Do you know who your IRO is and how to contact the LADO or MASH?", "8-12")
    assert jargon.too_hard and jargon.words[:3] == ("IRO", "LADO", "MASH")
    assert "Words that made it harder: IRO, LADO, MASH" in jargon.message
    assert not check("Do grown-ups listen?", "8-12").too_hard
    for words in ("Have you met the SENCO?", "Do you have an EHCP?", "Did CAMHS help you?"):
        assert check(words, "8-12").too_hard, words
    safeguarding = check("Does the multi-agency safeguarding team help you?", "13-17")
    assert {"multi-agency", "safeguarding"} <= set(safeguarding.words)
    # the answers are checked too
    answers = check("Who helped you?", "8-12", ["My CP worker", "My LAC nurse", "A friend"])
    assert answers.too_hard and {"CP", "LAC"} <= set(answers.words)
    assert not check("Who helped you?", "8-12", ["A teacher", "A friend"]).too_hard
    # staff know their own words
    assert "MASH" not in check("Do you refer to the MASH?", "adult").words


def test_the_builder_shows_the_words_that_made_a_question_hard(admin_client):
    draft = make_survey(status="draft")
    admin_client.post(
        f"/admin/surveys/{draft.id}/questions/new",
        {"version": "1", "kind": "choose_one", "prompt": "Who helps?", "options": "IRO\nMum"},
    )
    html = admin_client.get(f"/admin/surveys/{draft.id}").get_data(as_text=True)
    assert "Words that made it harder: IRO" in html


def test_the_staff_survey_says_how_long_it_takes_once(admin_client, app):
    admin_client.post("/admin/surveys/starter", {"age_band": "staff"})
    staff = Survey.get(Survey.audience == "staff")
    staff.status = "open"
    staff.save()
    code = SurveyLink.create(survey=staff, label="Team meeting").code
    html = Child(app, code).get().get_data(as_text=True)
    assert html.count("about three minutes") == 1, html.count("about three minutes")


def test_prefer_not_to_say_comes_first_in_the_list_of_organisations(practitioner):
    practitioner.start()
    html = practitioner.get("/about").get_data(as_text=True)
    values = re.findall(r'<option value="([^"]*)"', html)
    assert values[:2] == ["", "not-said"] and values.count("not-said") == 1
    assert values[-1] == "other"


def test_the_poster_of_a_staff_survey_speaks_to_staff(admin_client, staff_survey):
    link = staff_survey.links.first() or SurveyLink.create(survey=staff_survey, label="Team")
    response = admin_client.get(f"/admin/surveys/links/{link.id}/poster.pdf")
    text = PdfReader(io.BytesIO(response.data)).pages[0].extract_text()
    assert "anonymous" in text and "groups of 5" in text and "what staff told us" in text
    assert "secret" not in text and "Childline" not in text
