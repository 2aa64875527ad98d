"""Issue 9, "Session and CSRF expiry in the middle of a long findings form or self-assessment.

Nothing typed is lost", in a real browser: the autosave that finds the session or its token gone
takes the whole page to sign in or to the kept form, and "Save my changes" puts the words in the
database.
"""

import re
from datetime import timedelta

from playwright.sync_api import expect

from qa.challenge.models import Finding
from qa.section11 import returns
from qa.section11.models import Rating
from tests.browser.conftest import check_axe, sign_in
from tests.challenge_helpers import cycle_fixture, event_fixture, findings_of  # noqa: F401
from tests.conftest import PASSWORD
from tests.section11_fixtures import ratings_of

EVIDENCE = (
    "Our board lead reports quarterly.\nThe audit of twenty cases found two gaps & we fixed both."
)


def idle_timeout_passes(live_app, page):
    """The server's idle timeout runs out while the page stays open (the page was drawn with the
    usual 30 minutes)."""
    live_app.config["IDLE_TIMEOUT"] = timedelta(seconds=1)
    page.wait_for_timeout(1500)


def sign_in_on_the_page_shown(page, live_app, email):
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    live_app.config["IDLE_TIMEOUT"] = timedelta(minutes=30)
    expect(page.get_by_text("Anything you were typing has been kept")).to_be_visible()
    check_axe(page, "kept-sign-in")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_session_expiry_in_the_middle_of_a_self_assessment_loses_nothing_typed(
    page, live_app, people, cycles
):
    ret = returns.start(people["agency_a"], cycles["this"], people["lead_a"])
    rating = ratings_of(ret)[0]
    sign_in(page, people["lead_a"].email)
    page.goto(f"/section11/ratings/{rating.id}")
    idle_timeout_passes(live_app, page)

    page.get_by_label("Amber").check()  # the autosave this sets off finds the session over
    page.get_by_label("Evidence", exact=True).fill(EVIDENCE)
    sign_in_on_the_page_shown(page, live_app, people["lead_a"].email)
    expect(page.get_by_role("heading", name="Your changes were kept")).to_be_visible()
    # every field that will be sent is listed, in plain words, before it is sent
    expect(page.get_by_role("heading", name="What will be sent")).to_be_visible()
    expect(page.locator(".govuk-summary-list__row", has_text="Rating")).to_contain_text("Amber")
    check_axe(page, "kept-resume")
    page.get_by_role("button", name="Save my changes").click()
    expect(page.get_by_text("Leadership saved")).to_be_visible()
    saved = Rating.get_by_id(rating.id)
    # a browser sends a textarea's line breaks as CRLF
    assert (saved.rag, saved.evidence.replace("\r\n", "\n")) == ("A", EVIDENCE)
    assert page.console_errors == []


def test_session_expiry_in_the_middle_of_a_findings_autosave_loses_nothing_typed(
    page, live_app, people, event
):
    leadership = findings_of(event)[0]
    sign_in(page, people["peer"].email)
    page.goto(f"/challenge/events/{event.id}/findings")
    idle_timeout_passes(live_app, page)

    page.get_by_label("Strengths for Leadership").fill("Supervision notes were current and signed")
    sign_in_on_the_page_shown(page, live_app, people["peer"].email)
    page.get_by_role("button", name="Save my changes").click()
    expect(page.get_by_label("Strengths for Leadership")).to_have_value(
        "Supervision notes were current and signed"
    )
    assert Finding.get_by_id(leadership.id).strengths == "Supervision notes were current and signed"
    assert page.console_errors == []


def test_csrf_expiry_in_the_middle_of_a_findings_autosave_loses_nothing_typed(
    page, live_app, people, event
):
    """Signed out, then in again in another tab: this tab's token is dead, and its next autosave
    must not vanish."""
    leadership = findings_of(event)[0]
    sign_in(page, people["reviewer"].email)
    page.goto(f"/challenge/events/{event.id}/findings")
    page.wait_for_load_state("networkidle")  # no response still on its way to set the cookie again
    page.context.clear_cookies()
    sign_in(page.context.new_page(), people["reviewer"].email)

    page.get_by_label("Evidence seen for Leadership").fill("Board minutes for four quarters")
    # the whole page goes there: the kept form is not squeezed into the save-state box
    expect(page).to_have_url(re.compile(r"/resume$"))
    expect(page.get_by_role("heading", name="Your changes were kept")).to_be_visible()
    check_axe(page)
    page.get_by_role("button", name="Save my changes").click()
    expect(page.get_by_label("Evidence seen for Leadership")).to_have_value(
        "Board minutes for four quarters"
    )
    assert Finding.get_by_id(leadership.id).evidence_seen == "Board minutes for four quarters"
    assert page.console_errors == []
