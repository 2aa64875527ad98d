"""The CSV of a survey's answers: in no order, without the visit key, small groups hidden as on
screen."""

import csv
import io
from collections import Counter

from qa.surveys import export, suppression, visits
from qa.surveys.models import Answer, Question, Response, SentVisit, SurveyLink
from tests.survey_fixtures import make_survey


def csv_rows(client, survey):
    text = client.get(f"/admin/surveys/{survey.id}/answers.csv").get_data(as_text=True)
    return text, list(csv.reader(io.StringIO(text)))


def children(survey, link, band, count, answer="yes"):
    question = survey.questions.where(Question.kind == "yes_no").get()
    for _ in range(count):
        response = Response.create(survey=survey, link=link, age_band=band)
        Answer.create(response=response, question=question, value=answer)


def test_rows_are_shuffled_by_the_operating_systems_randomness(admin_client, app, monkeypatch):
    used = []

    class Recorded(export.secrets.SystemRandom):
        def shuffle(self, x):
            used.append(len(x))
            super().shuffle(x)

    monkeypatch.setattr(export.secrets, "SystemRandom", Recorded)
    survey = make_survey()
    children(survey, survey.links.first(), "8-12", 6)
    csv_rows(admin_client, survey)
    assert used == [6]


def test_the_stored_visit_key_and_its_hash_are_never_exported(admin_client, app):
    survey = make_survey()
    link = survey.links.order_by(SurveyLink.id).first()
    children(survey, link, "8-12", 5)
    key = visits.new_visit_key()
    visits.save_answer(link, key, survey.questions.where(Question.kind == "yes_no").get(), ["no"])
    visits.submit(link, key)
    stored = SentVisit.get().key_hash
    text, rows = csv_rows(admin_client, survey)
    assert len(rows) == 7 and key not in text and stored not in text
    assert key[:8] not in text and stored[:8] not in text
    assert rows[0][:4] == ["Response", "Date", "Setting", "Age band"]  # the row's place, no id


def test_five_aged_8_to_12_and_one_aged_13_to_17_leave_no_band_to_work_out(admin_client, app):
    survey = make_survey(age_band="8-17")
    oak = survey.links.order_by(SurveyLink.id).first()
    children(survey, oak, "8-12", 5)
    children(survey, oak, "13-17", 1)
    text, rows = csv_rows(admin_client, survey)
    bands = Counter(row[3] for row in rows[1:])
    # not five "8-12" and one hidden, which could only be the one 13-17
    assert "13-17" not in text and bands == {suppression.HIDDEN: 6}, bands


def test_a_column_is_hidden_in_none_or_five_rows_or_more():
    rows = [["Oak", "8-12"]] * 6 + [["Oak", suppression.HIDDEN]] + [["Ash", "8-12"]] * 9
    shown = suppression.hide_alongside(rows, [1])
    assert Counter(row[1] for row in shown) == {suppression.HIDDEN: 7, "8-12": 9}
    assert suppression.hide_alongside([["Oak", "8-12"]] * 5, [1]) == [["Oak", "8-12"]] * 5
