"""Each role's home page in a real browser, wide and at 360 px: what to do next, with axe."""

from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from qa.actions.models import Action
from qa.people.models import User
from qa.section11 import returns
from tests.browser.conftest import check_axe, sign_in
from tests.conftest import password_hash
from tests.home_fixtures import busy_cycle_fixture, visits_fixture  # noqa: F401
from tests.section11_fixtures import add_action, fill, ratings_of


def narrow(page, name):
    """The same page at 360 px: axe again, and nothing scrolls sideways."""
    page.set_viewport_size({"width": 360, "height": 800})
    page.reload()
    check_axe(page, f"{name}-360")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_a_fresh_install_starts_the_admin_on_the_checklist(page, app):
    User.create(
        email="fay@example.org", name="Fay Fresh", role="admin", password_hash=password_hash()
    )
    sign_in(page, "fay@example.org")
    expect(page.get_by_role("heading", name="Start here")).to_be_visible()
    check_axe(page, "home-fresh-install")
    page.get_by_role("link", name="1. Name your partnership").click()
    expect(page.get_by_role("heading", name="Partnership settings")).to_be_visible()
    check_axe(page, "partnership-settings")
    page.get_by_label("Partnership name").fill("Eastmere Safeguarding Children Partnership")
    page.get_by_label("Header text (optional)").fill("Eastmere SCP")
    page.get_by_label("Contact email (optional)").fill("qa@eastmere.example.gov.uk")
    page.get_by_role("button", name="Save settings").click()
    expect(page.get_by_text("Partnership settings saved")).to_be_visible()
    expect(page.locator(".govuk-generic-header__homepage-link")).to_have_text("Eastmere SCP")
    expect(page.locator(".govuk-footer")).to_contain_text("qa@eastmere.example.gov.uk")
    page.get_by_role("link", name="Home", exact=True).first.click()
    step = page.locator(".govuk-task-list__item", has_text="Name your partnership")
    expect(step.locator(".govuk-task-list__status")).to_have_text("Done")
    narrow(page, "home-fresh-install")


def test_the_admin_sees_the_cycles_progress_and_its_next_steps(page, people, busy_cycle):
    sign_in(page, people["admin"].email)
    progress = page.locator(".qa-cycle-progress")
    expect(progress).to_contain_text("1 of 2 sent in; 1 overdue")
    expect(progress).to_contain_text("1 to review")
    check_axe(page, "home-admin")
    narrow(page, "home-admin")
    page.get_by_role("link", name="Moderate the next rating").click()
    page.wait_for_url(lambda url: url.endswith("/review"))


@pytest.mark.parametrize("who", ["reviewer", "peer"])
def test_reviewers_see_their_visits_to_come_in_date_order(page, people, visits, who):
    sign_in(page, people[who].email)
    names = page.locator(".qa-visits > li > a:first-child").all_inner_texts()
    assert names[:3] == [
        "Oak Hill Primary School",
        "Riverside High School",
        "Little Acorns Nursery",
    ]
    check_axe(page, f"home-{who}")
    narrow(page, f"home-{who}")


def test_the_lead_has_one_button_to_the_return_and_actions_told_apart(page, people, cycles):
    ret = returns.start(people["agency_a"], cycles["this"], people["lead_a"])
    fill(ret, people["lead_a"], rag="A", actions=False)
    for rating in ratings_of(ret)[:2]:
        action = add_action(ret, rating)
        Action.update(due=date.today() - timedelta(days=2)).where(Action.id == action.id).execute()
    sign_in(page, people["lead_a"].email)
    expect(page.locator(".qa-due-overdue .qa-due-standard")).to_have_count(2)
    labels = page.locator(".qa-due-overdue .qa-due-standard").all_inner_texts()
    assert labels[0] != labels[1]
    check_axe(page, "home-lead")
    narrow(page, "home-lead")
    page.get_by_role("link", name="Continue your 2026-27 return").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Section 11")
