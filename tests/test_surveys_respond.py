"""The child's journey at /s/<code>.

One question a screen, answers kept, sent once, refused when closed.
"""

from qa.db import db
from qa.surveys import limits, visits
from qa.surveys.models import Answer, Flag, Response, SentVisit, SurveyDraft, SurveyLink
from tests import survey_fixtures
from tests.survey_fixtures import Child

survey, link, child = survey_fixtures.survey, survey_fixtures.link, survey_fixtures.child


def test_intro_says_answers_are_secret_and_shows_the_safety_message(child):
    html = child.get().get_data(as_text=True)
    assert "What happens to your answers" in html and "We don't ask your name" in html
    assert "Childline on 0800 1111" in html
    assert "Quick exit" in html and "data-exit" in html


def test_children_pages_load_no_staff_header_and_are_never_cached(child):
    response = child.get()
    html = response.get_data(as_text=True)
    assert (
        "Sign out" not in html and "govuk-service-navigation" not in html and "app.js" not in html
    )
    assert response.headers["Cache-Control"] == "no-store"
    # the exit site learns nothing
    assert response.headers["Referrer-Policy"] in ("same-origin", "no-referrer")


def test_start_goes_to_question_one_of_six_with_a_progress_bar(child):
    response = child.start()
    assert response.status_code == 303 and response.location.endswith(f"/s/{child.code}/1")
    html = child.get("/1").get_data(as_text=True)
    assert "Question 1 of 6" in html and "<progress" in html
    assert "How safe do you feel at school?" in html and "<legend" in html
    assert html.count('type="radio"') == 3 and "face-5.svg" in html


def test_answer_is_kept_when_going_back(child):
    child.start()
    child.answer(1, "3")
    response = child.answer(2, "yes", go="back")
    assert response.location.endswith(f"/s/{child.code}/1")
    html = child.get("/1").get_data(as_text=True)
    assert 'value="3" checked' in html
    assert 'value="yes" checked' in child.get("/2").get_data(as_text=True)


def test_an_answer_outside_the_options_is_refused_and_not_saved(child):
    child.start()
    response = child.answer(1, "9")
    assert response.status_code == 200 and "Choose one of the answers shown" in response.get_data(
        as_text=True
    )
    assert SurveyDraft.select().count() == 0


def test_full_journey_makes_one_anonymous_response_with_every_answer(child, survey):
    child.start()
    for number, values in [
        (1, "2"),
        (2, "not-sure"),
        (3, "A friend"),
        (4, ["At home", "Online"]),
        (5, "More lights"),
        (6, ""),
    ]:
        assert child.answer(number, values).status_code == 303
    assert "You answered 5 of 6 questions" in child.get("/send").get_data(as_text=True)
    response = child.post("/send")
    assert response.location.endswith(f"/s/{child.code}/thanks")
    saved = Response.get()
    assert saved.survey_id == survey.id and saved.age_band == "8-12"
    assert sorted(a.value for a in saved.answers) == sorted(
        ["2", "not-sure", "A friend", "At home", "Online", "More lights"]
    )
    assert SurveyDraft.select().count() == 0
    assert "Your answers have been sent" in child.get("/thanks").get_data(as_text=True)


def test_sending_twice_or_going_back_after_the_end_never_makes_a_second_response(child):
    child.start()
    child.answer(1, "3")
    child.send()
    child.post("/send")
    assert child.post("/1", {"answer": "1", "go": "next"}).status_code == 303
    child.post("/send")
    assert Response.select().count() == 1 and Answer.select().count() == 1


def test_two_children_on_one_tablet_make_two_responses(child):
    child.start()
    child.answer(1, "3")
    child.send()
    child.start()  # the next child presses Start
    assert "checked" not in child.get("/1").get_data(as_text=True)
    child.answer(1, "1")
    child.send()
    assert sorted(a.value for a in Answer.select()) == ["1", "3"]


def test_nothing_identifying_is_stored_with_a_response(child):
    child.start()
    child.answer(5, "I am fine", go="next")
    child.send()
    columns = {c.name for c in Response._meta.sorted_fields} | {
        c.name for c in Answer._meta.sorted_fields
    }
    assert not columns & {
        "ip",
        "ip_address",
        "user_agent",
        "name",
        "email",
        "location",
        "created_at",
        "submitted_at",
    }
    assert type(Response.get().submitted_on).__name__ == "date"


def test_worrying_free_text_is_flagged_when_sent(child):
    child.start()
    child.answer(5, "My uncle hits me")
    child.send()
    flag = Flag.get()
    assert flag.answer.value == "My uncle hits me" and "hit" in flag.phrases and not flag.reviewed


def test_free_text_is_length_limited_and_escaped_on_screen(child):
    child.start()
    response = child.answer(5, "x" * 1001)
    assert "too long" in response.get_data(as_text=True)
    child.answer(5, "<script>alert(1)</script>")
    html = child.get("/5").get_data(as_text=True)
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html


def test_a_closed_link_shows_a_kind_message_and_takes_no_answers(app, child, link):
    child.start()
    child.answer(1, "3")
    SurveyLink.update(closed=True).where(SurveyLink.id == link.id).execute()
    response = child.post("/send")
    assert response.status_code == 200 and "This survey has finished" in response.get_data(
        as_text=True
    )
    assert Response.select().count() == 0


def test_a_survey_not_yet_open_says_so_kindly(app, survey, link):
    survey.status = "draft"
    survey.save()
    response = Child(app, link.code).get()
    assert response.status_code == 200 and "hasn't started yet" in response.get_data(as_text=True)


def test_an_unknown_code_is_a_friendly_not_found(app):
    response = Child(app, "nosuchcode").get()
    assert response.status_code == 404 and "We can't find that survey" in response.get_data(
        as_text=True
    )


def test_a_lost_session_asks_to_start_again_rather_than_sign_in(app, link):
    fresh = Child(app, link.code)
    response = fresh.http.post(f"/s/{link.code}/send", data={})
    assert (
        response.status_code == 200
        and "please start again" in response.get_data(as_text=True).lower()
    )


def test_htmx_gets_just_the_screen(child):
    child.start()
    html = child.get("/1", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert html.lstrip().startswith('<div id="screen"') and "<html" not in html


def test_after_sending_the_device_keeps_nothing_that_points_at_the_response(app, child):
    child.start()
    child.answer(1, "3")
    child.send()
    with child.http.session_transaction() as session:
        assert session["survey_visit"] == {"code": child.code, "done": True}
    assert not set(session["survey_visit"]) & {"key", "response", "id"}


def test_the_stored_response_row_carries_nothing_from_the_cookie(app, child):
    child.start()
    with child.http.session_transaction() as session:
        key = session["survey_visit"]["key"]
    child.answer(5, "I am fine", go="next")
    child.send()
    cookie_values = {key, visits.sent_hash(key)}
    for table in ("response", "answer"):
        cursor = db.execute_sql(f"SELECT * FROM {table}")  # noqa: S608 - fixed names
        columns = [c[0] for c in cursor.description]
        rows = cursor.fetchall()
        assert rows and "idempotency_key" not in columns
        assert not {str(v) for row in rows for v in row} & cookie_values, table
    # The double-send guard keeps only a hash, to the hour, and nothing that leads to the response
    sent = SentVisit.get()
    assert sent.key_hash == visits.sent_hash(key) != key
    assert (sent.sent_at.minute, sent.sent_at.second, sent.sent_at.microsecond) == (0, 0, 0)
    assert {f.name for f in SentVisit._meta.sorted_fields} == {"id", "key_hash", "sent_at"}


def test_sending_one_visit_twice_at_once_makes_one_response(app, link):
    key = visits.new_visit_key()
    visits.save_answer(link, key, link.survey.questions.first(), ["3"])
    first, created = visits.submit(link, key)
    assert created and first.id
    # a second worker sending the same visit (a double tap) finds it sent and makes nothing
    assert visits.submit(link, key) == (None, False)
    assert Response.select().count() == 1 and Answer.select().count() == 1


def send_from(app, link, address, answer="3"):
    """One whole visit from `address`: start, answer question 1, send; returns the send's
    response."""
    visitor = Child(app, link.code)
    visitor.http.environ_base["REMOTE_ADDR"] = address
    visitor.start()
    visitor.answer(1, answer)
    return visitor, visitor.send()


def test_one_address_sending_again_and_again_is_asked_kindly_to_wait_and_keeps_its_answers(
    app, link, monkeypatch
):
    app.config["SURVEY_SENDS_PER_ADDRESS"] = 3
    for _ in range(3):
        assert send_from(app, link, "10.0.0.7")[1].status_code == 303
    visitor, refused = send_from(app, link, "10.0.0.7", answer="1")
    html = refused.get_data(as_text=True)
    assert refused.status_code == 200 and "Please wait a minute and try again" in html
    assert Response.select().count() == 3
    # nothing was sent: the answers are still in the draft and on the screen
    assert SurveyDraft.select().count() == 1
    assert 'value="1" checked' in visitor.get("/1").get_data(as_text=True)
    # another address on the same network rule is counted apart
    assert send_from(app, link, "10.0.0.8")[1].status_code == 303
    # a few minutes later the same address may send again, and the kept answers go
    later = limits.time.monotonic() + 301
    monkeypatch.setattr(limits.time, "monotonic", lambda: later)
    assert visitor.send().status_code == 303
    assert Response.select().count() == 5 and SurveyDraft.select().count() == 0


def test_one_link_is_bounded_whatever_the_address(app, link):
    app.config["SURVEY_SENDS_PER_LINK"] = 4
    codes = [send_from(app, link, f"10.1.0.{n}")[1].status_code for n in range(6)]
    assert codes == [303] * 4 + [200] * 2 and Response.select().count() == 4


def test_a_class_of_thirty_on_one_school_network_sending_within_a_minute_is_never_refused(
    app, link
):
    # the settings as the app is configured by default
    assert (
        app.config["SURVEY_SENDS_PER_ADDRESS"] >= 30 and app.config["SURVEY_SENDS_PER_LINK"] >= 30
    )
    codes = [send_from(app, link, "192.168.1.20")[1].status_code for _ in range(30)]
    assert codes == [303] * 30 and Response.select().count() == 30


def test_send_counts_are_kept_only_in_memory_and_forget_old_sends():
    counts = limits.SendCounts()
    assert all(counts.allow([("a", 2)], 60, now=t) for t in (0, 1))
    assert not counts.allow([("a", 2)], 60, now=2)  # refused sends are not counted
    assert counts.allow([("a", 2)], 60, now=61) and counts.allow([("b", 2)], 60, now=61)
    # an address is held only as a hash
    assert "10.0.0.7" not in str(limits.address_key("10.0.0.7"))
