"""Staff survey results by agency, sector and role, small numbers hidden.

Last year beside this year, CSV and PDF.
"""

import csv
import io
from collections import Counter
from datetime import date, timedelta

import pytest
from pypdf import PdfReader

from qa.surveys import builder
from qa.surveys.models import Survey
from qa.surveys.staff import ROLE_GROUPS
from tests import staff_fixtures
from tests.staff_fixtures import SUPERVISION, make_staff_survey, staff_answers

staff_survey = staff_fixtures.staff_survey
KNOW = "Do you know the partnership's current safeguarding priorities?"
ONE_THING = "What one thing would help you keep children safer?"


@pytest.mark.parametrize("count, shown", [(4, False), (5, True)])
def test_an_agency_with_four_responses_shows_nothing_and_five_shows_its_figures(
    admin_client, people, staff_survey, count, shown
):
    staff_answers(
        staff_survey, people["agency_b"], count, {KNOW: "yes", ONE_THING: "More supervision time"}
    )
    html = admin_client.get(
        f"/admin/surveys/{staff_survey.id}/results?agency={people['agency_b'].id}"
    ).get_data(as_text=True)
    assert (f"{count} (100%)" in html) is shown
    assert ("More supervision time" in html) is shown
    assert (
        "Fewer than 5 responses, or a number that would let a group of fewer than 5 be worked out"
        in html
    ) is not shown


def test_responses_by_agency_sector_and_role_hide_groups_under_five(
    admin_client, people, staff_survey
):
    staff_answers(staff_survey, people["agency_a"], 6, {KNOW: "yes"}, role="health")
    staff_answers(staff_survey, people["agency_b"], 3, {KNOW: "no"}, start=10)
    staff_answers(staff_survey, None, 2, {KNOW: "no"}, start=20, role="not-said")
    html = admin_client.get(f"/admin/surveys/{staff_survey.id}/results").get_data(as_text=True)
    assert (
        "Responses by agency" in html
        and "Responses by sector" in html
        and "Responses by role" in html
    )
    assert (
        'Northbrook Hospitals NHS Foundation Trust</td><td class="govuk-table__cell '
        'govuk-table__cell--numeric">6' in html
    )
    assert (
        'Northbrook Constabulary</td><td class="govuk-table__cell '
        'govuk-table__cell--numeric">hidden' in html
    )
    assert (
        'Prefer not to say</td><td class="govuk-table__cell govuk-table__cell--numeric">hidden'
        in html
    )


def test_results_filter_by_sector_and_role(admin_client, people, staff_survey):
    staff_answers(staff_survey, people["agency_a"], 6, {KNOW: "yes"}, role="health")
    staff_answers(staff_survey, people["agency_b"], 7, {KNOW: "no"}, start=10)
    police = people["agency_b"].sector_id
    html = admin_client.get(f"/admin/surveys/{staff_survey.id}/results?sector={police}").get_data(
        as_text=True
    )
    assert "7 responses in this group" in html and "7 (100%)" in html
    html = admin_client.get(
        f"/admin/surveys/{staff_survey.id}/results?role=health", headers={"HX-Request": "true"}
    ).get_data(as_text=True)
    assert "6 responses in this group" in html and "<html" not in html


def test_free_text_from_staff_is_escaped(admin_client, people, staff_survey):
    staff_answers(staff_survey, people["agency_a"], 5, {ONE_THING: "<script>alert('x')</script>"})
    html = admin_client.get(f"/admin/surveys/{staff_survey.id}/results").get_data(as_text=True)
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html


def test_last_years_figures_show_beside_this_years_for_the_same_questions(
    admin_client, people, app
):
    with app.test_request_context():
        from flask_login import login_user

        login_user(people["admin"])
        last = make_staff_survey("Staff survey 2025", opens_on=date.today() - timedelta(days=365))
        Survey.update(status="closed").where(Survey.id == last.id).execute()
        this = builder.copy_survey(Survey.get_by_id(last.id))
    Survey.update(status="open", opens_on=date.today()).where(Survey.id == this.id).execute()
    staff_answers(
        last,
        people["agency_a"],
        20,
        {SUPERVISION: lambda n: "Never" if n < 15 else "Every month or more often"},
    )
    staff_answers(
        this, people["agency_a"], 10, {SUPERVISION: "Every month or more often"}, start=100
    )
    html = admin_client.get(f"/admin/surveys/{this.id}/results").get_data(as_text=True)
    assert "Staff survey 2025" in html and "Last year" in html
    assert "10 (100%)" in html and ">25%<" in html and ">75%<" in html
    assert "Last year" not in admin_client.get(f"/admin/surveys/{last.id}/results").get_data(
        as_text=True
    )


def test_csv_has_agency_and_role_columns(admin_client, people, staff_survey):
    # five of each: groups under five are hidden (the next test)
    staff_answers(staff_survey, people["agency_b"], 5, {KNOW: "yes"})
    staff_answers(staff_survey, None, 5, {KNOW: "no"}, start=5)
    rows = list(
        csv.reader(
            io.StringIO(
                admin_client.get(f"/admin/surveys/{staff_survey.id}/answers.csv").get_data(
                    as_text=True
                )
            )
        )
    )
    assert rows[0][4:6] == ["Agency", "Role"]
    assert Counter(tuple(row[4:6]) for row in rows[1:]) == {
        ("Northbrook Constabulary", "Police officer or police staff"): 5,
        ("Prefer not to say", "Police officer or police staff"): 5,
    }


def test_csv_hides_an_agency_or_role_that_fewer_than_five_share(admin_client, people, staff_survey):
    staff_answers(staff_survey, people["agency_a"], 6, {KNOW: "yes"}, role="health")
    staff_answers(staff_survey, people["agency_a"], 5, {KNOW: "yes"}, start=10)  # police
    staff_answers(staff_survey, people["agency_b"], 1, {KNOW: "no"}, start=20)  # police
    staff_answers(staff_survey, None, 2, {KNOW: "no"}, start=30, role="education")
    text = admin_client.get(f"/admin/surveys/{staff_survey.id}/answers.csv").get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(text)))[1:]
    agency_a = people["agency_a"].name
    assert Counter(tuple(row[1:6]) for row in rows) == {
        (str(date.today()), "Team meetings", "adult", agency_a, ROLE_GROUPS["health"]): 6,
        (str(date.today()), "Team meetings", "adult", agency_a, ROLE_GROUPS["police"]): 5,
        ("Fewer than 5",) * 5: 3,  # the lone Northbrook officer and two who would not say
    }
    assert "Constabulary" not in text and "Teacher" not in text
    assert Counter(row[6] for row in rows) == {"Yes": 11, "No": 3}


def test_summary_pdf_lists_responses_by_agency_with_small_numbers_hidden(
    admin_client, people, staff_survey
):
    staff_answers(staff_survey, people["agency_a"], 6, {KNOW: "yes"})
    staff_answers(staff_survey, people["agency_b"], 2, {KNOW: "no"}, start=10)
    # three more who would not say: else 8 minus the Trust's 6 would give the Constabulary's 2
    staff_answers(staff_survey, None, 3, {KNOW: "no"}, start=20)
    response = admin_client.get(f"/admin/surveys/{staff_survey.id}/summary.pdf")
    text = " ".join(
        " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages).split()
    )
    assert "Responses by agency" in text and "Northbrook Hospitals NHS Foundation Trust 6" in text
    assert "Northbrook Constabulary hidden" in text and "11 practitioners answered" in text


def test_staff_results_page_runs_a_bounded_number_of_queries(
    admin_client, people, staff_survey, count_queries
):
    staff_answers(staff_survey, people["agency_a"], 6, {KNOW: "yes", SUPERVISION: "Never"})
    with count_queries() as counter:
        admin_client.get(f"/admin/surveys/{staff_survey.id}/results?agency={people['agency_a'].id}")
    assert counter.count <= 25, counter.count


def test_admin_tags_a_question_with_a_standard_and_its_positive_answers_even_after_answers_arrive(
    admin_client, people, staff_survey
):
    staff_answers(staff_survey, people["agency_a"], 1, {KNOW: "yes"})
    q = staff_fixtures.question(staff_survey, SUPERVISION)
    page = admin_client.get(f"/admin/surveys/{staff_survey.id}/questions/{q.id}/standard").get_data(
        as_text=True
    )
    assert "Answers that count as positive" in page and "6. Supervision</option>" in page.replace(
        " selected", ""
    )
    assert (
        ">Every month or more often\nEvery two or three months</textarea>" in page
        and "[&#34;" not in page
    )
    url = f"/admin/surveys/{staff_survey.id}/questions/{q.id}/standard"
    refused = admin_client.post(
        url, {"version": str(q.version), "standard": str(q.standard_id), "positive": "Every day"}
    )
    assert "Choose positive answers from the question" in refused.get_data(as_text=True)
    bad = admin_client.post(url, {"version": str(q.version), "standard": "99999", "positive": ""})
    assert "Choose a standard from the list" in bad.get_data(as_text=True)
    admin_client.post(
        url,
        {
            "version": str(q.version),
            "standard": str(q.standard_id),
            "positive": "Every month or more often",
        },
    )
    assert type(q).get_by_id(q.id).positive_list == ["Every month or more often"]


def test_the_staff_starter_links_its_questions_to_section_11_standards(admin_client):
    response = admin_client.post("/admin/surveys/starter", {"age_band": "staff"})
    survey = Survey.select().order_by(Survey.id.desc()).first()
    assert response.status_code == 302 and survey.audience == "staff" and survey.age_band == "adult"
    tagged = {q.prompt: (q.standard.title if q.standard else None) for q in survey.questions}
    assert tagged[SUPERVISION] == "Supervision" and tagged[ONE_THING] is None
    html = admin_client.get(f"/admin/surveys/{survey.id}").get_data(as_text=True)
    assert "Informs standard 6, Supervision" in html


def test_a_survey_made_for_staff_is_checked_against_an_adult_reading_age(admin_client):
    admin_client.post(
        "/admin/surveys/new",
        {
            "version": "1",
            "title": "Practitioners 2027",
            "audience": "staff",
            "age_band": "8-12",
            "introduction": "",
            "readers": "",
            "safety_message": "",
        },
    )
    assert Survey.get(Survey.title == "Practitioners 2027").age_band == "adult"


@pytest.mark.parametrize("count, shown", [(4, False), (5, True)])
def test_a_summary_pdf_for_one_agency_hides_its_figures_below_five(
    admin_client, people, staff_survey, count, shown
):
    staff_answers(staff_survey, people["agency_b"], count, {KNOW: "yes"})
    staff_answers(staff_survey, people["agency_a"], 9, {KNOW: "no"}, start=50)
    html = admin_client.get(
        f"/admin/surveys/{staff_survey.id}/results?agency={people['agency_b'].id}"
    ).get_data(as_text=True)
    assert f"/admin/surveys/{staff_survey.id}/summary.pdf?agency={people['agency_b'].id}" in html
    data = admin_client.get(
        f"/admin/surveys/{staff_survey.id}/summary.pdf?agency={people['agency_b'].id}"
    ).data
    text = " ".join(
        " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split()
    )
    assert (
        "Results for Northbrook Constabulary only" in text
        and (f"{count} practitioners answered" if shown else "A hidden number of practitioners")
        in text
    )
    assert (f"Yes {count} (100%)" in text) is shown and "9 (100%)" not in text
