"""A practitioner's journey at /s/<code>.

Adult wording, an optional agency and role, sent once, contact details kept apart.
"""

from qa.surveys.models import Answer, ContactRequest, Response, SurveyDraft
from tests import staff_fixtures
from tests.staff_fixtures import SUPERVISION

staff_survey, practitioner = staff_fixtures.staff_survey, staff_fixtures.practitioner


def about(practitioner, agency="", role=""):
    practitioner.start()
    practitioner.get("/about")
    return practitioner.post("/about", {"agency": agency, "role_group": role, "go": "next"})


def test_staff_intro_uses_adult_words_and_the_staff_safety_message(practitioner):
    html = practitioner.get().get_data(as_text=True)
    assert "Your answers are anonymous" in html and "about three minutes" in html
    assert "follow your agency" in html and "Keeping children safe" in html
    assert (
        "Childline" not in html
        and "Quick exit" not in html
        and "Your answers are secret" not in html
    )


def test_start_goes_to_about_your_work_which_lists_agencies_by_sector_and_prefer_not_to_say(
    practitioner, people
):
    response = practitioner.start()
    assert response.location.endswith(f"/s/{practitioner.code}/about")
    html = practitioner.get("/about").get_data(as_text=True)
    assert '<optgroup label="Police">' in html and f'value="{people["agency_b"].id}"' in html
    assert 'value="not-said"' in html and "Prefer not to say" in html and 'value="other"' in html
    assert 'name="role_group"' in html and "Youth worker" in html


def test_a_made_up_agency_id_is_refused_and_nothing_is_kept(practitioner):
    response = about(practitioner, agency="99999", role="police")
    assert (
        response.status_code == 200
        and "Choose your organisation from the list" in response.get_data(as_text=True)
    )
    assert SurveyDraft.select().where(SurveyDraft.about != "{}").count() == 0


def test_a_role_off_the_list_is_refused(practitioner, people):
    response = about(practitioner, agency=str(people["agency_b"].id), role="chief constable")
    assert "Choose your role from the list" in response.get_data(as_text=True)


def test_an_inactive_agency_is_not_offered_and_is_refused(practitioner, people):
    from qa.people.models import Agency

    Agency.update(active=False).where(Agency.id == people["agency_a"].id).execute()
    practitioner.start()
    assert f'value="{people["agency_a"].id}"' not in practitioner.get("/about").get_data(
        as_text=True
    )
    assert "Choose your organisation" in about(
        practitioner, agency=str(people["agency_a"].id)
    ).get_data(as_text=True)


def test_full_journey_keeps_agency_and_role_on_one_response_sent_once(
    practitioner, people, staff_survey
):
    assert about(practitioner, agency=str(people["agency_b"].id), role="police").location.endswith(
        "/1"
    )
    assert practitioner.answer(1, "yes").status_code == 303
    assert practitioner.answer(4, "Never").status_code == 303
    practitioner.send()
    practitioner.post("/send")  # a double tap
    response = Response.get()
    assert Response.select().count() == 1 and response.agency_id == people["agency_b"].id
    assert response.agency_answer == "listed" and response.role_group == "police"
    assert sorted(a.value for a in response.answers) == ["Never", "yes"]


def test_prefer_not_to_say_and_another_organisation_are_kept_without_an_agency(practitioner):
    about(practitioner, agency="other")
    practitioner.answer(1, "no")
    practitioner.send()
    response = Response.get()
    assert (
        response.agency_id is None
        and response.agency_answer == "other"
        and response.role_group == "not-said"
    )


def test_back_from_the_first_question_returns_to_about_your_work(practitioner, people):
    about(practitioner, agency=str(people["agency_b"].id))
    response = practitioner.answer(1, "yes", go="back")
    assert response.location.endswith("/about")
    assert f'value="{people["agency_b"].id}" selected' in practitioner.get("/about").get_data(
        as_text=True
    )


def test_an_answer_off_the_list_is_refused(practitioner, people):
    about(practitioner)
    response = practitioner.answer(4, "Every day, honest")
    assert "Choose one of the answers shown" in response.get_data(as_text=True)


def test_after_sending_a_practitioner_may_ask_to_be_contacted_and_it_is_kept_apart(
    practitioner, people, staff_survey
):
    about(practitioner, agency=str(people["agency_b"].id))
    practitioner.answer(1, "yes")
    practitioner.send()
    html = practitioner.get("/thanks").get_data(as_text=True)
    assert (
        "Would you like someone to contact you?" in html and "kept apart from your answers" in html
    )
    response = practitioner.post(
        "/contact",
        {"name": "Sam Jones", "email": "sam@example.org", "message": "About supervision"},
    )
    assert response.status_code == 303
    request = ContactRequest.get()
    assert (request.survey_id, request.name, request.email) == (
        staff_survey.id,
        "Sam Jones",
        "sam@example.org",
    )
    # no way back to the answers
    assert not any(name.startswith("response") for name in ContactRequest._meta.fields)
    assert "Someone from the partnership will contact you" in practitioner.get("/thanks").get_data(
        as_text=True
    )
    practitioner.post("/contact", {"name": "Sam Again", "email": "sam@example.org"})
    assert ContactRequest.select().count() == 1


def test_contact_details_are_checked_and_never_taken_before_sending(practitioner):
    about(practitioner)
    practitioner.post("/contact", {"name": "Early", "email": "early@example.org"})
    assert ContactRequest.select().count() == 0
    practitioner.send()
    practitioner.get("/thanks")
    html = practitioner.post("/contact", {"name": "", "email": "not an email"}).get_data(
        as_text=True
    )
    assert "Enter your name" in html and "Enter an email address like name@example.org" in html
    assert ContactRequest.select().count() == 0


def test_childrens_surveys_never_offer_the_contact_form(app, people):
    from tests.survey_fixtures import Child, make_survey

    child = Child(app, make_survey().links.first().code)
    child.start()
    child.answer(1, "3")
    child.send()
    assert "contact you" not in child.get("/thanks").get_data(as_text=True)
    child.post("/contact", {"name": "A child", "email": "child@example.org"})
    assert ContactRequest.select().count() == 0


def test_supervision_question_offers_its_own_answers(practitioner):
    about(practitioner)
    html = practitioner.get("/4").get_data(as_text=True)
    assert (
        SUPERVISION in html and "Every month or more often" in html and Answer.select().count() == 0
    )
