"""The yearly report in a real browser: the admin starts the year's report, writes a section,
records a partner's sign-off, sees a later change reopen it, and downloads the PDF."""

from datetime import date

from playwright.sync_api import expect

from tests.browser.conftest import check_axe, fill_date, sign_in

pytest_plugins = ["tests.section11_fixtures"]


def test_admin_drafts_signs_off_reopens_and_downloads_the_yearly_report(page, people, cycles):
    sign_in(page, people["admin"].email)
    page.get_by_role("link", name="Yearly report", exact=True).click()
    start = page.get_by_role("button", name="Start the yearly report")
    expect(start).to_be_visible()
    check_axe(page, "yearly-report-start")
    start.click()
    first = page.get_by_role("region", name="1. What the partnership did this year")
    expect(first).to_be_visible()
    check_axe(page, "yearly-report")
    first.get_by_label("What the report says").fill("We met every month and heard children.")
    first.get_by_role("button", name="Save the section").click()
    expect(page.get_by_text("We met every month and heard children.")).to_be_visible()

    page.get_by_label("Lead safeguarding partner").select_option(label="Local authority")
    page.get_by_label("Name of the person who signed").fill("Jo Whitfield")
    fill_date(page, "Date they signed", date.today())
    page.get_by_role("button", name="Record the sign-off").click()
    expect(page.get_by_text("Signed off for Local authority by Jo Whitfield")).to_be_visible()
    check_axe(page, "yearly-report-signed")

    first = page.get_by_role("region", name="1. What the partnership did this year")
    first.get_by_label("What the report says").fill("We met every month and heard 40 children.")
    first.get_by_role("button", name="Save the section").click()
    expect(page.get_by_text("This change reopened the report")).to_be_visible()
    check_axe(page, "yearly-report-reopened")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the report as a PDF").click()
    assert download.value.suggested_filename == "Yearly report 2026-27.pdf"
