"""Paper forms typed in by staff through the survey's own screens, and group mode for one device
shared by a group: each next person starts with nothing of the last."""

from qa.audit import AuditEvent
from qa.surveys.models import Answer, Question, Response, SurveyLink
from tests import survey_fixtures
from tests.survey_fixtures import Child, make_survey

survey, link, child = survey_fixtures.survey, survey_fixtures.link, survey_fixtures.child


def typist(admin_client, code):
    """The signed-in member of staff's own browser, going through the survey's screens."""
    visitor = Child.__new__(Child)
    visitor.http, visitor.code, visitor.token = admin_client.http, code, admin_client.token
    return visitor


def one_form(visitor, answer):
    visitor.start()
    visitor.answer(2, answer)
    return visitor.send()


def test_staff_type_in_paper_forms_marked_as_paper_and_never_linked_to_them(admin_client, app):
    survey = make_survey()
    link = survey.links.order_by(SurveyLink.id).first()
    started = admin_client.post(f"/admin/surveys/links/{link.id}/paper")
    assert started.status_code == 303 and started.location.endswith(f"/s/{link.code}")
    visitor = typist(admin_client, link.code)
    assert "Typing in a paper form" in visitor.get().get_data(as_text=True)
    assert one_form(visitor, "yes").status_code == 303
    thanks = visitor.get("/thanks").get_data(as_text=True)
    assert "Type in the next paper form" in thanks
    assert visitor.post("/next").location.endswith(f"/s/{link.code}")
    one_form(visitor, "no")
    responses = list(Response.select().where(Response.survey == survey))
    assert len(responses) == 2 and all(r.paper for r in responses)
    assert {a.value for a in Answer.select()} == {"yes", "no"}
    # nothing on a response says who typed it, and no audit line points at one
    columns = {field.name for field in Response._meta.sorted_fields}
    assert columns == {
        "id", "survey", "link", "submitted_on", "age_band", "agency", "agency_answer",
        "role_group", "paper", "language",
    }  # fmt: skip
    assert not AuditEvent.select().where(AuditEvent.summary.contains("paper")).exists()


def test_a_childs_own_response_is_not_paper_and_results_count_the_paper_ones(
    admin_client, app, child
):
    assert child.start().status_code == 303
    child.answer(2, "yes")
    child.send()
    assert Response.get().paper is False
    survey = Response.get().survey
    link = survey.links.order_by(SurveyLink.id).first()
    admin_client.post(f"/admin/surveys/links/{link.id}/paper")
    visitor = typist(admin_client, link.code)
    for _ in range(5):
        one_form(visitor, "no")
        visitor.post("/next")
    html = admin_client.get(f"/admin/surveys/{survey.id}/results").get_data(as_text=True)
    assert "Of all responses, 5 were typed in from paper forms." in html


def test_group_mode_clears_everything_for_the_next_person(app, child, link):
    assert child.get("/group").location.endswith(f"/s/{link.code}")
    question = Question.get(Question.kind == "yes_no")
    child.start()
    child.answer(2, "yes")
    assert 'value="yes" checked' in child.get("/2").get_data(as_text=True)
    child.send()
    assert "Next person" in child.get("/thanks").get_data(as_text=True)
    assert child.post("/next").location.endswith(f"/s/{link.code}")
    # going back to the last child's screens finds no visit, only the start
    assert child.get("/2").location.endswith(f"/s/{link.code}")
    assert child.get("/thanks").status_code == 200  # a thank-you with nothing of theirs
    child.start()
    again = child.get("/2").get_data(as_text=True)
    assert "checked" not in again and question.prompt in again
    assert Response.select().count() == 1 and not Response.get().paper


def test_without_a_mode_the_thank_you_page_offers_no_next_person(child):
    child.start()
    child.send()
    assert "Next person" not in child.get("/thanks").get_data(as_text=True)


def test_in_group_mode_a_child_who_walks_away_leaves_nothing_for_the_next(app, child, link):
    """Without group mode an unfinished visit carries on (the phone's own child comes back); on a
    shared device the next Start is a new person, with none of the last one's answers."""
    child.get("/group")
    child.start()
    child.answer(2, "yes")  # and walks away without sending
    intro = child.get().get_data(as_text=True)
    assert "You have started this survey already" not in intro
    child.start()
    assert "checked" not in child.get("/2").get_data(as_text=True)
    child.send()
    assert Response.select().count() == 1 and not Answer.select().exists()
