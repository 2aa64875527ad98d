"""Schools in a real browser: a school's lead asks the head to sign off the submitted return, the
head signs through the emailed link with no account, and the QA officer reads the completion by
phase, the heatmap by phase and chooses a sample for verification visits."""

import re

from playwright.sync_api import expect

from qa.schools import signoff
from qa.schools.models import SignOff
from tests.browser.conftest import check_axe, sign_in
from tests.school_fixtures import submitted_return


def test_sign_off_by_the_head_then_the_qa_officer_chases_and_samples(
    page, live_app, settings, school_lead, cycles, people
):
    ret = submitted_return(settings[0], cycles["this"], school_lead)
    sign_in(page, school_lead.email)
    page.get_by_role("link", name="Your return").click()
    page.get_by_role("link", name=re.compile("Sign-off: the headteacher")).click()
    expect(page.get_by_role("heading", name=re.compile("Sign-off of the"))).to_be_visible()
    check_axe(page, "schools-sign-off")
    page.get_by_role("button", name="Ask the headteacher to sign it off").click()
    expect(page.get_by_text(re.compile("Asked on"))).to_be_visible()
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()

    with live_app.test_request_context():
        token = signoff.token_for(SignOff.get(SignOff.return_ == ret.id))
    page.goto(f"/schools/sign-off/{token}")
    expect(page.get_by_role("table", name="The return's ratings")).to_be_visible()
    page.get_by_role("button", name="Sign off").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your full name")
    check_axe(page, "schools-sign-error")
    page.get_by_label("Your full name").fill("Hannah Head")
    page.get_by_label(re.compile("I have read this return")).check()
    page.get_by_role("button", name="Sign off").click()
    expect(page.get_by_role("heading", name="Thank you")).to_be_visible()
    check_axe(page, "schools-signed")

    sign_in(page, people["admin"].email)
    page.get_by_role("link", name="Schools' returns", exact=True).click()
    expect(page.get_by_role("table", name="Returns by phase")).to_contain_text("Primary")
    check_axe(page, "schools-overview")
    page.get_by_role("link", name="Heatmap of ratings by phase").click()
    expect(page.get_by_role("table", name=re.compile("By phase"))).to_be_visible()
    page.get_by_text("Primary: 3 settings").click()
    expect(page.get_by_role("link", name="Abbey Primary School")).to_be_visible()
    check_axe(page, "schools-heatmap")
    page.get_by_label("Phase").select_option("Secondary")
    expect(page.get_by_text("Secondary: 2 settings")).to_be_visible()
    expect(page).to_have_url(re.compile("phase=Secondary"))
    page.goto("/schools/visits")
    page.get_by_label("How many settings to visit").fill("2")
    page.get_by_label("Towards settings with no return").check()
    page.get_by_label("Seed (optional)").fill("7")
    page.get_by_role("button", name="Choose the sample").click()
    expect(page.get_by_role("table", name=re.compile("seed 7"))).to_be_visible()
    check_axe(page, "schools-visits")
    page.get_by_role("button", name="Propose these visits").click()
    expect(page.get_by_text("The visits are proposed")).to_be_visible()
    expect(page.get_by_role("button", name="Propose these visits")).to_have_count(0)
