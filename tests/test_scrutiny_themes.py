"""Scrutiny themes: a theme citing every kind of evidence qa holds, each described live by the
capability that holds it; uploaded documents; findings that must rest on evidence; recommendations
that become actions; who may do it."""

import html
import io
from datetime import date, timedelta

import pytest
from pypdf import PdfReader

from qa.actions.models import Action
from qa.audit import AuditEvent
from qa.capability import evidence_kinds
from qa.scrutiny import rules
from qa.scrutiny.models import (
    ScrutinyEvidence,
    ScrutinyFinding,
    ScrutinyRecommendation,
    ScrutinyTheme,
)
from qa.section11.models import Rating
from qa.surveys import evidence_source as survey_evidence
from qa.surveys import queries as survey_queries
from qa.surveys.models import Answer, Question, Response, SurveyLink
from tests.scrutiny_fixtures import evidence_world, make_scrutiny_theme
from tests.section11_fixtures import PDF
from tests.survey_fixtures import make_survey

KINDS = {
    "section11_standard",
    "section11_rating",
    "challenge_finding",
    "survey_question",
    "case_audit_theme",
    "indicator",
    "review_action",
}


def page(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return html.unescape(response.get_data(as_text=True))


def cite(client, theme, kind, record_id):
    return client.post(f"/scrutiny/{theme.id}/evidence/{kind}", {"record": str(record_id)})


@pytest.fixture
def world(people, cycles):
    return evidence_world(people, cycles["this"])


@pytest.fixture
def theme(cycles):
    return make_scrutiny_theme(cycles["this"])


def test_every_capability_that_holds_evidence_declares_it():
    assert set(evidence_kinds()) == KINDS


def test_a_theme_cites_each_kind_of_evidence_and_shows_what_each_says(admin_client, world, theme):
    for kind, (record_id, _) in world.items():
        choosing = page(admin_client, f"/scrutiny/{theme.id}/evidence/{kind}")
        assert f'value="{record_id}"' in choosing, kind
        assert cite(admin_client, theme, kind, record_id).status_code == 303, kind
    shown = page(admin_client, f"/scrutiny/{theme.id}")
    for kind, (_, says) in world.items():
        assert says in shown, kind
    assert "England 22.0%: worse" in shown
    assert "Evidence (7)" in shown
    assert "My secret words" not in shown  # a child's written answer is never evidence
    assert ScrutinyEvidence.select().count() == 7
    assert AuditEvent.select().where(AuditEvent.verb == "cited").count() == 7


def test_a_record_already_cited_is_not_offered_again(admin_client, world, theme):
    record_id = world["indicator"][0]
    cite(admin_client, theme, "indicator", record_id)
    assert f'value="{record_id}"' not in page(
        admin_client, f"/scrutiny/{theme.id}/evidence/indicator"
    )
    cite(admin_client, theme, "indicator", record_id)  # posted again: refused, nothing added
    assert ScrutinyEvidence.select().count() == 1


def test_an_unknown_kind_of_evidence_is_not_found(admin_client, theme):
    assert admin_client.get(f"/scrutiny/{theme.id}/evidence/gossip").status_code == 404


def test_evidence_is_drawn_live_and_says_when_the_record_is_gone(admin_client, world, theme):
    rating_id = world["section11_rating"][0]
    cite(admin_client, theme, "section11_rating", rating_id)
    Rating.update(moderation_status="agreed", moderation_comment="Now seen").where(
        Rating.id == rating_id
    ).execute()
    assert "The sub-group agreed it: Now seen" in page(admin_client, f"/scrutiny/{theme.id}")
    Rating.delete().where(Rating.id == rating_id).execute()
    assert "No longer held" in page(admin_client, f"/scrutiny/{theme.id}")


def test_a_document_from_outside_is_kept_and_downloaded(admin_client, theme):
    posted = admin_client.post(
        f"/scrutiny/{theme.id}/documents",
        {"document": (io.BytesIO(PDF), "ILACS 2026.pdf"), "note": "Ofsted: views not recorded"},
        content_type="multipart/form-data",
    )
    assert posted.status_code == 303
    evidence = ScrutinyEvidence.get(ScrutinyEvidence.kind == "document")
    shown = page(admin_client, f"/scrutiny/{theme.id}")
    assert "ILACS 2026.pdf" in shown and "Ofsted: views not recorded" in shown
    assert 'hx-boost="false" download' in shown
    got = admin_client.get(f"/scrutiny/{theme.id}/documents/{evidence.document_id}")
    assert got.data == PDF and got.headers["Content-Disposition"].startswith("attachment")
    other = make_scrutiny_theme(theme.cycle, title="Another")
    assert (
        admin_client.get(f"/scrutiny/{other.id}/documents/{evidence.document_id}").status_code
        == 404
    )


def test_a_document_of_the_wrong_kind_is_refused_beside_the_field(admin_client, theme):
    posted = admin_client.post(
        f"/scrutiny/{theme.id}/documents",
        {"document": (io.BytesIO(b"MZ\x90\x00"), "report.exe"), "note": "A report"},
        content_type="multipart/form-data",
    )
    assert posted.status_code == 200
    assert 'id="document-error"' in posted.get_data(as_text=True)
    assert not ScrutinyEvidence.select().exists()


def test_removing_evidence_stops_citing_it(admin_client, world, theme):
    cite(admin_client, theme, "indicator", world["indicator"][0])
    evidence = ScrutinyEvidence.get()
    assert (
        admin_client.post(f"/scrutiny/{theme.id}/evidence/{evidence.id}/remove").status_code == 303
    )
    assert not ScrutinyEvidence.select().exists()
    assert (
        admin_client.post(f"/scrutiny/{theme.id}/evidence/{evidence.id}/remove").status_code == 404
    )


def test_a_finding_without_evidence_is_refused_with_a_clear_message(admin_client, world, theme):
    cite(admin_client, theme, "indicator", world["indicator"][0])
    other = make_scrutiny_theme(theme.cycle, title="Another")
    cite(admin_client, other, "review_action", world["review_action"][0])
    elsewhere = ScrutinyEvidence.get(ScrutinyEvidence.theme == other)
    for chosen in ({}, {"evidence": str(elsewhere.id)}):
        posted = admin_client.post(
            f"/scrutiny/{theme.id}/findings", {"text": "Referrals are rising", **chosen}
        )
        assert posted.status_code == 200
        assert rules.NO_EVIDENCE in html.unescape(posted.get_data(as_text=True))
    assert not ScrutinyFinding.select().exists()


def test_a_finding_rests_on_the_evidence_chosen(admin_client, world, theme):
    cite(admin_client, theme, "indicator", world["indicator"][0])
    cite(admin_client, theme, "challenge_finding", world["challenge_finding"][0])
    chosen = [e.id for e in ScrutinyEvidence.select()]
    posted = admin_client.post(
        f"/scrutiny/{theme.id}/findings",
        {"text": "Children's views go unrecorded", "evidence": [str(i) for i in chosen]},
    )
    assert posted.status_code == 303
    finding = ScrutinyFinding.get()
    assert sorted(link.evidence_id for link in finding.evidence_links) == sorted(chosen)
    shown = page(admin_client, f"/scrutiny/{theme.id}")
    assert "Children's views go unrecorded" in shown
    assert "Evidence: E1 Northbrook Constabulary" in shown


def test_a_recommendation_becomes_an_action_shown_back_with_its_status(admin_client, people, theme):
    due = date.today() + timedelta(days=60)
    posted = admin_client.post(
        f"/scrutiny/{theme.id}/recommendations",
        {
            "description": "Record every child's views in their own words",
            "agency": str(people["agency_a"].id),
            "owner": "Named nurse",
            "due-day": str(due.day),
            "due-month": str(due.month),
            "due-year": str(due.year),
        },
    )
    assert posted.status_code == 303
    recommendation = ScrutinyRecommendation.get()
    action = Action.get(Action.source == "scrutiny")
    assert recommendation.action_id == action.id and action.source_id == recommendation.id
    assert (action.agency_id, action.owner, action.due) == (
        people["agency_a"].id,
        "Named nurse",
        due,
    )
    Action.update(status="in_progress").where(Action.id == action.id).execute()
    shown = page(admin_client, f"/scrutiny/{theme.id}")
    assert "Record every child's views in their own words" in shown and "In progress" in shown
    register = page(admin_client, f"/actions/{action.id}")
    assert "A recommendation of the scrutiny theme Hearing disabled children" in register


def test_a_partnership_recommendation_needs_its_responsible_officer(admin_client, theme):
    due = date.today() + timedelta(days=60)
    posted = admin_client.post(
        f"/scrutiny/{theme.id}/recommendations",
        {"description": "Train everyone", "agency": "partnership", "owner": "Chair"}
        | {"due-day": str(due.day), "due-month": str(due.month), "due-year": str(due.year)},
    )
    assert "Choose the responsible officer" in posted.get_data(as_text=True)
    assert not Action.select().where(Action.source == "scrutiny").exists()


def test_a_theme_is_added_and_a_stale_edit_shows_the_conflict(admin_client, people, cycles):
    posted = admin_client.post(
        "/scrutiny/new",
        {
            "version": "1",
            "title": "Neglect: acting early",
            "question": "Do agencies act early on neglect?",
            "lead": str(people["reviewer"].id),
            "status": "planned",
        },
    )
    assert posted.status_code == 303
    theme = ScrutinyTheme.get()
    assert (theme.cycle_id, theme.lead_id) == (cycles["this"].id, people["reviewer"].id)
    edit = {"title": "Neglect", "question": "Why?", "status": "gathering"}
    assert (
        admin_client.post(f"/scrutiny/{theme.id}/edit", {"version": "1", **edit}).status_code == 302
    )
    stale = admin_client.post(
        f"/scrutiny/{theme.id}/edit", {"version": "1", **edit, "title": "Old"}
    )
    assert "Someone else saved this while you were editing" in stale.get_data(as_text=True)
    assert ScrutinyTheme.get().title == "Neglect"
    assert AuditEvent.select().where(AuditEvent.object_type == "ScrutinyTheme").count() == 2


def test_the_report_pdf_has_the_question_evidence_findings_and_action_plan(
    admin_client, people, world, theme
):
    for kind, (record_id, _) in world.items():
        cite(admin_client, theme, kind, record_id)
    evidence = [str(e.id) for e in ScrutinyEvidence.select()]
    admin_client.post(
        f"/scrutiny/{theme.id}/findings", {"text": "Views unrecorded", "evidence": evidence}
    )
    due = date.today() + timedelta(days=30)
    admin_client.post(
        f"/scrutiny/{theme.id}/recommendations",
        {"description": "Use a communication passport", "agency": str(people["agency_b"].id)}
        | {"owner": "Head of safeguarding", "due-day": str(due.day)}
        | {"due-month": str(due.month), "due-year": str(due.year)},
    )
    response = admin_client.get(f"/scrutiny/{theme.id}/report.pdf")
    assert response.headers["Content-Type"] == "application/pdf"
    text = " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(response.data)).pages
    )
    assert "How well do agencies hear the voice of children with disabilities?" in text
    for label in ("Section 11: one agency's rating", "A data-set indicator", "A review's action"):
        assert label in text
    assert "Self-rated Green; agreed Red." in text
    assert "Views unrecorded" in text and "E1" in text
    assert "Use a communication passport" in text and "Northbrook Constabulary" in text
    assert "My secret words" not in text


@pytest.mark.parametrize("who", ["peer", "lead_a"])
def test_only_the_sub_group_may_open_themes(signed_in, people, theme, who):
    client = signed_in(people[who])
    assert client.get("/scrutiny").status_code == 403
    assert client.get(f"/scrutiny/{theme.id}").status_code == 403


def test_a_sub_group_reviewer_may_work_on_a_theme(reviewer_client, theme):
    assert "Hearing disabled children" in page(reviewer_client, "/scrutiny")
    assert "Cite a record qa holds" in page(reviewer_client, f"/scrutiny/{theme.id}")


def test_the_theme_page_reads_a_bounded_number_of_queries(
    admin_client, world, theme, count_queries
):
    for kind, (record_id, _) in world.items():
        cite(admin_client, theme, kind, record_id)
    with count_queries() as few:
        page(admin_client, f"/scrutiny/{theme.id}")
    more = make_scrutiny_theme(theme.cycle, title="Twice the evidence")
    for kind, (record_id, _) in world.items():
        cite(admin_client, more, kind, record_id)
    # a second record of several kinds: the count must not grow with them
    with count_queries() as same:
        page(admin_client, f"/scrutiny/{more.id}")
    assert same.count == few.count


def test_the_list_of_themes_reads_the_same_queries_however_many(
    admin_client, people, theme, count_queries
):
    ScrutinyTheme.update(lead=people["reviewer"]).execute()
    with count_queries() as one:
        assert "Angela Brooks" in page(admin_client, "/scrutiny")
    for n in range(3):
        make_scrutiny_theme(theme.cycle, title=f"Theme {n}", lead=people["admin"])
    with count_queries() as four:
        assert "Theme 2" in page(admin_client, "/scrutiny")
    assert four.count == one.count


def test_survey_evidence_hides_small_numbers_as_the_results_page_does(app_context, cycles):
    survey = make_survey()
    link = SurveyLink.get(SurveyLink.survey == survey)
    question = Question.get(Question.survey == survey, Question.kind == "yes_no")
    for n in range(6):
        response = Response.create(survey=survey, link=link, age_band="8-12")
        Answer.create(response=response, question=question, value="yes" if n < 5 else "no")
    _, says, _ = survey_evidence.describe([question.id], cycles["this"])[question.id]
    # one "no" would pick a child out; the others would give it away from the total
    assert says == "6 answered: Yes fewer than 5, No fewer than 5, Not sure fewer than 5."
    _, summary = survey_queries.results_for(survey)  # as the results page shows them
    shown = next(item for item in summary if item["question"]["id"] == question.id)
    assert [row["count"] for row in shown["rows"]] == [None, None, None]
