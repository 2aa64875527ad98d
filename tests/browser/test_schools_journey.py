"""Schools in a real browser: the QA officer uploads the register, checks the preview and imports
it; then a designated safeguarding lead finds their school by typing part of its name and asks
for an account."""

import re

from playwright.sync_api import expect

from qa.schools.models import AccountRequest, Setting
from tests.browser.conftest import check_axe, sign_in
from tests.schools_fixtures import register, row


def test_the_register_is_imported_and_a_lead_asks_for_an_account(page, people, tmp_path):
    upload = tmp_path / "edubasealldata20261203.csv"
    upload.write_bytes(
        register(
            row("100001", "Oak Hill Primary Academy", kind="Academy converter"),
            row("100002", "Grange School", kind="Other independent school", phase="Not applicable"),
            row(
                "100003",
                "Little Ducks Nursery School",
                kind="Local authority nursery school",
                phase="Nursery",
            ),
            encoding="cp1252",
        )
    )
    sign_in(page, people["admin"].email)
    page.get_by_role("link", name="Schools", exact=True).click()
    page.get_by_role("link", name="Import settings from the register").click()
    page.get_by_label("The register's CSV file").set_input_files(str(upload))
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_role("heading", name="Check the import")).to_be_visible()
    expect(page.get_by_role("table", name=re.compile("New settings"))).to_contain_text(
        "Independent school"
    )
    check_axe(page, "schools-import-preview")
    assert Setting.select().count() == 0
    page.get_by_role("button", name="Import 3 changes").click()
    expect(page.get_by_text("Imported settings from the register: 3 new")).to_be_visible()
    expect(page.get_by_role("link", name="Grange School")).to_be_visible()
    check_axe(page, "schools-settings")
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_text("You have signed out")).to_be_visible()

    page.goto("/schools/account")
    page.get_by_label("Find your setting").fill("oak hill")
    choice = page.get_by_label("Oak Hill Primary Academy")
    expect(choice).to_be_visible()  # found as they typed
    check_axe(page, "schools-ask")
    choice.check()
    page.get_by_label("Your full name").fill("Dee Okoro")
    page.get_by_label("Your work email address").fill("dee@oakhill.sch.uk")
    page.get_by_role("button", name="Ask for an account").click()
    expect(page.get_by_role("heading", name="Request sent")).to_be_visible()
    check_axe(page, "schools-ask-sent")
    assert AccountRequest.get().status == "pending"
    assert page.console_errors == []
