"""The sub-group's year in a real browser: a member adds an item to the work plan, adds a
meeting, records who came (not quorate with two agencies), puts what is due on the agenda and
finds the work plan item there, records a decision, and reads the progress report."""

from datetime import date, timedelta

from playwright.sync_api import expect

from qa.actions.models import Action
from tests.browser.conftest import check_axe, fill_date, sign_in
from tests.workplan_fixtures import year_fixture  # noqa: F401


def test_a_member_plans_the_year_and_holds_a_meeting(page, people, year):
    Action.create(
        agency=people["agency_a"], cycle=year, description="Refresh the escalation policy",
        owner="Head of safeguarding", due=date.today() - timedelta(days=5),
    )  # fmt: skip
    sign_in(page, people["reviewer"].email)
    page.get_by_role("link", name="Work plan", exact=True).click()
    expect(page.get_by_role("heading", name="Work plan 2026-27")).to_be_visible()
    check_axe(page, "workplan-index")
    page.get_by_role("link", name="Add an item").click()
    page.get_by_label("What is the piece of work?").fill("Neglect scrutiny theme")
    page.get_by_label("Kind of work").select_option(label="Scrutiny theme")
    page.get_by_label("Owner").select_option(label="Angela Brooks")
    page.get_by_label("Due in quarter").select_option(label="Q3")
    page.get_by_label("Status").select_option(label="On track")
    check_axe(page, "workplan-item")
    page.get_by_role("button", name="Save item").click()
    row = page.get_by_role("row").filter(has_text="Neglect scrutiny theme")
    expect(row).to_contain_text("On track")

    page.get_by_role("link", name="Meetings", exact=True).click()
    expect(page.get_by_role("heading", name="Sub-group meetings")).to_be_visible()
    page.get_by_role("link", name="Add a meeting").click()
    fill_date(page, "Date", date.today() + timedelta(days=3))
    page.get_by_label("Start time").fill("10:00")
    page.get_by_label("End time").fill("12:00")
    page.get_by_label("Where").fill("Town hall, room 2")
    check_axe(page, "meetings-form")
    page.get_by_role("button", name="Save meeting").click()
    expect(page.get_by_role("heading", name="Attendance")).to_be_visible()

    for person in (people["reviewer"], people["lead_a"]):
        page.get_by_text("Record someone").click()
        page.get_by_label("Person").select_option(label=f"{person.name}, {person.agency.name}")
        page.get_by_role("button", name="Record attendance").click()
        expect(page.get_by_role("row").filter(has_text=person.name)).to_be_visible()
    expect(page.locator("#quorum")).to_contain_text("Not quorate — 2 agencies")

    page.get_by_role("button", name="Add these to the agenda").click()
    agenda = page.locator("ol").filter(has_text="Work plan: Neglect scrutiny theme")
    expect(agenda).to_be_visible()
    expect(agenda).to_contain_text("Overdue actions: Northbrook Hospitals NHS Foundation Trust (1)")
    check_axe(page, "meetings-meeting")
    page.get_by_role("link", name="Record decisions and actions on Work plan: Neglect").click()
    page.get_by_label("What the meeting decided").fill("Report the theme to the board in March.")
    check_axe(page, "meetings-agenda-item")
    page.get_by_role("button", name="Save decisions").click()
    expect(page.locator("ol")).to_contain_text("Decided: Report the theme to the board in March.")

    page.get_by_role("link", name="Work plan", exact=True).click()
    page.get_by_role("link", name="Quarterly progress report").click()
    expect(page.get_by_text("1 item in the plan")).to_be_visible()
    check_axe(page, "workplan-progress")
