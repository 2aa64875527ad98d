"""The version in the footer (issue 16): an admin sees which qa they run; others do not."""

from playwright.sync_api import expect

from qa import __version__
from tests.browser.conftest import check_axe, sign_in


def test_an_admin_sees_the_version_in_the_footer_and_a_lead_does_not(page, people):
    sign_in(page, people["admin"].email)
    footer = page.locator("footer")
    expect(footer).to_contain_text(f"qa version {__version__}")
    check_axe(page, "footer-version-admin")
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, people["lead_a"].email)
    expect(page.locator("footer")).not_to_contain_text("qa version")
