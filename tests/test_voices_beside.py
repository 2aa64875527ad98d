"""What each agency's own staff said, beside its self-ratings.

On the heatmap drill-down, the challenge event and the report.
"""

import io
from datetime import timedelta

import pytest
from pypdf import PdfReader

from qa.challenge.models import ChallengeEvent, Finding
from qa.frameworks.models import Standard
from qa.section11 import voices
from qa.section11.models import Rating, Return
from qa.surveys.models import SurveySettings
from tests.challenge_helpers import agree_everything, cycle_fixture, event_fixture, reload  # noqa: F401
from tests.staff_fixtures import SUPERVISION, make_staff_survey, staff_answers
from tests.survey_fixtures import make_survey

KNOW = "Do you know the partnership's current safeguarding priorities?"
NEVER_MOSTLY = {SUPERVISION: lambda n: "Every month or more often" if n % 4 == 0 else "Never"}


def supervision():
    return Standard.get(Standard.title == "Supervision")


def test_staff_voices_count_an_agencys_own_staff_in_the_cycle_on_each_linked_standard(
    people, cycle
):
    survey = make_staff_survey()
    staff_answers(survey, people["agency_a"], 8, {**NEVER_MOSTLY, KNOW: "yes"})
    staff_answers(
        survey, people["agency_b"], 6, {SUPERVISION: "Every month or more often"}, start=50
    )
    # last cycle
    staff_answers(
        survey,
        people["agency_a"],
        5,
        {SUPERVISION: "Never"},
        start=90,
        on=cycle.starts - timedelta(days=1),
    )
    found = voices.staff_voices([people["agency_a"].id], cycle)
    voice = found[(people["agency_a"].id, supervision().id)]
    assert (voice.positive, voice.answered, voice.respondents) == (
        2,
        8,
        8,
    ) and voice.topic == "Supervision"
    assert [line.prompt for line in voice.lines] == [SUPERVISION]
    assert (people["agency_b"].id, supervision().id) not in found


def test_copies_of_a_question_in_two_surveys_are_added_together(people, cycle):
    first, second = make_staff_survey("Spring"), make_staff_survey("Autumn")
    from qa.surveys.models import Question

    for q in second.questions:
        Question.update(
            key=Question.get((Question.survey == first) & (Question.position == q.position)).key
        ).where(Question.id == q.id).execute()
    staff_answers(first, people["agency_a"], 3, {SUPERVISION: "Never"})
    staff_answers(second, people["agency_a"], 3, {SUPERVISION: "Never"}, start=10)
    voice = voices.staff_voices([people["agency_a"].id], cycle)[
        (people["agency_a"].id, supervision().id)
    ]
    assert len(voice.lines) == 1 and voice.lines[0].answered == 6 and voice.respondents == 6


def test_childrens_answers_are_not_counted_as_staff(people, cycle):
    survey = make_survey()
    from qa.surveys.models import Question

    Question.update(standard=supervision()).where(Question.survey == survey).execute()
    assert voices.staff_voices([people["agency_a"].id], cycle) == {}


def test_staff_voices_take_a_fixed_number_of_queries_for_any_number_of_agencies(
    people, cycle, count_queries
):
    survey = make_staff_survey()
    staff_answers(survey, people["agency_a"], 6, NEVER_MOSTLY)
    staff_answers(survey, people["agency_b"], 6, NEVER_MOSTLY, start=20)
    with count_queries() as counter:
        voices.staff_voices([people["agency_a"].id, people["agency_b"].id], cycle)
    assert counter.count <= 3, counter.count


@pytest.fixture
def rated(people, event):
    """Agency A rated Supervision green; 8 of its staff answered, 2 positively."""
    survey = make_staff_survey()
    staff_answers(survey, people["agency_a"], 8, NEVER_MOSTLY)
    return survey


def test_the_heatmap_drill_down_flags_a_green_rating_its_staff_contradict(
    admin_client, rated, event
):
    rating = (
        Rating.select()
        .join(Return)
        .where((Return.agency == event.agency_id) & (Rating.standard == supervision()))
        .get()
    )
    html = admin_client.get(f"/section11/ratings/{rating.id}/review").get_data(as_text=True)
    assert "What its own staff said" in html and "govuk-warning-text" in html
    assert (
        "Rated green, but only 25% of its staff gave a positive answer on supervision (2 of 8)"
        in html
    )
    assert "2 of 8 positive (25%)" in html


def test_the_mismatch_threshold_is_the_admins_setting(admin_client, rated, event):
    admin_client.post(
        "/admin/surveys/settings",
        {
            "save_settings": "1",
            "safety_message": "Talk to an adult.",
            "retention_years": "3",
            "staff_safety_message": "Follow your procedures.",
            "mismatch_percent": "20",
        },
    )
    assert SurveySettings.current().mismatch_percent == 20
    rating = (
        Rating.select()
        .join(Return)
        .where((Return.agency == event.agency_id) & (Rating.standard == supervision()))
        .get()
    )
    html = admin_client.get(f"/section11/ratings/{rating.id}/review").get_data(as_text=True)
    assert "Rated green; 25%" in html and "govuk-warning-text" not in html


def test_four_staff_show_nothing_beside_the_rating_and_five_show_their_answers(
    admin_client, people, event
):
    survey = make_staff_survey()
    staff_answers(survey, people["agency_a"], 4, {SUPERVISION: "Never"})
    rating = (
        Rating.select()
        .join(Return)
        .where((Return.agency == event.agency_id) & (Rating.standard == supervision()))
        .get()
    )
    html = admin_client.get(f"/section11/ratings/{rating.id}/review").get_data(as_text=True)
    assert (
        "Fewer than 5 of its staff answered the questions on supervision" in html
        and "0 of 4" not in html
    )
    staff_answers(survey, people["agency_a"], 1, {SUPERVISION: "Never"}, start=10)
    assert "0 of 5 positive (0%)" in admin_client.get(
        f"/section11/ratings/{rating.id}/review"
    ).get_data(as_text=True)


def test_the_challenge_event_page_shows_the_mismatch_to_visitors_first(
    signed_in, people, rated, event
):
    html = signed_in(people["reviewer"]).get(f"/challenge/events/{event.id}").get_data(as_text=True)
    assert (
        "What the agency's own staff said" in html
        and "1 of its self-ratings does not match what its staff said" in html
    )
    assert (
        html.index("6. Supervision") < html.index("Visitors</h2>")
        and "Rated green, but only 25%" in html
    )


def test_the_agency_lead_does_not_see_its_staff_answers_on_the_event_page(
    signed_in, people, rated, event
):
    html = signed_in(people["lead_a"]).get(f"/challenge/events/{event.id}").get_data(as_text=True)
    assert "own staff said" not in html and "Rated green, but" not in html


def test_the_findings_page_shows_what_staff_said_beside_each_rating_in_bounded_queries(
    signed_in, people, rated, event, count_queries
):
    visitor = signed_in(people["reviewer"])
    with count_queries() as counter:
        html = visitor.get(f"/challenge/events/{event.id}/findings").get_data(as_text=True)
    assert html.count("What its own staff said") == 1 and "Rated green, but only 25%" in html
    assert counter.count <= 25, counter.count


def test_the_challenge_report_pdf_carries_the_mismatch(admin_client, people, rated, event):
    agree_everything(event, people["reviewer"])
    Finding.update(self_rag="G").where(
        (Finding.event == event) & (Finding.standard == supervision())
    ).execute()
    ChallengeEvent.update(status="agreed").where(ChallengeEvent.id == event.id).execute()
    data = admin_client.get(f"/challenge/events/{event.id}/report.pdf").data
    text = " ".join(
        " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split()
    )
    assert (
        "What its own staff said" in text and "did not match its self-rating on Supervision" in text
    )
    assert "Mismatch: Rated green, but only 25%" in text


def test_mismatches_list_every_flagged_rating_in_the_cycle(people, rated, event):
    rows = voices.mismatches(event.cycle)
    assert [(name, topic) for name, topic, _ in rows] == [
        ("Northbrook Hospitals NHS Foundation Trust", "Supervision")
    ]
    assert rows[0][2].flagged and reload(event).cycle_id == event.cycle_id
