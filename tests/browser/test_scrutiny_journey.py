"""Scrutiny themes in a real browser: a sub-group member adds a theme, cites an indicator and a
review's action, writes a finding on them and a recommendation that goes on the register, and
downloads the report."""

from datetime import date, timedelta

from playwright.sync_api import expect

from tests.browser.conftest import check_axe, fill_date, sign_in
from tests.dataset_fixtures import comparator, figures, indicator
from tests.review_fixtures import make_review, make_review_action, make_theme


def test_subgroup_member_builds_a_theme_from_evidence_to_action(page, people, cycles):
    ind = indicator()
    figures(ind, [24.0, 26.0])
    comparator(ind, "england", 22.0)
    theme = make_theme("Voice of the child")
    review = make_review(completed=date.today() - timedelta(days=100), themes=[theme])
    make_review_action(review, theme, cycles["this"], people["agency_a"], recommendation="Hear")
    sign_in(page, people["reviewer"].email)
    page.get_by_role("link", name="Scrutiny", exact=True).click()
    check_axe(page, "scrutiny-index")
    page.get_by_role("link", name="Add a scrutiny theme").click()
    page.get_by_label("Title").fill("Hearing disabled children")
    page.get_by_label("The question it asks").fill("How well do agencies hear disabled children?")
    page.get_by_label("Review it follows (optional)").select_option(
        label="RR-2025-04 (Rapid review)"
    )
    page.get_by_label("Status").select_option(label="Gathering evidence")
    check_axe(page, "scrutiny-form")
    page.get_by_role("button", name="Save the theme").click()
    expect(page.get_by_role("heading", name="Hearing disabled children")).to_be_visible()

    page.get_by_role("link", name="A data-set indicator").click()
    page.get_by_label("Record").select_option(label="Re-referrals within 12 months")
    check_axe(page, "scrutiny-cite")
    page.get_by_role("button", name="Cite it as evidence").click()
    expect(page.get_by_text("England 22.0%: worse")).to_be_visible()
    page.get_by_role("link", name="A review's action").click()
    page.get_by_label("Record").select_option(index=1)
    page.get_by_role("button", name="Cite it as evidence").click()
    expect(page.get_by_text("Recommendation: Hear.")).to_be_visible()

    page.get_by_text("Add a finding").click()
    finding = "Re-referrals rise where children are not heard"
    page.get_by_label("The finding", exact=True).fill(finding)
    page.get_by_role("button", name="Add the finding").click()
    expect(page.get_by_role("link", name="Choose the evidence that supports")).to_be_visible()
    page.get_by_label("E1 A data-set indicator: Re-referrals within 12 months").check()
    page.get_by_role("button", name="Add the finding").click()
    expect(page.get_by_text("Evidence: E1 Re-referrals within 12 months")).to_be_visible()

    page.get_by_text("Add a recommendation").click()
    page.get_by_label("The recommendation").fill("Record every child's views in their own words")
    page.get_by_label("The finding it answers").select_option(index=1)
    page.get_by_label("Agency").select_option(label="Northbrook Hospitals NHS Foundation Trust")
    page.get_by_label("Owner").fill("Named nurse")
    fill_date(page, "Due date", date.today() + timedelta(days=60))
    page.get_by_role("button", name="Add the recommendation").click()
    row = page.get_by_role("row").filter(has_text="Record every child's views")
    expect(row).to_contain_text("Open")
    check_axe(page, "scrutiny-theme")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the scrutiny report (PDF)").click()
    assert download.value.suggested_filename == "Scrutiny report Hearing disabled children.pdf"
    row.get_by_role("link", name="Record every child's views").click()
    expect(page.get_by_text("A recommendation of the scrutiny theme")).to_be_visible()
