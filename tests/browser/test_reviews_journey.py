"""Learning from reviews in a real browser: a sub-group member adds a review, records the
action-planning meeting and a partnership action, reads the theme report; the responsible
officer finds the action in their register."""

from datetime import date, timedelta

from playwright.sync_api import expect

from tests.browser.conftest import check_axe, fill_date, sign_in
from tests.review_fixtures import make_theme


def test_subgroup_adds_a_review_and_a_partnership_action_the_officer_sees(page, people, cycles):
    make_theme("Neglect")
    make_theme("Voice of the child")
    sign_in(page, people["reviewer"].email)
    page.get_by_role("link", name="Reviews", exact=True).click()
    check_axe(page, "reviews-index")
    page.get_by_role("link", name="Add a review").click()
    page.get_by_label("Kind of review").select_option(label="Rapid review")
    page.get_by_label("Reference").fill("RR-2026-05")
    fill_date(page, "Notified", date(2026, 1, 12))
    fill_date(page, "Completed (optional)", date(2026, 3, 2))
    page.get_by_label("Voice of the child").check()
    page.get_by_label("Recommendations").fill("Hear the child\nShare information sooner")
    check_axe(page, "reviews-form")
    page.get_by_role("button", name="Save review").click()
    expect(page.get_by_role("heading", name="RR-2026-05")).to_be_visible()

    page.get_by_text("Record the meeting").click()
    fill_date(page, "Date of the meeting", date(2026, 3, 16))
    page.get_by_label("Who attended").fill("Independent chair\nDesignated nurse")
    page.get_by_role("button", name="Save the meeting").click()
    expect(page.get_by_text("Met on 16 March 2026.")).to_be_visible()

    page.get_by_text("Add an action").click()
    page.get_by_label("Recommendation it answers").select_option(label="Hear the child")
    page.get_by_label("Agency").select_option(label="Partnership-wide")
    page.get_by_label("Responsible officer").select_option(label="Amara Nwosu")
    page.get_by_label("Theme").select_option(label="Voice of the child")
    page.get_by_label("The action").fill("Publish a guide on recording the child's day")
    page.get_by_label("Owner").fill("Business manager")
    fill_date(page, "Due date", date.today() + timedelta(days=60))
    page.get_by_role("button", name="Add the action").click()
    row = page.get_by_role("row").filter(has_text="Publish a guide")
    expect(row).to_contain_text("Partnership-wide")
    check_axe(page, "reviews-review")
    page_of_review = page.url
    row.get_by_role("link", name="Not decided").click()
    check_axe(page, "reviews-assurance")
    page.goto("/reviews/report")
    expect(page.get_by_role("table", name="By theme")).to_contain_text("Voice of the child")
    check_axe(page, "reviews-theme-report")
    page.set_viewport_size({"width": 640, "height": 900})  # 200% zoom on a laptop
    for path in ("/reviews/report", page_of_review):
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 640, path
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, people["lead_a"].email)
    page.get_by_role("link", name="Actions", exact=True).click()
    expect(page.get_by_text("Publish a guide on recording the child's day")).to_be_visible()
    check_axe(page, "reviews-officer-register")
