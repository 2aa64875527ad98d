"""Results, flags, exports and who may see them.

Small numbers hidden, worrying answers first, nothing identifying.
"""

import csv
import io
from collections import Counter
from datetime import date, timedelta

import pytest
from pypdf import PdfReader

from qa.audit import AuditEvent
from qa.surveys import visits
from qa.surveys.export import safe_cell
from qa.surveys.models import Answer, Flag, Question, Response, SurveyBurst, SurveyLink
from tests.survey_fixtures import Child, make_survey


def answer_many(survey, link, count, values_by_position, start=0):
    questions = {q.position: q for q in survey.questions}
    for n in range(start, start + count):
        response = Response.create(survey=survey, link=link, age_band=survey.age_band)
        for position, value in values_by_position.items():
            Answer.create(
                response=response,
                question=questions[position],
                value=value(n) if callable(value) else value,
            )
    return questions


@pytest.fixture
def answered(app):
    survey = make_survey()
    oak, club = list(survey.links.order_by(SurveyLink.id))
    answer_many(
        survey,
        oak,
        20,
        {1: lambda n: "3" if n % 4 else "1", 2: "yes", 5: lambda n: f"More lights {n}"},
    )
    answer_many(survey, club, 3, {1: "2"}, start=100)
    return survey, oak, club


def test_results_show_counts_and_percentages_as_bars_without_inline_style(admin_client, answered):
    survey, _, _ = answered
    html = admin_client.get(f"/admin/surveys/{survey.id}/results").get_data(as_text=True)
    assert "23 responses" in html
    assert "15 (65%)" in html and "qa-bar-w65" in html
    assert 'style="' not in html


def test_a_setting_with_fewer_than_five_responses_shows_fewer_than_5(admin_client, answered):
    survey, _, club = answered
    html = admin_client.get(f"/admin/surveys/{survey.id}/results?link={club.id}").get_data(
        as_text=True
    )
    # the number itself would give the three away: "Fewer than 5", never "3 responses"
    assert "Fewer than 5 responses" in html and "Responses hidden" in html
    assert "3 responses" not in html
    assert "(100%)" not in html and "qa-bar-w" not in html


def test_filtering_by_setting_with_htmx_returns_only_the_results(admin_client, answered):
    survey, oak, club = answered
    # two more at the youth club: else all 23 minus Oak's 20 would give the club's 3 away
    answer_many(survey, club, 2, {1: "2"}, start=200)
    html = admin_client.get(
        f"/admin/surveys/{survey.id}/results?link={oak.id}", headers={"HX-Request": "true"}
    ).get_data(as_text=True)
    assert html.lstrip().startswith('<div id="results"') and "20 responses" in html


def test_free_text_answers_are_listed_and_escaped(admin_client, answered):
    survey, oak, _ = answered
    answer_many(survey, oak, 1, {5: "<img src=x onerror=alert(1)>"}, start=500)
    html = admin_client.get(f"/admin/surveys/{survey.id}/results").get_data(as_text=True)
    assert "More lights 3" in html and "<img src=x" not in html and "&lt;img src=x" in html


def test_results_page_runs_a_bounded_number_of_queries(admin_client, answered, count_queries):
    survey, _, _ = answered
    with count_queries() as counter:
        admin_client.get(f"/admin/surveys/{survey.id}/results")
    assert counter.count <= 20


def test_flagged_answers_come_first_with_their_setting_and_can_be_reviewed_with_a_note(
    admin_client, app, people
):
    survey = make_survey()
    link = survey.links.first()
    key = visits.new_visit_key()
    text_question = survey.questions.where(Question.kind == "text").get()
    visits.save_answer(link, key, text_question, ["I am scared of my step dad"])
    visits.submit(link, key)
    html = admin_client.get(f"/admin/surveys/{survey.id}/results").get_data(as_text=True)
    assert (
        "Answers that may need action (1 not reviewed)" in html
        and "Oak Primary Y6" in html
        and "scared" in html
    )
    flag = Flag.get()
    admin_client.post(f"/admin/surveys/flags/{flag.id}/review", {"note": ""})
    assert not Flag.get_by_id(flag.id).reviewed
    admin_client.post(
        f"/admin/surveys/flags/{flag.id}/review", {"note": "Referred to the school's DSL today"}
    )
    flag = Flag.get_by_id(flag.id)
    assert flag.reviewed and flag.reviewed_by_id == people["admin"].id and "DSL" in flag.note


def test_reviewers_see_results_but_not_flags_exports_or_the_builder(reviewer_client, answered):
    survey, _, _ = answered
    assert reviewer_client.get(f"/admin/surveys/{survey.id}/results").status_code == 200
    assert reviewer_client.get(f"/admin/surveys/{survey.id}/summary.pdf").status_code == 200
    for path in (
        f"/admin/surveys/{survey.id}",
        f"/admin/surveys/{survey.id}/answers.csv",
        f"/admin/surveys/{survey.id}/links",
        "/admin/surveys/new",
    ):
        assert reviewer_client.get(path).status_code == 403, path


def test_peer_reviewers_off_the_subgroup_see_no_results_and_no_surveys_menu(
    app, people, signed_in, answered
):
    survey, _, _ = answered
    peer = signed_in(people["peer"])  # a reviewer from a partner agency, not on the QA sub-group
    for path in (
        "/admin/surveys",
        f"/admin/surveys/{survey.id}/results",
        f"/admin/surveys/{survey.id}/summary.pdf",
    ):
        assert peer.get(path).status_code == 403, path
    assert 'href="/admin/surveys"' not in peer.get("/").get_data(as_text=True)
    member = signed_in(people["reviewer"])
    # the menu and the home page's list
    assert member.get("/").get_data(as_text=True).count('href="/admin/surveys"') == 2


def test_agency_leads_see_no_survey_pages(lead_client, answered):
    survey, _, _ = answered
    assert lead_client.get(f"/admin/surveys/{survey.id}/results").status_code == 403
    assert lead_client.get("/admin/surveys").status_code == 403


def test_csv_has_one_row_a_response_nothing_identifying_and_no_formulas(admin_client, answered):
    survey, oak, _ = answered
    answer_many(survey, oak, 1, {5: '=HYPERLINK("http://evil")', 4: lambda n: "At home"}, start=900)
    response = admin_client.get(f"/admin/surveys/{survey.id}/answers.csv")
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert rows[0][:4] == ["Response", "Date", "Setting", "Age band"]
    assert len(rows) == 1 + 24
    # rows come in no order of sending (see below), so each column is checked as a whole
    oak_rows = [row for row in rows[1:] if row[2] == "Oak Primary Y6"]
    assert len(oak_rows) == 21
    assert Counter(row[4] for row in oak_rows) == {"Not good": 5, "Good": 15, "": 1}
    assert [row[8] for row in rows if "evil" in row[8]] == ['\'=HYPERLINK("http://evil")']
    assert not any(word in " ".join(rows[0]).lower() for word in ("ip", "agent", "email", "name"))


@pytest.mark.parametrize(
    "value, expected",
    [
        ("=1+1", "'=1+1"),
        ("+44", "'+44"),
        ("-5", "'-5"),
        ("@SUM", "'@SUM"),
        ("\tx", "'\tx"),
        ("fine", "fine"),
    ],
)
def test_formula_injection_is_guarded(value, expected):
    assert safe_cell(value) == expected


def test_board_summary_pdf_shows_figures_and_hides_small_ones(admin_client, answered):
    survey, _, _ = answered
    response = admin_client.get(f"/admin/surveys/{survey.id}/summary.pdf")
    assert response.mimetype == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages)
    assert (
        "23" in text and "Youth club Tuesday" in text and "fewer than 5" in text and "65%" in text
    )


def test_a_flagged_answer_is_not_repeated_in_the_listing_nor_shown_to_reviewers(
    admin_client, reviewer_client, answered
):
    survey, oak, _ = answered
    link = oak
    key = visits.new_visit_key()
    visits.save_answer(
        link, key, survey.questions.where(Question.kind == "text").get(), ["He hits me"]
    )
    visits.submit(link, key)
    admin_html = admin_client.get(f"/admin/surveys/{survey.id}/results").get_data(as_text=True)
    assert admin_html.count("He hits me") == 1  # in the flags only
    assert "He hits me" not in reviewer_client.get(f"/admin/surveys/{survey.id}/results").get_data(
        as_text=True
    )


def csv_rows(client, survey):
    text = client.get(f"/admin/surveys/{survey.id}/answers.csv").get_data(as_text=True)
    return list(csv.reader(io.StringIO(text)))


def test_csv_has_no_response_ids_and_rows_in_no_order_of_sending(admin_client, answered):
    survey, oak, _ = answered
    # 40 more from one setting on one day, each answer telling the order it was sent in
    answer_many(survey, oak, 40, {5: lambda n: f"sent {n:03}"}, start=200)
    yesterday = date.today() - timedelta(days=1)
    first_twenty = Response.select(Response.id).order_by(Response.id).limit(20)
    Response.update(submitted_on=yesterday).where(Response.id.in_(first_twenty)).execute()
    rows = csv_rows(admin_client, survey)[1:]
    sent = [row[8] for row in rows if row[8].startswith("sent ")]
    assert len(sent) == 40 and sent != sorted(sent)
    # first the day before, then today; within a day any order
    assert [row[1] for row in rows] == sorted(row[1] for row in rows)
    # the first column is the row's place in the file, not the response's id
    assert [row[0] for row in rows] == [str(n) for n in range(1, len(rows) + 1)]


def test_csv_hides_settings_and_dates_that_fewer_than_five_share(admin_client, answered):
    survey, oak, club = answered  # 20 from Oak Primary today, 3 from the youth club today
    answer_many(survey, oak, 2, {2: "no"}, start=300)
    Response.update(submitted_on=date.today().replace(day=1) - timedelta(days=1)).where(
        Response.id.in_(Response.select(Response.id).order_by(Response.id.desc()).limit(2))
    ).execute()  # two from Oak Primary last month
    rows = csv_rows(admin_client, survey)[1:]
    shown = Counter((row[1], row[2], row[3]) for row in rows)
    assert shown == {
        (date.today().isoformat(), "Oak Primary Y6", "8-12"): 20,
        ("Fewer than 5", "Fewer than 5", "Fewer than 5"): 5,
    }, shown
    # the answers themselves are all still there
    assert Counter(row[5] for row in rows) == {"Yes": 20, "No": 2, "": 3}


def test_a_burst_on_a_link_is_shown_to_the_admin_and_can_be_discarded_with_an_audit_line(
    admin_client, reviewer_client, app, answered
):
    survey, oak, club = answered  # 20 on Oak Primary and 3 at the youth club, sent earlier
    app.config["SURVEY_BURST_SIZE"] = 5
    text = survey.questions.where(Question.kind == "text").get()
    for n in range(6):  # one script, six sends in a row, each raising a flag
        key = visits.new_visit_key()
        visits.save_answer(club, key, text, [f"I am scared {n}"])
        visitor = Child(app, club.code)
        with visitor.http.session_transaction() as session:
            session["survey_visit"] = {"code": club.code, "key": key, "done": False}
        visitor.send()
    assert Flag.select().count() == 6
    html = admin_client.get(f"/admin/surveys/{survey.id}/results").get_data(as_text=True)
    assert "Many answers sent at once" in html
    assert "Youth club Tuesday" in html and "6 responses within a few minutes" in html
    assert "Many answers sent at once" not in reviewer_client.get(
        f"/admin/surveys/{survey.id}/results"
    ).get_data(as_text=True)
    burst = SurveyBurst.get()
    response = admin_client.post(f"/admin/surveys/bursts/{burst.id}/discard", {})
    assert response.status_code == 303
    # the six sent in the burst are gone with their flags; the youth club's earlier three stay
    assert Response.select().where(Response.link == club).count() == 3
    assert Response.select().where(Response.link == oak).count() == 20
    assert Flag.select().count() == 0
    event = AuditEvent.get(AuditEvent.verb == "discarded")
    assert event.object_type == "SurveyBurst" and "6 survey responses" in event.summary
    html = admin_client.get(f"/admin/surveys/{survey.id}/results").get_data(as_text=True)
    assert "Many answers sent at once" not in html
    # discarded once only
    assert admin_client.post(f"/admin/surveys/bursts/{burst.id}/discard", {}).status_code == 404


def test_sends_below_the_burst_size_show_no_burst(admin_client, app, answered):
    survey, _, club = answered
    for _ in range(4):
        visitor = Child(app, club.code)
        visitor.start()
        visitor.answer(1, "3")
        visitor.send()
    assert Response.select().where(Response.link == club).count() == 7
    assert SurveyBurst.select().count() == 0  # 4 sent now: under the 20 of the default
