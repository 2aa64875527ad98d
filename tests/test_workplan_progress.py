"""The quarterly progress report: per board priority each item's status and the progress drawn
from the record it is linked to, what is overdue, and the chair's commentary, on screen and in the
PDF. The figures are written out by hand here from the fixtures, never by the code under test."""

import io
import re

import pytest
from pypdf import PdfReader

from qa.dataset.models import Figure, Indicator, Locality
from qa.scrutiny.models import ScrutinyEvidence, ScrutinyFinding, ScrutinyTheme
from qa.workplan.models import Commentary
from tests.case_audit_fixtures import make_audit
from tests.review_fixtures import make_review, make_review_action, make_theme
from tests.workplan_fixtures import (  # noqa: F401
    make_item,
    make_priority,
    submitted_return,
    survey_with,
    year_fixture,
)


def pdf_text(data):
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def words(text):
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def plan(people, year):
    """Two priorities and six items. Linked: Section 11 returns (1 of the 2 agencies has sent
    its return in), a survey with 3 responses, a case audit at its auditors' meeting, a review
    with 1 of 3 actions done. Overdue (quarter over, not done): the Q1 survey and the Q2 audit."""
    neglect, voice = make_priority(year, "Neglect"), make_priority(year, "Voice of the child", 1)
    submitted_return(people["agency_a"], year)
    survey = survey_with(3)
    audit = make_audit("Neglect at home", status="meeting")
    theme = make_theme()
    review = make_review(themes=[theme])
    for status in ("done", "open", "open"):
        make_review_action(review, theme, year, agency=people["agency_a"], status=status)
    owner = people["reviewer"]
    make_item(year, "Section 11 cycle", 3, "on_track", priority=neglect, owner=owner,
              link_kind="section11", link_id=year.id)  # fmt: skip
    make_item(year, "Neglect case audit", 2, "at_risk", priority=neglect,
              link_kind="case_audit", link_id=audit.id)  # fmt: skip
    make_item(year, "Children's survey", 1, "on_track", priority=voice,
              link_kind="survey", link_id=survey.id)  # fmt: skip
    make_item(year, "Rapid review actions", 3, "not_started", priority=voice,
              link_kind="review", link_id=review.id)  # fmt: skip
    make_item(year, "Data set refresh", 1, "done", priority=voice)
    make_item(year, "Terms of reference", 4, "not_started")
    return year


def test_the_progress_report_shows_each_priority_with_its_figures(app, people, plan, admin_client):
    html = words(
        admin_client.get(f"/work-plan/{plan.id}/progress?quarter=3").get_data(as_text=True)
    )
    assert "6 items in the plan: 1 done, 2 on track, 1 at risk, 2 not started." in html
    assert "2 due this quarter; 2 overdue." in html
    assert "1 of 2 returns sent in" in html
    assert "Audit at stage: Auditors&#39; meeting" in html
    assert "3 responses, survey open" in html
    assert "1 of 3 actions done" in html
    for caption in ("Neglect", "Voice of the child", "Serving no board priority"):
        assert f'caption--m">{caption}</caption>' in html
    overdue = html.split('id="overdue"')[1].split('id="commentary"')[0]
    assert "Neglect case audit: due in Q2" in overdue
    assert "Children&#39;s survey: due in Q1" in overdue
    assert "Section 11 cycle" not in overdue and "Data set refresh" not in overdue


def test_the_pdf_says_the_same_with_the_chairs_commentary(app, people, plan, admin_client):
    url = f"/work-plan/{plan.id}/progress?quarter=3"
    saved = admin_client.post(url, {"version": "0", "text": "Good progress on neglect."})
    assert saved.status_code == 302
    response = admin_client.get(f"/work-plan/{plan.id}/progress.pdf?quarter=3")
    assert response.mimetype == "application/pdf"
    text = words(pdf_text(response.data))
    assert "6 items in the plan: 1 done, 2 on track, 1 at risk, 2 not started." in text
    assert "1 of 2 returns sent in" in text and "1 of 3 actions done" in text
    assert "Neglect case audit: due in Q2, at risk" in text
    assert "Good progress on neglect." in text


def test_the_commentary_is_kept_per_quarter_and_a_stale_save_is_a_conflict(
    app, people, year, admin_client, reviewer_client
):
    url = f"/work-plan/{year.id}/progress?quarter=2"
    assert admin_client.post(url, {"version": "0", "text": "First"}).status_code == 302
    stale = reviewer_client.post(url, {"version": "0", "text": "Second"}).get_data(as_text=True)
    assert "Someone else saved this" in stale
    found = Commentary.get()
    assert (found.quarter, found.text) == (2, "First")
    assert (
        reviewer_client.post(url, {"version": str(found.version), "text": "Second"}).status_code
        == 302
    )
    assert Commentary.get().text == "Second"
    other = admin_client.get(f"/work-plan/{year.id}/progress?quarter=1").get_data(as_text=True)
    assert "Second" not in other


def test_an_item_linked_to_an_indicator_shows_its_latest_figure_for_the_whole_area(
    app, people, year, admin_client
):
    indicator = Indicator.create(code="cp", name="Child protection plans", definition="Plans")
    north = Locality.create(name="North")
    for period, locality in (("2026-Q2", None), ("2026-Q3", None), ("2026-Q4", north)):
        Figure.create(indicator=indicator, period=period, locality=locality, value=40)
    make_item(year, "Data set to the board", 3, link_kind="indicator", link_id=indicator.id)
    html = admin_client.get(f"/work-plan/{year.id}/progress?quarter=3").get_data(as_text=True)
    assert "Latest figure: July to September 2026" in html


def test_an_item_linked_to_a_scrutiny_theme_shows_its_stage_evidence_and_findings(
    app, people, year, admin_client
):
    theme = ScrutinyTheme.create(
        cycle=year, title="Voice of disabled children", question="Are they heard?",
        status="gathering",
    )  # fmt: skip
    for n in range(2):
        ScrutinyEvidence.create(theme=theme, kind="document", note=f"Report {n}")
    ScrutinyFinding.create(theme=theme, text="Their views are rarely recorded")
    make_item(year, "Scrutiny: disabled children", 3, link_kind="scrutiny", link_id=theme.id)
    html = admin_client.get(f"/work-plan?cycle={year.id}").get_data(as_text=True)
    assert "Theme at stage: Gathering evidence; 2 pieces of evidence, 1 finding" in html
