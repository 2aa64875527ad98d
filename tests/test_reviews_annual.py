"""The board's annual report gains a learning-from-reviews section: reviews completed, their
actions' progress, what the sub-group found a year on and in dip samples, and what changed."""

import io
import re
from datetime import date, datetime, timedelta

from flask import render_template
from pypdf import PdfReader

from qa.pdf import html_to_pdf
from qa.reports import annual
from qa.reviews.annual import gather
from tests.review_fixtures import make_review, make_review_action, make_theme


def test_the_section_tells_the_board_what_changed_not_only_counts(app_context, people, cycles):
    this = cycles["this"]
    theme = make_theme("Voice of the child")
    in_year = this.starts + timedelta(days=5)
    rapid = make_review("RR-2026-01", completed=in_year, themes=[theme])
    make_review("LCSPR-2026-01", kind="local", completed=in_year)
    make_review("RR-2024-09", completed=date(2024, 9, 1))  # before the cycle
    done = datetime.combine(this.starts + timedelta(days=20), datetime.min.time())
    make_review_action(
        rapid,
        theme,
        this,
        officer=people["lead_a"],
        status="done",
        completed_at=done,
        impact="Children's own words now open every plan",
        assured=True,
        dip_sampled_at=done,
        dip_outcome="confirmed",
    )
    make_review_action(
        rapid,
        theme,
        this,
        agency=people["agency_b"],
        status="done",
        completed_at=done,
        assured=False,
    )
    make_review_action(rapid, theme, this, agency=people["agency_a"])
    figures = gather(this, date.today())
    assert figures["completed"] == [
        ("Local child safeguarding practice review", 1),
        ("Rapid review", 1),
    ]
    assert (figures["actions"], figures["complete"], figures["impact"]) == (3, 2, 1)
    assert (figures["assured"], figures["not_assured"]) == (1, 1)
    assert (figures["sampled"], figures["confirmed"]) == (1, 1)
    assert figures["examples"] == [
        {
            "reference": "RR-2026-01",
            "theme": "Voice of the child",
            "agency": "Partnership-wide",
            "impact": "Children's own words now open every plan",
        }
    ]
    page = render_template("reviews/_annual.html", section=figures)
    assert "the sub-group was assured by the evidence for 1 action" in page
    assert "<strong>RR-2026-01, voice of the child (Partnership-wide)</strong>" in page
    # the section's own PDF part, as the report includes it (the report's build is tested there)
    assert "Learning from reviews" in annual.steps()
    html = render_template("pdf/_annual_reviews.html", section=figures)
    pdf = html_to_pdf(f"<html><body>{html}</body></html>")
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    assert "3 2 1 1 1 1 (1)" in text
    assert "RR-2026-01, voice of the child (Partnership-wide): Children" in text
