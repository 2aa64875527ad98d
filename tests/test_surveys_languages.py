"""A survey in other languages: the texts a translation gives, the builder's Translations pages,
the child choosing a language, and answers in every language counted together."""

import re

from qa.audit import AuditEvent
from qa.surveys import languages, translations
from qa.surveys.models import Answer, Question, Response, Translation
from tests import survey_fixtures
from tests.survey_fixtures import Child, translate

survey, link, child = survey_fixtures.survey, survey_fixtures.link, survey_fixtures.child


def _keys(survey):
    return [text.key for text in translations.texts_of(survey)]


def test_a_translation_gives_every_question_answer_and_screen_word(survey):
    keys = _keys(survey)
    first = survey.questions.order_by(Question.position).first()
    assert keys[:3] == ["title", "introduction", "safety"]
    assert f"q.{first.key}.prompt" in keys
    assert [k for k in keys if k.startswith(f"q.{first.key}.option.")] == [
        f"q.{first.key}.option.{i}" for i in range(3)
    ]
    for name in ("start", "next", "back", "send", "thanks", "help"):
        assert f"word.{name}" in keys
    # yes / no / not sure are screen words, not options of each question
    yes_no = survey.questions.where(Question.kind == "yes_no").get()
    assert not [k for k in keys if k.startswith(f"q.{yes_no.key}.option")]
    assert "word.dont_understand" not in keys


def test_the_languages_on_offer_include_the_seven_asked_for_with_urdu_and_arabic_right_to_left():
    names = {language.english for language in languages.LANGUAGES.values()}
    assert {"Welsh", "Polish", "Urdu", "Arabic", "Romanian", "Punjabi", "Bengali"} <= names
    assert {code for code, language in languages.LANGUAGES.items() if language.rtl} >= {"ur", "ar"}


def test_a_translation_of_english_changed_since_counts_as_missing(survey):
    texts = translations.texts_of(survey)
    given = {text.key: (text.english, "x") for text in texts}
    assert languages.missing(texts, given) == []
    given["title"] = ("An older title", "x")
    del given["word.next"]
    assert languages.missing(texts, given) == ["title", "word.next"]


def test_the_translator_falls_back_to_english_text_by_text(survey):
    question = survey.questions.where(Question.kind == "choose_one").get()
    given = {
        f"q.{question.key}.prompt": (question.prompt, "Z kim porozmawiasz najpierw?"),
        f"q.{question.key}.option.1": ("Somebody else", "Ktoś inny"),  # stale: English changed
        "word.yes": ("Yes", "Tak"),
    }
    tr = languages.Translator(languages.LANGUAGES["pl"], given)
    assert tr.prompt(question) == "Z kim porozmawiasz najpierw?"
    assert tr.label(question, "Someone at home", "Someone at home") == "Someone at home"
    yes_no = survey.questions.where(Question.kind == "yes_no").get()
    assert tr.label(yes_no, "yes", "Yes") == "Tak" and tr.label(yes_no, "no", "No") == "No"
    assert tr.word("question_of", number=2, total=6) == "Question 2 of 6"


def test_the_figures_must_stay_in_question_n_of_m():
    assert languages.problem("word.question_of", "Pytanie {number} z {total}") is None
    assert "{total}" in languages.problem("word.question_of", "Pytanie {number}")


def test_the_translations_page_lists_each_language_and_what_is_missing(admin_client, survey):
    translate(survey, "pl", leave_out=("word.next",))
    html = admin_client.get(f"/admin/surveys/{survey.id}/translations").get_data(as_text=True)
    assert "Polish" in html and "Welsh" in html and "Urdu" in html
    assert "1 of " in html and "texts missing" in html and "Not started" in html
    page = admin_client.get(f"/admin/surveys/{survey.id}/translations/pl").get_data(as_text=True)
    assert "1 of " in page and "Missing" in page
    assert (
        "How safe do you feel at school?" in page and "PL How safe do you feel at school?" in page
    )
    assert 'lang="pl"' in page


def test_an_admin_saves_a_translation_beside_the_english(admin_client, survey):
    page = admin_client.get(f"/admin/surveys/{survey.id}/translations/ur").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    assert 'dir="rtl"' in page
    data = {"csrf_token": token, "text_0": "آپ کتنا محفوظ محسوس کرتے ہیں؟", "note": "Demo"}
    response = admin_client.post(f"/admin/surveys/{survey.id}/translations/ur", data=data)
    assert response.status_code == 302
    title = Translation.get(Translation.language == "ur", Translation.key == "title")
    assert title.text == "آپ کتنا محفوظ محسوس کرتے ہیں؟" and title.english == survey.title
    assert AuditEvent.select().where(AuditEvent.verb == "translated").count() == 1


def test_a_translation_that_loses_the_figures_is_refused_and_kept(admin_client, survey):
    texts = translations.texts_of(survey)
    index = [text.key for text in texts].index("word.question_of")
    page = admin_client.get(f"/admin/surveys/{survey.id}/translations/pl").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    response = admin_client.post(
        f"/admin/surveys/{survey.id}/translations/pl",
        data={"csrf_token": token, f"text_{index}": "Pytanie {number}"},
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "Keep {total} in the translation" in html
    assert "Pytanie {number}" in html and Translation.select().count() == 0


def test_an_unknown_language_is_not_found(admin_client, survey):
    assert admin_client.get(f"/admin/surveys/{survey.id}/translations/xx").status_code == 404


def test_only_complete_translations_are_offered_to_a_child(child, survey):
    translate(survey, "pl")
    translate(survey, "cy", leave_out=("word.back",))
    html = child.get().get_data(as_text=True)
    assert ">Polski</button>" in html and "Cymraeg" not in html and ">English</button>" in html
    child.post("/language", {"language": "cy"})
    assert '<html lang="en-GB"' in child.get().get_data(as_text=True)


def test_a_survey_without_translations_offers_no_choice(child):
    assert "qa-languages" not in child.get().get_data(as_text=True)


def test_a_child_who_chooses_polish_sees_every_screen_in_polish(child, survey):
    translate(survey, "pl")
    child.get()
    response = child.post("/language", {"language": "pl"})
    assert response.status_code == 303 and response.location.endswith(f"/s/{child.code}")
    intro = child.get().get_data(as_text=True)
    assert '<html lang="pl"' in intro and 'dir="rtl"' not in intro
    assert "PL How safe do you feel?" in intro and ">PL Start</button>" in intro
    assert 'aria-current="true">Polski' in intro
    child.post()
    first = child.get("/1").get_data(as_text=True)
    assert "PL Question 1 of 6" in first and "PL How safe do you feel at school?" in first
    assert "PL Not good" in first and 'value="1"' in first and ">PL Next</button>" in first
    second = child.get("/2").get_data(as_text=True)
    assert ">PL Yes</span>" in second and 'value="yes"' in second
    choose = child.get("/3").get_data(as_text=True)
    assert "PL A teacher" in choose and 'value="A teacher"' in choose
    assert ">PL Send my answers</button>" in child.get("/send").get_data(as_text=True)


def test_answers_in_polish_are_stored_against_the_same_answers(child, survey):
    translate(survey, "pl")
    child.get()
    child.post("/language", {"language": "pl"})
    child.start()
    child.answer(1, "3")
    child.answer(3, "A teacher")
    child.send()
    response = Response.get()
    assert response.language == "pl"
    assert sorted(a.value for a in Answer.select()) == ["3", "A teacher"]
    thanks = child.get("/thanks").get_data(as_text=True)
    assert "PL Thank you!" in thanks and "PL If you are worried" in thanks


def test_urdu_screens_are_laid_out_right_to_left(child, survey):
    translate(survey, "ur", write=lambda english: f"اردو {english}")
    child.get()
    child.post("/language", {"language": "ur"})
    html = child.get().get_data(as_text=True)
    assert '<html lang="ur" dir="rtl"' in html


def test_quick_exit_forgets_the_language_chosen(child, survey):
    translate(survey, "pl")
    child.get()
    child.post("/language", {"language": "pl"})
    assert '<html lang="pl"' in child.get().get_data(as_text=True)
    child.get("/exit")
    assert '<html lang="en-GB"' in child.get().get_data(as_text=True)


def test_choosing_english_again_goes_back_to_english(child, survey):
    translate(survey, "pl")
    child.get()
    child.post("/language", {"language": "pl"})
    child.get()
    child.post("/language", {"language": "en-GB"})
    html = child.get().get_data(as_text=True)
    assert '<html lang="en-GB"' in html and "PL How safe" not in html


def test_a_language_chosen_for_one_survey_does_not_follow_the_child_to_another(app, survey):
    translate(survey, "pl")
    first, second = list(survey.links)
    visitor = Child(app, first.code)
    visitor.get()
    visitor.post("/language", {"language": "pl"})
    visitor.code = second.code
    assert '<html lang="en-GB"' in visitor.get().get_data(as_text=True)


def test_results_count_each_language_only_when_each_has_five_or_more():
    assert languages.counts_shown({"": 12, "pl": 4}) == []
    assert languages.counts_shown({"": 12}) == []
    assert languages.counts_shown({"": 12, "pl": 5, "ur": 0}) == [("English", 12), ("Polish", 5)]


def test_the_results_page_shows_responses_by_language(admin_client, survey, link):
    for language, n in (("", 6), ("pl", 5)):
        for _ in range(n):
            Response.create(survey=survey, link=link, language=language)
    html = admin_client.get(f"/admin/surveys/{survey.id}/results").get_data(as_text=True)
    assert "Responses by language" in html and "Polish" in html
    Response.create(survey=survey, link=link, language="ur")
    html = admin_client.get(f"/admin/surveys/{survey.id}/results").get_data(as_text=True)
    assert "Responses by language" not in html and "Urdu" not in html


def test_the_demo_survey_carries_a_complete_polish_translation_marked_as_unchecked(app):
    from qa.surveys import demo
    from qa.surveys.models import Survey

    demo.load()
    this_year = Survey.get(Survey.title == demo.THIS_YEAR)
    assert [language.code for language in translations.complete(this_year)] == ["pl"]
    note = translations.given_of(this_year.id, "pl")[languages.NOTE][1]
    assert "not checked by a translator" in note


def test_staff_surveys_offer_no_translations(admin_client, app):
    from tests.staff_fixtures import make_staff_survey

    staff_survey = make_staff_survey()
    translate(staff_survey, "pl")
    assert translations.complete(staff_survey) == []
    html = admin_client.get(f"/admin/surveys/{staff_survey.id}").get_data(as_text=True)
    assert "Translations" not in html


def test_the_page_titles_are_in_the_chosen_language(child, survey):
    translate(survey, "pl")
    child.get()
    child.post("/language", {"language": "pl"})
    assert "<title>PL How safe do you feel?</title>" in child.get().get_data(as_text=True)
    child.post()
    html = child.get("/1").get_data(as_text=True)
    assert "<title>PL Question 1 of 6: PL How safe do you feel?</title>" in html
    assert 'data-title="PL Question 1 of 6: PL How safe do you feel?"' in html
