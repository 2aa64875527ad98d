"""Words typed on a Section 11 rating and the page left at once are kept.

The autosave waits a second after typing stops; leaving sooner (a link, the back button, closing
the tab) used to lose them. The page now sends what is unsaved as it is left, with its CSRF token.
"""

from playwright.sync_api import expect

from qa.section11 import returns
from qa.section11.models import Rating
from tests.browser.conftest import check_axe, sign_in
from tests.section11_fixtures import ratings_of


def _evidence_becomes(rating_id, words, page):
    """Wait (up to ten seconds) for the evidence saved on the server to read `words`."""
    for _ in range(100):
        if Rating.get_by_id(rating_id).evidence == words:
            return True
        page.wait_for_timeout(100)
    return False


def test_words_typed_then_a_link_followed_at_once_are_saved(page, people, cycles):
    ret = returns.start(people["agency_a"], cycles["this"], people["lead_a"])
    rating = ratings_of(ret)[0]
    sign_in(page, people["lead_a"].email)
    page.goto(f"/section11/ratings/{rating.id}")
    check_axe(page, "s11-autosave-rating")
    words = "Typed and left straight away: the board lead reports quarterly."
    page.get_by_label("Evidence", exact=True).fill(words)
    # well inside the autosave's one-second wait
    page.get_by_role("link", name="Your 2026-27 return").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("return")
    assert _evidence_becomes(rating.id, words, page), Rating.get_by_id(rating.id).evidence
    page.get_by_role("link", name="1. Leadership").click()
    expect(page.get_by_label("Evidence", exact=True)).to_have_value(words)
    check_axe(page, "s11-autosave-kept")
    assert page.console_errors == []


def test_words_typed_then_the_page_closed_at_once_are_saved(page, people, cycles):
    ret = returns.start(people["agency_a"], cycles["this"], people["lead_a"])
    rating = ratings_of(ret)[1]
    sign_in(page, people["lead_a"].email)
    page.goto(f"/section11/ratings/{rating.id}")
    page.get_by_label("Green").check()
    words = "Typed, then the browser went to another site."
    page.get_by_label("Evidence", exact=True).fill(words)
    page.goto("about:blank")  # the page is unloaded: pagehide
    assert _evidence_becomes(rating.id, words, page), Rating.get_by_id(rating.id).evidence
    assert Rating.get_by_id(rating.id).rag == "G"


def test_what_is_sent_on_leaving_still_needs_the_csrf_token(page, people, cycles):
    ret = returns.start(people["agency_a"], cycles["this"], people["lead_a"])
    rating = ratings_of(ret)[2]
    sign_in(page, people["lead_a"].email)
    page.goto(f"/section11/ratings/{rating.id}")
    # a forged token in the form: what leaving sends is refused like any other post
    page.locator('#rating-form input[name="csrf_token"]').evaluate("el => el.value = 'forged'")
    page.evaluate("() => document.getElementById('page').setAttribute('hx-headers', '{}')")
    page.get_by_label("Evidence", exact=True).fill("Sent with a forged token")
    with page.expect_response(
        lambda r: f"/section11/ratings/{rating.id}" in r.url and r.request.method == "POST"
    ) as sent:
        page.get_by_role("link", name="Your 2026-27 return").click()
    assert "forged" in sent.value.request.post_data  # the token the form held was sent
    # refused: nothing saved (the app keeps a refused form for its owner to send again knowingly)
    assert "hx-redirect" in sent.value.headers or sent.value.status == 400
    page.wait_for_timeout(500)
    assert Rating.get_by_id(rating.id).evidence == ""
