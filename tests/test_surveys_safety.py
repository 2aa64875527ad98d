"""A children's survey is safe to tell: disclosures in a child's words are flagged when sent, from
the first answer, and the partnership's own words still work."""

import pytest

from qa.surveys import visits
from qa.surveys.models import Flag, Response, SafeguardingTerm, SurveyDraft, SurveySettings
from tests import survey_fixtures

survey, link, child = survey_fixtures.survey, survey_fixtures.link, survey_fixtures.child


def _send(link, text):
    key = visits.new_visit_key()
    question = [q for q in link.survey.questions if q.kind == "text"][0]
    visits.save_answer(link, key, question, [text])
    visits.submit(link, key)


@pytest.mark.parametrize(
    "text, themes",
    [
        (
            "my uncle touches me at night and i want to kill my self",
            ["Self-harm and suicide", "Sexual harm"],
        ),
        ("dont feel safe", ["Feeling unsafe"]),
        ("he beats me", ["Harm by others"]),
        ("wanna die", ["Self-harm and suicide"]),
        ("nudes", ["Online harm"]),
    ],
)
def test_the_one_answer_sent_is_flagged_with_its_themes(link, text, themes):
    _send(link, text)  # one response: far under the small-number rule, flagged all the same
    flag = Flag.get()
    assert flag.answer.value == text
    assert all(theme in flag.phrases for theme in themes), flag.phrases


@pytest.mark.parametrize("text", ["kicked a ball", "secret den", "hungry after PE"])
def test_ordinary_answers_are_not_flagged_with_the_migrated_phrases(link, text):
    _send(link, text)
    assert Flag.select().count() == 0


def test_the_first_phrases_that_flagged_ordinary_answers_are_gone_and_new_ones_work(
    app_context, link
):
    assert not SafeguardingTerm.select().where(SafeguardingTerm.phrase == "kick").exists()
    SafeguardingTerm.create(phrase="took my phone")
    _send(link, "They took my phone")
    assert Flag.get().phrases == "took my phone"


# Honest at the point of telling (issue 17)


def test_the_first_screen_tells_the_truth_about_who_reads_and_what_may_happen(child):
    html = child.get().get_data(as_text=True)
    assert "Your answers are secret" not in html and "We don't know who you are" not in html
    assert "We don't ask your name" in html and "Adults read the answers" in html
    assert "makes us worried about a child's safety, an adult may try to find out more" in html
    assert "This survey can't send help" in html
    assert f'href="/s/{child.code}/privacy"' in html


def _set_local_help(name, phone):
    settings = SurveySettings.current()
    settings.help_name, settings.help_phone = name, phone
    settings.save()


@pytest.mark.parametrize("number", [5, 6])
def test_every_written_answer_screen_says_what_to_do_if_help_is_needed_now(child, number):
    _set_local_help("Northbrook Children's Services", "01632 960 123")
    child.start()
    html = child.get(f"/{number}").get_data(as_text=True)
    assert "If you need help now" in html and "This survey can't send help" in html
    assert 'href="tel:08001111"' in html
    assert 'href="https://www.childline.org.uk/get-support/"' in html
    assert 'href="tel:999"' in html
    assert 'href="tel:01632960123"' in html and "Northbrook Children&#39;s Services" in html


def test_a_choice_screen_has_no_help_box_and_no_local_number_shows_until_one_is_set(child):
    child.start()
    assert "If you need help now" not in child.get("/1").get_data(as_text=True)
    html = child.get("/5").get_data(as_text=True)
    assert "If you need help now" in html and html.count('href="tel:') == 2


def test_the_thank_you_page_says_what_to_do_if_help_is_needed_now(child):
    _set_local_help("Northbrook MASH", "01632 960 999")
    child.start()
    child.answer(1, "2")
    child.send()
    html = child.get("/thanks").get_data(as_text=True)
    assert "Your answers have been sent" in html and "If you need help now" in html
    assert 'href="tel:08001111"' in html and 'href="tel:01632960999"' in html


def test_the_privacy_notice_is_in_a_childs_words_with_every_part_the_code_asks_for(child):
    settings = SurveySettings.current()
    settings.privacy_contact = "dpo@northbrook.example"
    settings.save()
    response = child.get("/privacy")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    for heading in (
        "Who we are",
        "What we collect",
        "Why we collect it",
        "Who sees your answers",
        "How long we keep them",
        "Your rights",
        "Who to ask",
    ):
        assert f">{heading}</h2>" in html
    assert "dpo@northbrook.example" in html and "3 years" in html
    assert "ico.org.uk" in html


def test_the_privacy_notice_of_an_unknown_survey_is_not_found(app):
    assert app.test_client().get("/s/abcdefghjk/privacy").status_code == 404


def test_the_admin_sets_the_local_help_number_and_a_bad_one_is_refused(admin_client):
    admin_client.get("/admin/surveys/settings")
    fields = {
        "save_settings": "1",
        "safety_message": "Talk to an adult you trust.",
        "staff_safety_message": "Follow your agency's procedures.",
        "retention_years": "3",
        "mismatch_percent": "50",
        "help_name": "Northbrook Children's Services",
        "help_phone": "01632 960 123",
        "privacy_contact": "dpo@northbrook.example",
    }
    admin_client.post("/admin/surveys/settings", fields)
    settings = SurveySettings.current()
    assert (settings.help_name, settings.help_phone, settings.privacy_contact) == (
        "Northbrook Children's Services",
        "01632 960 123",
        "dpo@northbrook.example",
    )
    html = admin_client.post(
        "/admin/surveys/settings", {**fields, "help_phone": "call 0800"}
    ).get_data(as_text=True)
    assert "Enter a phone number using digits and spaces" in html
    assert SurveySettings.current().help_phone == "01632 960 123"


# Quick exit ends the visit on the server (issue 17)


def test_quick_exit_is_a_plain_link_to_the_exit_endpoint_on_every_child_screen(child):
    assert f'href="/s/{child.code}/exit"' in child.get().get_data(as_text=True)
    child.start()
    assert f'href="/s/{child.code}/exit"' in child.get("/5").get_data(as_text=True)


def test_quick_exit_drops_the_draft_and_the_visit_so_nothing_is_shown_again(child):
    child.start()
    child.answer(1, "3")
    child.answer(5, "he hits me")
    assert SurveyDraft.select().count() == 1
    response = child.get("/exit")
    assert response.status_code == 303 and response.location == "https://www.bbc.co.uk/weather"
    assert SurveyDraft.select().count() == 0
    again = child.get("/1")  # the question's address, opened again on the same phone
    assert again.status_code == 303 and again.location.endswith(f"/s/{child.code}")
    assert Response.select().count() == 0 and Flag.select().count() == 0


def test_quick_exit_without_a_visit_still_leaves(child):
    response = child.get("/exit")
    assert response.status_code == 303 and response.location == "https://www.bbc.co.uk/weather"


def test_a_surveys_own_safety_message_is_kept_beside_the_help_now(app, child, link):
    link.survey.safety_message = "Ask for Mrs Patel in the school office."
    link.survey.save()
    child.start()
    assert "Ask for Mrs Patel in the school office." in child.get("/5").get_data(as_text=True)
