"""One phone shared by a group: "Next person" leaves nothing of the last child's answers, not even
behind the Back button."""

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from qa.surveys.models import Response
from tests.browser.conftest import check_axe
from tests.survey_fixtures import make_survey


def test_next_person_starts_clean_and_back_shows_nothing_of_the_last_child(browser, live_app):
    code = make_survey().links.first().code
    context = browser.new_context(
        base_url=live_app.base_url, viewport={"width": 360, "height": 640}, is_mobile=True
    )
    page = context.new_page()
    page.goto(f"/s/{code}/group")
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_text("Question 1 of 6")).to_be_visible()
    page.get_by_label("Good", exact=True).check()
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("Question 2 of 6")).to_be_visible()
    page.goto(f"/s/{code}/send")
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_text("Your answers have been sent")).to_be_visible()
    check_axe(page, "survey-thanks-group-mode")
    page.get_by_role("button", name="Next person").click()
    expect(page.get_by_role("button", name="Start")).to_be_visible()
    for _ in range(4):  # the Back button, as far as it goes in the survey
        # Back to a screen htmx pushed is a popstate, after which htmx reloads the page from the
        # server (refreshOnHistoryMiss), and a question with no visit redirects to the start:
        # wait until the network is quiet, so the assertion reads the page the child would see
        page.evaluate("window.qaOldPage = true")
        try:
            page.go_back(wait_until="commit")
        except PlaywrightError as error:  # interrupted by htmx's reload or the redirect: expected
            assert "navigation" in str(error) or "attached" in str(error), error
        page.wait_for_function("!window.qaOldPage")  # a new page from the server, not the old one
        page.wait_for_load_state()
        assert page.locator("input:checked").count() == 0, page.url
    page.goto(f"/s/{code}/1")  # the last child's question: no visit, so the start
    expect(page.get_by_role("button", name="Start")).to_be_visible()
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_text("Question 1 of 6")).to_be_visible()
    expect(page.locator("input:checked")).to_have_count(0)
    assert Response.select().count() == 1
    context.close()
