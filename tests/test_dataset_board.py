"""What goes to the board: the highlight report (exceptions first, then the full scorecard, figures
checked in the PDF's own text) and the data-set section of the annual report."""

import io

from pypdf import PdfReader

from qa.pdf import html_to_pdf
from qa.reports import annual
from tests.dataset_fixtures import comparator, figures, indicator


def _three(people):
    red = indicator(agency=people["agency_a"])  # 25 against a target of 20: red, and worsening
    figures(red, [21, 25])
    fine = indicator(code="ok", name="Early help assessments", polarity="higher", target=100,
                     tolerance=10, unit="count", agency=people["agency_a"])  # fmt: skip
    figures(fine, [120, 130])
    behind = indicator(code="behind", name="New birth visits", polarity="higher", target=None,
                       unit="percent", agency=people["agency_a"])  # fmt: skip
    figures(behind, [88, 88])
    comparator(behind, "neighbours", 92.5)


def _pdf_text(data):
    """The PDF's words, with its line breaks read as spaces."""
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return " ".join(text.split())


def test_the_highlight_report_puts_exceptions_first_with_the_figures(admin_client, people):
    _three(people)
    response = admin_client.get("/data-set/highlight.pdf")
    assert response.mimetype == "application/pdf"
    text = _pdf_text(response.data)
    attention, full = text.split("The full scorecard")
    assert "2 of 3 indicators" in attention
    assert (
        "Re-referrals within 12 months" in attention
        and "Red against its target; worsening" in attention
    )
    assert "New birth visits" in attention and "Worse than statistical neighbours" in attention
    assert "Early help assessments" not in attention
    assert "25.0%" in full and "130" in full and "Statistical neighbours 92.5% (worse)" in full


def test_the_annual_report_has_a_data_set_section(app_context, people, cycles):
    """Its figures as the annual report gathers them, printed by the section's own PDF template
    (the whole report's PDF, with every section, is tests/test_reports_annual.py's)."""
    _three(people)
    built = annual.build(cycles["this"])
    (declared,) = [s for s in built["sections"] if s["declared"].key == "dataset"]
    steps = annual.steps()
    assert "The partnership's data set" in steps[5:-1] and steps[-1] == "Key messages"
    page = (
        '{% extends "pdf/layout.html" %}{% block content %}'
        "{% with section = figures %}{% include template %}{% endwith %}{% endblock %}"
    )
    html = app_context.jinja_env.from_string(page).render(
        figures=declared["figures"], template=declared["declared"].pdf, partnership_name="Test"
    )
    section = _pdf_text(html_to_pdf(html))
    assert "1 red 0 amber 1 green 1 without a target" in section
    assert "2 of 3 indicators are red against their target, worsening" in section
    assert "Re-referrals within 12 months Red against its target; worsening 25.0% Red" in section
    assert "New birth visits Worse than statistical neighbours 88.0%" in section
    assert "Early help assessments" not in section


def test_the_report_page_shows_the_data_set_section(admin_client, people, cycles):
    _three(people)
    page = admin_client.get(f"/reports/annual?cycle={cycles['this'].id}").get_data(as_text=True)
    assert "The partnership&#39;s data set" in page or "The partnership's data set" in page
    assert "1 red, 0 amber, 1 green and 1 without a target" in page
