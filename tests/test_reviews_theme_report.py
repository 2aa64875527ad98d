"""The quarterly review theme report: review actions by agency and by theme in each status (open,
overdue, complete, impact evidenced, assured) with the change since the quarter before, and the
sub-group's decision per theme; the figures are written out by hand here, and read back from the
page and from the PDF's text."""

import io
import re
from datetime import date, datetime

import pytest
from pypdf import PdfReader

from qa.db import db
from qa.reviews import rules
from qa.reviews.models import ThemeDecision
from tests.review_fixtures import make_review, make_review_action, make_theme


def at(text):
    return datetime.fromisoformat(text)


@pytest.fixture
def quarter(people, cycles):
    """Seven review actions seen in July to September 2025 (statuses at 30 September / 30 June)."""
    with db.atomic():
        return seven_actions(people, cycles)


def seven_actions(people, cycles):
    neglect, voice = make_theme("Neglect"), make_theme("Voice of the child")
    review = make_review(themes=[neglect, voice])
    a, b = people["agency_a"], people["agency_b"]

    def add(theme, agency=None, **more):
        officer = None if agency else people["lead_a"]
        return make_review_action(
            review, theme, cycles["this"], agency=agency, officer=officer, **more
        )

    # open / open
    add(neglect, a, created_at=at("2025-05-01"), due=date(2025, 12, 1))
    # overdue / open
    add(neglect, a, created_at=at("2025-05-01"), due=date(2025, 8, 1))
    # complete / overdue
    add(
        voice,
        b,
        created_at=at("2025-04-01"),
        due=date(2025, 6, 1),
        status="done",
        completed_at=at("2025-07-15"),
    )
    # impact evidenced / impact evidenced (partnership-wide)
    add(
        voice,
        None,
        created_at=at("2025-04-01"),
        due=date(2025, 9, 1),
        status="done",
        completed_at=at("2025-06-10"),
        impact="Children's views recorded in 9 of 10 plans",
    )
    # assured / impact evidenced
    add(
        neglect,
        b,
        created_at=at("2025-02-01"),
        due=date(2025, 3, 1),
        status="done",
        completed_at=at("2025-03-01"),
        impact="Neglect toolkit used",
        assured=True,
        assured_at=at("2025-08-20"),
    )
    # open / not yet made
    add(voice, a, created_at=at("2025-08-01"), due=date(2025, 12, 31))
    # cancelled: never counted
    add(
        voice,
        a,
        created_at=at("2025-04-01"),
        due=date(2025, 5, 1),
        status="cancelled",
        completed_at=at("2025-05-02"),
    )
    return {"neglect": neglect, "voice": voice}


TOTALS = {"open": 2, "overdue": 1, "complete": 1, "impact": 1, "assured": 1}
CHANGE = {"open": 0, "overdue": 0, "complete": 1, "impact": -1, "assured": 1}
AGENCIES = {
    "Northbrook Constabulary": [0, 0, 1, 0, 1, 2],
    "Northbrook Hospitals NHS Foundation Trust": [2, 1, 0, 0, 0, 3],
    "Partnership-wide": [0, 0, 0, 1, 0, 1],
}
THEMES = {"Neglect": [1, 1, 0, 0, 1, 3], "Voice of the child": [1, 0, 1, 1, 0, 3]}


def test_the_report_counts_each_action_once_in_its_furthest_status(app_context, quarter):
    from qa.reviews.queries import theme_rows

    counts = rules.theme_report(theme_rows(), date(2025, 9, 30), date(2025, 6, 30))
    assert counts["totals"] == TOTALS and counts["change"] == CHANGE and counts["total"] == 6
    by_agency = {r["name"]: [*r["counts"].values(), r["total"]] for r in counts["agencies"]}
    assert by_agency == AGENCIES
    assert {r["name"]: [*r["counts"].values(), r["total"]] for r in counts["themes"]} == THEMES


def test_the_page_shows_the_figures_and_the_subgroups_decision(
    app, people, quarter, reviewer_client
):
    url = "/reviews/report?day=2025-08-15"
    response = reviewer_client.post(
        "/reviews/report/decisions?day=2025-08-15",
        {"theme": str(quarter["neglect"].id), "decision": "fold_into_audit", "note": "MACA 2026"},
    )
    assert response.status_code == 303
    assert ThemeDecision.get().quarter_start == date(2025, 7, 1)
    html = reviewer_client.get(url).get_data(as_text=True)
    assert "6 actions from reviews as at 30 September 2025" in html
    assert "1 assured (+1)" in html and "1 impact evidenced (−1)" in html
    assert "the change since 30 June 2025" in html
    cells = re.findall(
        r'<th scope="row" class="govuk-table__header">([^<]+)</th>(.*?)</tr>', html, re.S
    )
    shown = {name: [int(n) for n in re.findall(r'numeric">(\d+)', row)] for name, row in cells}
    assert shown == AGENCIES | THEMES
    assert 'Fold into a planned audit<br><span class="govuk-body-s">MACA 2026' in html


def test_the_pdf_carries_the_same_figures(app, people, quarter, reviewer_client):
    response = reviewer_client.get("/reviews/report.pdf?day=2025-08-15")
    assert response.mimetype == "application/pdf"
    reader = PdfReader(io.BytesIO(response.data))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "2 (=0) 1 (=0) 1 (+1) 1 (−1) 1 (+1) 6" in text
    assert "Partnership-wide 0 (=0) 0 (=0) 0 (=0) 1 (=0) 0 (=0) 1" in text
    assert "Neglect 1 (−1) 1 (+1) 0 (=0) 0 (−1) 1 (+1) 3" in text


def test_a_day_that_is_not_a_date_is_not_found(app, people, reviewer_client, signed_in):
    assert reviewer_client.get("/reviews/report?day=2025-13-40").status_code == 404
    assert signed_in(people["lead_a"]).get("/reviews/report").status_code == 403
