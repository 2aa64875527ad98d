"""Survey settings: the safety message.

(global or per survey), safeguarding words, and faults that never reach a child.
"""

from datetime import datetime, timedelta

import pytest
from peewee import OperationalError

from qa.surveys import visits
from qa.surveys.models import (
    Flag,
    Response,
    SafeguardingTerm,
    SentVisit,
    Survey,
    SurveyDraft,
    SurveySettings,
)
from tests.survey_fixtures import Child, make_survey


def test_the_partnerships_safety_message_shows_unless_a_survey_has_its_own(admin_client, app):
    survey = make_survey()
    code = survey.links.first().code
    admin_client.post(
        "/admin/surveys/settings",
        {
            "save_settings": "1",
            "safety_message": "Ring the Northbrook helpline on 01234 567890.",
            "retention_years": "2",
            "staff_safety_message": "Follow your agency's procedures.",
            "mismatch_percent": "50",
        },
    )
    assert SurveySettings.current().retention_years == 2
    assert "01234 567890" in Child(app, code).get().get_data(as_text=True)
    Survey.update(safety_message="Talk to Mrs Patel in room 4.").where(
        Survey.id == survey.id
    ).execute()
    html = Child(app, code).get().get_data(as_text=True)
    assert "Mrs Patel" in html and "01234 567890" not in html


def test_admin_adds_and_removes_safeguarding_phrases_used_for_new_answers(admin_client, app):
    admin_client.post("/admin/surveys/settings", {"add_term": "1", "term-phrase": "Took My Phone"})
    term = SafeguardingTerm.get(SafeguardingTerm.phrase == "took my phone")
    survey = make_survey()
    link, key = survey.links.first(), visits.new_visit_key()
    visits.save_answer(
        link,
        key,
        [q for q in survey.questions if q.kind == "text"][0],
        ["they took my phone again"],
    )
    visits.submit(link, key)
    assert Flag.get().phrases == "took my phone"
    admin_client.post(f"/admin/surveys/settings/terms/{term.id}/remove")
    assert not SafeguardingTerm.select().where(SafeguardingTerm.phrase == "took my phone").exists()


def test_a_locked_database_is_retried_and_never_reaches_the_child(monkeypatch):
    calls = []

    def flaky():
        calls.append(1)
        if len(calls) < 3:
            raise OperationalError("database is locked")
        return "saved"

    monkeypatch.setattr(visits.time, "sleep", lambda seconds: None)
    assert visits.retry_locked(flaky) == "saved" and len(calls) == 3


def test_other_database_errors_are_not_retried(monkeypatch):
    def broken():
        raise OperationalError("no such table: answer")

    with pytest.raises(OperationalError):
        visits.retry_locked(broken)


def test_abandoned_drafts_are_deleted_after_a_day(app):
    survey = make_survey()
    link = survey.links.first()
    question = survey.questions.first()
    visits.save_answer(link, "old-visit", question, ["1"])
    visits.save_answer(link, "new-visit", question, ["2"])
    SurveyDraft.update(updated_at=datetime.now() - timedelta(days=2)).where(
        SurveyDraft.visit_key == "old-visit"
    ).execute()
    assert visits.purge_drafts() == 1
    assert [d.visit_key for d in SurveyDraft.select()] == ["new-visit"]


def test_drafts_keep_their_time_only_to_the_hour(app):
    survey = make_survey()
    link, question = survey.links.first(), survey.questions.first()
    visits.save_answer(link, "a-visit", question, ["1"])
    visits.save_age_band(link, "b-visit", "8-12")
    for draft in SurveyDraft.select():
        at = draft.updated_at
        assert (at.minute, at.second, at.microsecond) == (0, 0, 0)
        assert datetime.now() - timedelta(hours=1) < at <= datetime.now()


def test_sent_visits_are_forgotten_within_a_day(app):
    survey = make_survey()
    link, question = survey.links.first(), survey.questions.first()
    visits.save_answer(link, "sent-visit", question, ["1"])
    visits.submit(link, "sent-visit")
    visits.purge_drafts()
    assert SentVisit.select().count() == 1  # still guarding against a double send
    visits.purge_drafts(now=datetime.now() + timedelta(days=1))
    assert SentVisit.select().count() == 0 and Response.select().count() == 1


def test_a_survey_for_all_ages_asks_an_optional_age_band_first(app):
    survey = make_survey(age_band="8-17")
    child = Child(app, survey.links.first().code)
    assert "How old are you?" in child.get().get_data(as_text=True)
    child.post("", {"age_band": "13-17"})
    child.answer(1, "3")
    child.send()
    assert Response.get().age_band == "13-17"
    other = Child(app, survey.links.first().code)
    other.get()
    other.post("", {"age_band": "99"})
    other.send()
    assert sorted(r.age_band for r in Response.select()) == ["", "13-17"]
