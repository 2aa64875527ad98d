"""The admin's first journey in a real browser.

Sign in, find and add an agency, see it audited, sign out.
"""

from datetime import date

from playwright.sync_api import expect

from tests.browser.conftest import check_axe, fill_date, sign_in


def test_admin_creates_agency_with_active_search_inline_validation_and_audit(page, people):
    page.goto("/sign-in")
    check_axe(page, "sign-in")
    sign_in(page, people["admin"].email)
    check_axe(page, "home-admin")

    page.get_by_role("link", name="Agencies", exact=True).first.click()
    expect(page.get_by_role("heading", name="Agencies")).to_be_visible()
    check_axe(page, "agencies")

    # Active search: typing filters the table without a page load.
    page.get_by_label("Search agencies").fill("Constab")
    expect(page.locator("#agency-results caption")).to_contain_text("1 agency matching")
    expect(page.locator("#agency-results")).to_contain_text("Northbrook Constabulary")
    expect(page.locator("#agency-results")).not_to_contain_text("Hospitals")
    assert "q=Constab" in page.url

    page.get_by_role("link", name="Add an agency").click()
    # Inline validation: a duplicate name is flagged as soon as the field is left.
    page.get_by_label("Agency name").fill("Northbrook Constabulary")
    page.get_by_label("Agency name").press("Tab")
    expect(page.locator("#group-name .govuk-error-message")).to_contain_text("already an agency")
    check_axe(page, "agency-form-inline-error")

    page.get_by_label("Agency name").fill("Northbrook Youth Offending Team")
    page.get_by_label("Agency name").press("Tab")
    page.get_by_label("Sector").select_option(label="Health")
    expect(page.locator("#group-name .govuk-error-message")).to_have_count(0)
    page.get_by_role("button", name="Save agency").click()
    expect(page.get_by_text("Agency ‘Northbrook Youth Offending Team’ added")).to_be_visible()

    page.get_by_role("link", name="Audit trail").click()
    expect(page.locator("#audit-events")).to_contain_text("Created Northbrook Youth Offending Team")
    expect(page.locator("#audit-events")).to_contain_text("Priya Shah")
    check_axe(page, "audit-trail")

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_text("You have signed out")).to_be_visible()
    page.goto("/admin/agencies")
    assert "/sign-in" in page.url
    assert page.console_errors == []


def test_making_an_agency_inactive_is_confirmed_and_making_it_active_swaps_only_its_row(
    page, people
):
    agency = people["agency_b"]
    sign_in(page, people["admin"].email)
    page.goto("/admin/agencies")
    row = page.locator(f"#agency-{agency.id}")
    row.get_by_role("link", name="Make inactive").click()
    expect(page.get_by_role("heading", name=f"Make {agency.name} inactive?")).to_be_visible()
    check_axe(page)
    page.get_by_role("button", name="Make inactive").click()
    expect(page.get_by_role("heading", name=f"{agency.name} is now inactive")).to_be_visible()
    page.goto("/admin/agencies")
    expect(row.get_by_text("Inactive", exact=True)).to_be_visible()
    row.get_by_role("button", name="Make active").click()
    # still on the list: a partial swap
    expect(page.get_by_role("heading", name="Agencies")).to_be_visible()
    expect(row.get_by_text("Active", exact=True)).to_be_visible()
    assert page.console_errors == []


def test_account_page_declares_conflict_and_date_without_reload(page, people):
    sign_in(page, people["peer"].email)
    page.goto("/account")
    check_axe(page, "account")
    page.get_by_label("Agency", exact=True).select_option(label=people["agency_a"].name)
    page.get_by_label("Kind of conflict").select_option(label="Family or personal relationship")
    page.get_by_role("button", name="Declare conflict").click()
    expect(page.locator("#conflicts table")).to_contain_text(people["agency_a"].name)
    fill_date(page, "Date", date(2030, 2, 3))
    page.get_by_role("button", name="Add date").click()
    expect(page.locator("#unavailable")).to_contain_text("3 February 2030")
    check_axe(page)
    assert page.console_errors == []


def test_idle_warning_appears_before_sign_out_and_stay_signed_in_keeps_the_session(
    page, people, live_app
):
    from datetime import timedelta

    live_app.config["IDLE_TIMEOUT"] = timedelta(seconds=8)
    live_app.config["IDLE_WARNING"] = timedelta(seconds=6)
    sign_in(page, people["admin"].email)
    dialog = page.get_by_role("dialog", name="You will be signed out soon")
    expect(dialog).to_be_visible(timeout=4000)
    check_axe(page, "idle-warning")
    dialog.get_by_role("button", name="Stay signed in").click()
    expect(dialog).to_be_hidden()
    # 6 s on, more than 8 s have passed since the page loaded: only the click's keep-alive saves the
    # session.
    page.wait_for_timeout(6000)
    page.goto("/admin/agencies")
    assert "/sign-in" not in page.url
