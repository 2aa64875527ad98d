"""The QA officer chooses agencies for challenge, gives one a date.

And is stopped by a clash until giving a reason.
"""

import re
from datetime import timedelta

from playwright.sync_api import expect

from qa.people.models import Unavailability
from tests.browser.conftest import check_axe, fill_date, sign_in
from tests.challenge_helpers import SOON, cycle_fixture, submitted_return  # noqa: F401


def test_admin_selects_schedules_and_overrides_a_clash(page, people, cycle):
    submitted_return(people["agency_a"], cycle, rags="RRAGGGGGG")
    submitted_return(people["agency_b"], cycle, rags="GGGGGGGGA")
    day = SOON + timedelta(days=3)
    Unavailability.create(user=people["peer"], date=day, note="Annual leave")
    sign_in(page, people["admin"].email)

    page.get_by_role("link", name="Challenge events", exact=True).first.click()
    expect(page.get_by_role("heading", name="Challenge events", level=1)).to_be_visible()
    page.get_by_role("link", name="Choose agencies").click()
    expect(page.locator("#candidates caption")).to_contain_text("2 active agencies · 2 suggested")
    expect(page.locator(f"#candidate-{people['agency_a'].id}")).to_contain_text(
        "2 red and 1 amber self-ratings"
    )
    check_axe(page, "challenge-selection")

    page.get_by_label("How many agencies to suggest").fill("1")
    expect(page.locator("#candidates caption")).to_contain_text("1 suggested")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="Why was each agency chosen?")).to_be_visible()
    page.get_by_role("button", name="Choose 1 agency").click()
    expect(
        page.get_by_text("Say why Northbrook Hospitals NHS Foundation Trust was chosen").first
    ).to_be_visible()
    check_axe(page, "challenge-selection-reasons")
    page.get_by_label("Northbrook Hospitals NHS Foundation Trust").fill(
        "Two red self-ratings and two learning reviews this year"
    )
    page.get_by_role("button", name="Choose 1 agency").click()
    expect(page.get_by_text("1 agency chosen for challenge")).to_be_visible()
    check_axe(page, "challenge-calendar-proposed")

    page.get_by_role(
        "link", name="Give a date for Northbrook Hospitals NHS Foundation Trust"
    ).click()
    fill_date(page, "Date", day)
    page.get_by_label("Start time").fill("10:00")
    page.get_by_label("End time").fill("09:00")
    page.get_by_label("Where").fill("Northbrook General Hospital, education centre room 4")
    date_group = page.get_by_role("group", name="Date", exact=True)
    date_group.get_by_label("Month").fill("")
    page.get_by_role("button", name="Save date and place").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "The end time must be after the start time"
    )
    check_axe(page, "challenge-schedule-error")
    # the date kept as typed, the empty box marked, and the summary's link lands on it
    expect(date_group.get_by_label("Day")).to_have_value(str(day.day))
    expect(date_group.get_by_label("Month")).to_have_class(re.compile("govuk-input--error"))
    expect(date_group.get_by_label("Day")).not_to_have_class(re.compile("govuk-input--error"))
    page.get_by_role("link", name="The date of the visit must include a month").click()
    expect(date_group.get_by_label("Month")).to_be_focused()
    date_group.get_by_label("Month").fill(str(day.month))
    page.get_by_label("End time").fill("13:00")
    page.get_by_role("button", name="Save date and place").click()
    expect(page.get_by_text(f"is scheduled for {day.day} {day:%B %Y}")).to_be_visible()

    page.get_by_label("Visiting as").select_option(label="QA sub-group member")
    page.get_by_label("Person", exact=True).select_option(label="Angela Brooks (QA sub-group)")
    page.get_by_role("button", name="Save visitor").click()
    expect(page.locator("#visitors")).to_contain_text("Angela Brooks")
    page.get_by_label("Visiting as").select_option(label="Peer reviewer")
    page.get_by_label("Person", exact=True).select_option(label="Olivia Chen")
    page.get_by_role("button", name="Save visitor").click()
    expect(page.locator("#clashes")).to_contain_text(
        f"Olivia Chen has said they are not available on {day.day} {day:%B %Y}"
    )
    check_axe(page, "challenge-clash")
    page.get_by_label("Reason for going ahead despite the clash").fill("Olivia has moved her leave")
    page.get_by_role("button", name="Go ahead despite the clashes").click()
    expect(page.locator("#visitors")).to_contain_text(
        "Clash overridden: Olivia has moved her leave"
    )
    expect(
        page.get_by_role("heading", name="Clashes the QA officer went ahead despite")
    ).to_be_visible()
    check_axe(page, "challenge-event")

    page.get_by_role("link", name="Challenge events", exact=True).first.click()
    expect(page.get_by_role("heading", name=f"{day:%B %Y}")).to_be_visible()
    expect(page.locator(".qa-calendar")).to_contain_text("Angela Brooks")
    check_axe(page, "challenge-calendar")
    assert page.console_errors == []
