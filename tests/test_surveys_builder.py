"""Building a survey: starter surveys, questions added, checked for reading age, reordered.

Locked once answered.
"""

import json

from qa.audit import AuditEvent
from qa.surveys.models import Question, Response, Survey
from qa.surveys.readability import check, reading_age
from tests.survey_fixtures import make_survey


def test_admin_creates_a_survey_and_adds_a_question(admin_client):
    response = admin_client.post(
        "/admin/surveys/new",
        {
            "version": "1",
            "title": "Feeling safe",
            "audience": "children",
            "age_band": "8-12",
            "introduction": "Tell us.",
            "readers": "",
            "safety_message": "",
        },
    )
    survey = Survey.get()
    assert response.status_code == 302 and response.location.endswith(f"/admin/surveys/{survey.id}")
    response = admin_client.post(
        f"/admin/surveys/{survey.id}/questions/new",
        {
            "version": "1",
            "kind": "smiley",
            "prompt": "Do you feel safe?",
            "hint": "",
            "options": "Sad\nOK\nHappy",
        },
    )
    assert response.status_code == 302
    question = Question.get()
    assert (
        question.option_list == ["Sad", "OK", "Happy"]
        and question.position == 1
        and len(question.key) == 12
    )
    assert AuditEvent.select().where(AuditEvent.object_type == "Question").exists()


def test_a_smiley_scale_needs_three_or_five_faces_and_blank_means_the_usual_five(admin_client, app):
    survey = make_survey(status="draft")
    page = admin_client.post(
        f"/admin/surveys/{survey.id}/questions/new",
        {"version": "1", "kind": "smiley", "prompt": "How?", "options": "a\nb\nc\nd"},
    )
    assert page.status_code == 200 and "3 or 5" in page.get_data(as_text=True)
    admin_client.post(
        f"/admin/surveys/{survey.id}/questions/new",
        {"version": "1", "kind": "smiley", "prompt": "How?", "options": ""},
    )
    assert Question.select().order_by(Question.id.desc()).first().option_list == [
        "Very unhappy",
        "Unhappy",
        "OK",
        "Happy",
        "Very happy",
    ]


def test_starter_surveys_exist_for_each_age_band_in_plain_words(admin_client, app):
    for band in ("8-12", "13-17"):
        admin_client.post("/admin/surveys/starter", {"age_band": band})
    surveys = list(Survey.select().order_by(Survey.id))
    assert [s.age_band for s in surveys] == ["8-12", "13-17"]
    for survey in surveys:
        prompts = [q.prompt for q in survey.questions]
        assert any("at home" in p for p in prompts) and any("online" in p for p in prompts)
        assert any("talk to" in p for p in prompts) and any("listen" in p for p in prompts)
        assert all(not check(p, survey.age_band).too_hard for p in prompts), prompts


def test_reading_age_warns_gently_above_the_bands_target():
    assert reading_age("Do you feel safe at school?") <= 9
    hard = check(
        "How satisfied are you with the responsiveness of professionals supporting your family's "
        "circumstances?",
        "8-12",
    )
    assert hard.too_hard and "harder than" in hard.message
    assert not check("Do you feel safe at school?", "8-12").too_hard


def test_builder_shows_a_wording_warning_for_hard_questions(admin_client, app):
    survey = make_survey(status="draft")
    Question.create(
        survey=survey,
        position=9,
        kind="yes_no",
        prompt="Notwithstanding institutional considerations, do multidisciplinary "
        "practitioners communicate appropriately?",
    )
    html = admin_client.get(f"/admin/surveys/{survey.id}").get_data(as_text=True)
    assert html.count("Check wording") == 1


def test_questions_are_reordered_with_htmx_and_only_the_list_comes_back(admin_client, app):
    survey = make_survey(status="draft")
    first, second = list(survey.questions.order_by(Question.position))[:2]
    response = admin_client.post(
        f"/admin/surveys/{survey.id}/questions/{second.id}/move", {"direction": "up"}, htmx=True
    )
    html = response.get_data(as_text=True)
    assert html.lstrip().startswith('<section id="questions"') and "<html" not in html
    assert [q.id for q in survey.questions.order_by(Question.position)][:2] == [second.id, first.id]


def test_questions_cannot_change_once_the_survey_is_open(admin_client, app):
    survey = make_survey(status="open")
    question = survey.questions.first()
    admin_client.post(
        f"/admin/surveys/{survey.id}/questions/{question.id}",
        {"version": "1", "kind": "yes_no", "prompt": "Changed", "options": ""},
    )
    admin_client.post(f"/admin/surveys/{survey.id}/questions/{question.id}/delete")
    assert Question.get_by_id(question.id).prompt != "Changed"


def test_status_goes_draft_to_open_to_closed_and_an_empty_survey_cannot_open(admin_client, app):
    empty = Survey.create(title="Empty")
    admin_client.post(f"/admin/surveys/{empty.id}/status", {"to": "open"})
    assert Survey.get_by_id(empty.id).status == "draft"
    survey = make_survey(status="draft")
    admin_client.post(f"/admin/surveys/{survey.id}/status", {"to": "open"})
    assert Survey.get_by_id(survey.id).status == "open"
    admin_client.post(f"/admin/surveys/{survey.id}/status", {"to": "closed"})
    assert Survey.get_by_id(survey.id).status == "closed"
    admin_client.post(f"/admin/surveys/{survey.id}/status", {"to": "draft"})
    assert Survey.get_by_id(survey.id).status == "closed"


def test_a_copy_keeps_each_questions_key_for_year_on_year_comparison(admin_client, app):
    survey = make_survey(status="closed")
    admin_client.post(f"/admin/surveys/{survey.id}/copy")
    copy = Survey.select().order_by(Survey.id.desc()).first()
    assert copy.status == "draft" and copy.id != survey.id
    assert [q.key for q in copy.questions.order_by(Question.position)] == [
        q.key for q in survey.questions.order_by(Question.position)
    ]


def test_preview_shows_each_screen_as_a_child_sees_it_and_saves_nothing(admin_client, app):
    survey = make_survey(status="draft")
    intro = admin_client.get(f"/admin/surveys/{survey.id}/preview/0").get_data(as_text=True)
    assert "What happens to your answers" in intro and "Preview" in intro
    screen = admin_client.get(f"/admin/surveys/{survey.id}/preview/1").get_data(as_text=True)
    assert (
        "Question 1 of 6" in screen
        and "face-5.svg" in screen
        and f"/admin/surveys/{survey.id}/preview/2" in screen
    )
    assert Response.select().count() == 0


def test_survey_list_counts_responses_in_one_query(admin_client, app, count_queries):
    for _ in range(3):
        make_survey()
    with count_queries() as counter:
        assert admin_client.get("/admin/surveys").status_code == 200
    assert counter.count <= 6


def test_options_json_survives_quotes_and_unicode(admin_client, app):
    survey = make_survey(status="draft")
    admin_client.post(
        f"/admin/surveys/{survey.id}/questions/new",
        {
            "version": "1",
            "kind": "choose_one",
            "prompt": "Pick",
            "options": "Mum's house\nDad’s flat 🏠",
        },
    )
    assert json.loads(Question.select().order_by(Question.id.desc()).first().options) == [
        "Mum's house",
        "Dad’s flat 🏠",
    ]


def test_the_reading_age_dictionary_loads_when_the_app_starts_not_in_a_request(
    tmp_path, migrated_database
):
    """Its first use took 4 s on a busy machine: the first person to open a survey waited for it."""
    from qa import create_app
    from qa.surveys import readability
    from tests.conftest import fresh_database

    readability.WARM.clear()
    create_app({"DATABASE": fresh_database(migrated_database, tmp_path / "qa.db"), "TESTING": True})
    assert readability.WARM.wait(timeout=30)


def test_a_one_off_flask_command_skips_the_loading_made_for_requests():
    """`flask init`, `flask backup`... serve no request: loading the word lists there only competed
    for the CPU (a second core's worth, on every command)."""
    from qa.capability import serving

    assert not serving(["/opt/qa/.venv/bin/flask", "--app", "app", "init"])
    assert not serving(["/opt/qa/.venv/bin/flask", "--app", "app", "backup", "/tmp/x.db"])
    assert serving(["/opt/qa/.venv/bin/flask", "--app", "app", "run", "--port", "5000"])
    assert serving(["/opt/qa/.venv/bin/gunicorn", "app:app"])
    assert serving(["/usr/bin/python", "-m", "pytest"])
