"""Section 11 in a real browser.

An agency lead rates, uploads, plans, reloads and submits; the sub-group reads the heatmap.
"""

import re
from datetime import date, timedelta

from playwright.sync_api import expect

from qa.builds.models import PdfBuild
from qa.section11 import returns
from qa.section11.models import Rating, Return
from tests.browser.conftest import check_axe, fill_date, sign_in
from tests.section11_fixtures import PDF, fill, ratings_of


def _saved(page, action):
    """Do `action` and wait until the autosave it sets off has answered."""
    with page.expect_response(
        lambda r: "/section11/ratings/" in r.url and r.request.method == "POST"
    ):
        action()


def test_agency_lead_rates_uploads_plans_reloads_and_submits(page, people, cycles):
    ret = returns.start(people["agency_a"], cycles["this"], people["lead_a"])
    first = fill(ret, people["lead_a"])[0]
    # Leadership is left for the journey
    Rating.update(rag="", evidence="").where(Rating.id == first.id).execute()

    sign_in(page, people["lead_a"].email)
    check_axe(page, "s11-home-lead")
    page.get_by_role("link", name="Your 2026-27 return").click()
    expect(page.get_by_text("8 of 9 standards complete")).to_be_visible()
    check_axe(page, "s11-task-list")

    page.get_by_role("link", name="1. Leadership").click()
    # the standard's prompts beside the form
    expect(page.get_by_text("Who at board level is accountable")).to_be_visible()
    check_axe(page, "s11-rating")
    _saved(page, lambda: page.get_by_label("Amber").check())
    _saved(
        page,
        lambda: page.get_by_label("Evidence", exact=True).fill(
            "The board lead reports quarterly, but our audit found gaps."
        ),
    )
    expect(page.locator("#save-state")).to_contain_text("Saved by Amara Nwosu")

    page.reload()  # autosave survives closing the page
    expect(page.get_by_label("Evidence", exact=True)).to_have_value(
        "The board lead reports quarterly, but our audit found gaps."
    )
    expect(page.get_by_label("Amber")).to_be_checked()

    # the autosave (a second after typing stops) is waited for: check-your-answers shows these words
    _saved(
        page,
        lambda: page.get_by_label("Evidence", exact=True).fill("Unsaved words still being typed"),
    )
    page.locator("#document").set_input_files(
        files=[
            {
                "name": "disguised.pdf",
                "mimeType": "application/pdf",
                "buffer": b"<html>not a pdf</html>",
            }
        ]
    )
    page.get_by_role("button", name="Upload document").click()
    expect(page.locator("#documents")).to_contain_text("not really a .pdf file")
    # nothing else on the page lost
    expect(page.get_by_label("Evidence", exact=True)).to_have_value(
        "Unsaved words still being typed"
    )
    check_axe(page, "s11-upload-refused")
    page.locator("#document").set_input_files(
        files=[{"name": "Board report.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    page.get_by_role("button", name="Upload document").click()
    expect(page.locator("#documents table")).to_contain_text("Board report.pdf")

    page.get_by_label("What will you do?").fill("Audit twenty cases and report to the board")
    page.get_by_label("Who owns it?").fill("Head of quality")
    fill_date(page, "When will it be done?", date.today() + timedelta(days=90))
    page.get_by_role("button", name="Add action").click()
    expect(page.locator("#action-plan table")).to_contain_text(
        "Audit twenty cases and report to the board"
    )
    check_axe(page, "s11-rating-complete")

    page.get_by_role("link", name="Your 2026-27 return").click()
    expect(page.get_by_text("9 of 9 standards complete")).to_be_visible()
    page.get_by_role("link", name="Check your answers").click()
    expect(page.locator("#answer-%d" % first.id)).to_contain_text("Unsaved words still being typed")
    check_axe(page, "s11-check-answers")
    page.get_by_role("button", name="Submit return").click()
    expect(page.get_by_role("heading", name="Return submitted")).to_be_visible()
    check_axe(page, "s11-submitted")
    assert Return.get_by_id(ret.id).status == "submitted"
    assert page.console_errors == []


def test_two_leads_editing_one_standard_see_the_conflict_and_choose(
    page, browser, live_app, people, cycles
):
    ret = returns.start(people["agency_a"], cycles["this"], people["lead_a"])
    rating = ratings_of(ret)[0]
    sign_in(page, people["lead_a"].email)
    page.goto(f"/section11/ratings/{rating.id}")
    other_context = browser.new_context(base_url=live_app.base_url)
    other = other_context.new_page()
    sign_in(other, people["lead_a"].email)
    other.goto(f"/section11/ratings/{rating.id}")

    _saved(page, lambda: page.get_by_label("Evidence", exact=True).fill("First person's evidence"))
    _saved(
        other, lambda: other.get_by_label("Evidence", exact=True).fill("Second person's evidence")
    )
    expect(other.locator("#save-state")).to_contain_text(
        "Someone else saved this while you were editing"
    )
    expect(other.locator("#save-state")).to_contain_text("First person's evidence")
    check_axe(other, "s11-conflict")
    assert Rating.get_by_id(rating.id).evidence == "First person's evidence"

    other.get_by_role("button", name="Keep my version").click()
    expect(other.get_by_text("Leadership saved")).to_be_visible()
    assert Rating.get_by_id(rating.id).evidence == "Second person's evidence"
    other_context.close()


def test_sub_group_reads_the_heatmap_opens_a_rating_and_moderates_it(page, people, cycles):
    for cycle, rag in ((cycles["last"], "R"), (cycles["this"], "A")):
        ret = returns.start(people["agency_a"], cycle, people["lead_a"])
        fill(ret, people["lead_a"], rag=rag)
        Return.update(status="submitted").where(Return.id == ret.id).execute()

    sign_in(page, people["reviewer"].email)
    page.get_by_role("link", name="Section 11 returns: who has submitted").click()
    check_axe(page, "s11-overview")
    page.get_by_role("link", name="Heatmap of ratings").click()
    expect(page.locator("#heatmap")).to_contain_text("A ▲")
    # styled after a boosted navigation
    expect(page.locator("td.qa-heat--A").first).to_have_css("background-color", "rgb(255, 191, 71)")
    check_axe(page, "s11-heatmap")
    page.get_by_role("link", name="Leadership: Amber, better than last year (was red)").click()
    expect(page.get_by_role("heading", name="Leadership")).to_be_visible()
    check_axe(page, "s11-review")
    page.get_by_label("Challenged").check()
    page.get_by_label("Moderation comment").fill("Ask to see the audit at the challenge event")
    page.get_by_role("button", name="Save moderation").click()
    expect(page.get_by_text("Moderation of Leadership")).to_be_visible()
    assert Rating.select().where(Rating.moderation_status == "challenged").count() == 1
    assert page.console_errors == []


def test_a_refused_submit_can_be_reloaded_and_the_back_button_works(page, people, cycles):
    """Sending an unfinished return re-shows Check your answers with what is missing; the address
    bar keeps that page's address, so reloading shows it again instead of a "method not allowed"
    page for the submit address."""
    ret = returns.start(people["agency_a"], cycles["this"], people["lead_a"])
    sign_in(page, people["lead_a"].email)
    page.goto(f"/section11/returns/{ret.id}")
    page.goto(f"/section11/returns/{ret.id}/check")
    page.get_by_role("button", name="Submit return").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    expect(page).to_have_url(re.compile(rf"/section11/returns/{ret.id}/check$"))
    response = page.reload()
    assert response.status == 200
    expect(page.get_by_role("button", name="Submit return")).to_be_visible()
    page.go_back()
    expect(page).to_have_url(re.compile(rf"/section11/returns/{ret.id}$"))
    assert Return.get_by_id(ret.id).status == "draft"


def test_the_cycle_pdf_is_made_in_the_background_then_downloads(page, people, cycles):
    """The summary for the board is made while a page shows progress (htmx polls it), then its
    link downloads the file and leaves the page as it was."""
    ret = returns.start(people["agency_a"], cycles["this"], people["lead_a"])
    fill(ret, people["lead_a"], rag="A")
    Return.update(status="submitted").where(Return.id == ret.id).execute()

    sign_in(page, people["reviewer"].email)
    page.goto("/section11/overview")
    page.get_by_role("link", name="The summary for the board (PDF)").click()
    expect(page).to_have_url(re.compile(r"/pdfs/\d+$"))
    download_link = page.get_by_role("link", name="Download the PDF")
    expect(download_link).to_be_visible(timeout=120_000)
    check_axe(page, "s11-pdf-build-done")
    with page.expect_download() as download:
        download_link.click()
    assert download.value.path().read_bytes().startswith(b"%PDF")
    expect(download_link).to_be_visible()
    assert PdfBuild.select().where(PdfBuild.status == "done").count() == 1
    assert page.console_errors == []
