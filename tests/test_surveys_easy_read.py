"""Easy read: a picture beside each answer and "I don't understand" on every question, counted
apart from the answers in the results."""

import re

from qa.surveys import builder, easy_read, languages, queries, translations, visits
from qa.surveys.models import Answer, NotUnderstood, Question, Response, Survey, Translation
from tests import survey_fixtures
from tests.survey_fixtures import Child, translate

survey, link, child = survey_fixtures.survey, survey_fixtures.link, survey_fixtures.child


def _easy(survey):
    Survey.update(easy_read=True).where(Survey.id == survey.id).execute()
    return Survey.get_by_id(survey.id)


def test_each_answer_gets_a_picture_ticks_and_crosses_for_yes_and_no():
    assert easy_read.picture("yes_no", "yes", "Yes") == "yes"
    assert easy_read.picture("yes_no", "no", "No") == "no"
    assert easy_read.picture("yes_no", "not-sure", "Not sure") == "not-sure"
    assert easy_read.picture("choose_one", "Someone at home", "Someone at home") == "home"
    assert easy_read.picture("choose_many", "A teacher", "A teacher") == "school"
    assert easy_read.picture("choose_many", "Childline", "Childline") == "phone"
    assert easy_read.picture("choose_many", "Online", "Online") == "online"
    assert easy_read.picture("choose_one", "Purple", "Purple") == "other"
    assert easy_read.picture("smiley", "1", "Not good") is None  # faces already


def test_an_easy_read_question_shows_pictures_and_i_dont_understand(child, survey):
    _easy(survey)
    child.start()
    html = child.get("/2").get_data(as_text=True)
    assert "easy-yes.svg" in html and "easy-no.svg" in html and "easy-not-sure.svg" in html
    assert 'value="not_understood"' in html and "I don&#39;t understand" in html
    assert 'alt=""' in html  # the answer's own words, beside it, are its text
    text = child.get("/5").get_data(as_text=True)
    assert 'value="not_understood"' in text  # written answers too


def test_a_survey_that_is_not_easy_read_shows_neither(child):
    child.start()
    html = child.get("/2").get_data(as_text=True)
    assert "easy-yes.svg" not in html and "not_understood" not in html


def test_i_dont_understand_moves_on_and_is_remembered_on_the_way_back(child, survey):
    _easy(survey)
    child.start()
    response = child.answer(1, [], go="not_understood")
    assert response.status_code == 303 and response.location.endswith(f"/s/{child.code}/2")
    html = child.get("/1").get_data(as_text=True)
    assert re.search(r'value="not_understood"[^>]*aria-pressed="true"', html)
    assert "checked" not in html


def test_i_dont_understand_is_kept_apart_from_the_answers_when_sent(child, survey):
    _easy(survey)
    child.start()
    child.answer(1, [], go="not_understood")
    child.answer(2, "yes")
    child.answer(5, [], go="not_understood")
    child.send()
    response = Response.get()
    assert [a.value for a in Answer.select()] == ["yes"]
    puzzled = {
        n.question.position
        for n in NotUnderstood.select().where(NotUnderstood.response == response)
    }
    assert puzzled == {1, 5}


def test_a_survey_that_is_not_easy_read_keeps_no_i_dont_understand(child, survey):
    child.start()
    child.answer(1, "2", go="not_understood")
    assert visits.draft_of(child_key(child))[0] == {str(_q(survey, 1).id): ["2"]}


def child_key(child):
    with child.http.session_transaction() as session:
        return session["survey_visit"]["key"]


def _q(survey, position):
    return survey.questions.where(Question.position == position).get()


def _respond(survey, link, n, value=None, puzzled=False):
    question = _q(survey, 1)
    for _ in range(n):
        response = Response.create(survey=survey, link=link, age_band=survey.age_band)
        if value:
            Answer.create(response=response, question=question, value=value)
        if puzzled:
            NotUnderstood.create(response=response, question=question)


def test_results_count_i_dont_understand_apart_not_in_the_shares(admin_client, survey, link):
    survey = _easy(survey)
    _respond(survey, link, 6, value="3")
    _respond(survey, link, 5, puzzled=True)
    _, summary = queries.results_for(survey)
    first = summary[0]
    assert first["answered"] == 6 and first["not_understood"] == 5
    assert [row["percent"] for row in first["rows"]] == [0, 0, 100]
    html = admin_client.get(f"/admin/surveys/{survey.id}/results").get_data(as_text=True)
    assert "Said “I don&#39;t understand”: 5" in html or "Said “I don't understand”: 5" in html


def test_a_few_who_did_not_understand_show_as_fewer_than_5(survey, link):
    survey = _easy(survey)
    _respond(survey, link, 6, value="3")
    _respond(survey, link, 2, puzzled=True)
    _, summary = queries.results_for(survey)
    assert summary[0]["answered"] == 6 and summary[0]["not_understood"] is None


def test_i_dont_understand_is_a_screen_word_to_translate_only_in_easy_read(survey):
    assert "word.dont_understand" not in [t.key for t in translations.texts_of(survey)]
    survey = _easy(survey)
    assert "word.dont_understand" in [t.key for t in translations.texts_of(survey)]


def test_an_admin_turns_on_easy_read_for_a_childrens_survey_only(admin_client, survey):
    page = admin_client.get(f"/admin/surveys/{survey.id}/edit").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    data = {
        "csrf_token": token,
        "version": str(survey.version),
        "title": survey.title,
        "audience": "children",
        "age_band": "8-12",
        "easy_read": "y",
    }
    assert admin_client.post(f"/admin/surveys/{survey.id}/edit", data=data).status_code == 302
    assert Survey.get_by_id(survey.id).easy_read
    data.update(audience="staff", version=str(Survey.get_by_id(survey.id).version))
    admin_client.post(f"/admin/surveys/{survey.id}/edit", data=data)
    assert not Survey.get_by_id(survey.id).easy_read


def test_a_copy_keeps_easy_read_and_the_translations(app, survey):
    survey = _easy(survey)
    translate(survey, "pl")
    copy = builder.copy_survey(survey)
    assert copy.easy_read
    assert Translation.select().where(Translation.survey == copy).count() == (
        Translation.select().where(Translation.survey == survey).count()
    )
    # the copy's title is new English, so its Polish shows as missing until translated again
    assert translations.complete(copy) == []
    missing = languages.missing(translations.texts_of(copy), translations.given_of(copy.id, "pl"))
    assert missing == ["title"]


def test_an_easy_read_child_in_another_language_sees_i_dont_understand_translated(app, survey):
    survey = _easy(survey)
    translate(survey, "pl")
    visitor = Child(app, survey.links.first().code)
    visitor.get()
    visitor.post("/language", {"language": "pl"})
    visitor.start()
    assert "PL I don&#39;t understand" in visitor.get("/1").get_data(as_text=True)


def test_the_preview_of_an_easy_read_survey_shows_i_dont_understand_as_a_link(admin_client, survey):
    survey = _easy(survey)
    html = admin_client.get(f"/admin/surveys/{survey.id}/preview/2").get_data(as_text=True)
    assert "easy-yes.svg" in html and f"/admin/surveys/{survey.id}/preview/3" in html
    assert "I don&#39;t understand" in html and 'value="not_understood"' not in html
