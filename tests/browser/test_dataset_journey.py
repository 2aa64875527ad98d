"""The data set in a real browser: an agency lead sends the quarter's figures with the last
quarter beside them; the QA officer reads the scorecard, filters it by locality, opens the
indicator, adds commentary and downloads the highlight report."""

import re

from playwright.sync_api import expect

from qa.dataset import rules
from qa.dataset.models import Comment, Figure
from tests.browser.conftest import check_axe, sign_in
from tests.dataset_fixtures import BEFORE, NOW, comparator, figures, indicator, locality


def test_a_lead_sends_figures_and_the_qa_officer_reads_the_scorecard(page, people):
    north = locality("North")
    ind = indicator(agency=people["agency_a"], by_locality=True)
    figures(ind, [19.0], last=BEFORE)
    figures(ind, [17.0], locality=north, last=BEFORE)
    comparator(ind, "neighbours", 20.5)

    sign_in(page, people["lead_a"].email)
    page.get_by_role("link", name="Data set", exact=True).click()
    expect(page.get_by_role("region", name="Figures to send")).to_contain_text("Re-referrals")
    check_axe(page, "dataset-scorecard-lead")
    page.get_by_role("link", name="Enter your agency's figures").click()
    expect(page.get_by_role("heading", name=re.compile("Your data return"))).to_be_visible()
    expect(page.get_by_role("cell", name="19.0%")).to_be_visible()  # last quarter beside
    page.get_by_label("Figure for the whole area").fill("24")
    page.get_by_label("Figure for North").fill("22")
    page.get_by_role("button", name="Send figures").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("moved from 19.0% to 24.0%")
    check_axe(page, "dataset-return-error")
    summary.get_by_role("link").first.click()
    expect(page.get_by_label(re.compile("^Note"))).to_be_focused()
    page.get_by_label(re.compile("^Note")).fill("A new front door in April")
    page.get_by_role("button", name="Send figures").click()
    expect(page.get_by_text(f"Figures for {rules.period_label(NOW)} saved")).to_be_visible()
    assert Figure.select().where(Figure.period == NOW).count() == 2
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, people["admin"].email)
    page.get_by_role("link", name="Data set", exact=True).click()
    row = page.get_by_role("row", name=re.compile("Re-referrals within 12 months"))
    expect(row).to_contain_text("Red")
    expect(row).to_contain_text("Worsening")
    expect(row).to_contain_text("Worse than neighbours (20.5%)")
    check_axe(page, "dataset-scorecard")
    page.set_viewport_size({"width": 640, "height": 900})  # 200% zoom: the table scrolls in place
    assert page.evaluate("document.documentElement.scrollWidth") <= 640
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_label("Locality").select_option(label="North")
    expect(page.get_by_text("1 indicator in North")).to_be_visible()
    expect(page).to_have_url(re.compile(f"locality={north.id}"))
    expect(page.get_by_role("row", name=re.compile("Re-referrals"))).to_contain_text("22.0%")
    page.get_by_role("link", name="Re-referrals within 12 months").click()
    expect(page.get_by_role("heading", name="Every figure")).to_be_visible()
    check_axe(page, "dataset-indicator")
    page.get_by_label("Add commentary").fill("The front door changed in April; watch Q3.")
    page.get_by_role("button", name="Add commentary").click()
    expect(page.get_by_text("Commentary added")).to_be_visible()
    assert Comment.get().text.startswith("The front door changed")
    page.get_by_role("link", name="Scorecard").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Highlight report for the board (PDF)").click()
    assert download.value.suggested_filename.startswith("Data set highlight report")
    assert page.console_errors == []
