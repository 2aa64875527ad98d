"""Visitors record findings on a laptop.

Two at once with a conflict surfaced, a flaky connection, then agreement and the board's PDF.
"""

import io

from playwright.sync_api import expect
from pypdf import PdfReader

from qa.challenge import findings, scheduling
from qa.challenge.models import ChallengeEvent, Finding, Visitor
from tests.browser.conftest import check_axe, sign_in
from tests.challenge_helpers import (
    SOON,
    at,
    cycle_fixture,  # noqa: F401
    event_fixture,  # noqa: F401
    findings_of,
    reload,
    submitted_return,
    visit_happened,
)


def another(browser, live_app, email):
    """A second person in their own browser context, signed in."""
    context = browser.new_context(
        base_url=live_app.base_url, viewport={"width": 1280, "height": 900}
    )
    other = context.new_page()
    other.console_errors = []
    other.on("pageerror", lambda exc: other.console_errors.append(str(exc)))
    sign_in(other, email)
    return other


def state(page, finding, name):
    return page.locator(f"#finding-{finding.id}-{name.replace('_', '-')}-state")


def test_two_visitors_edit_at_once_and_a_conflict_shows_both_texts(
    page, browser, live_app, people, event
):
    leadership = findings_of(event)[0]
    sign_in(page, people["reviewer"].email)
    peer = another(browser, live_app, people["peer"].email)
    for visitor in (page, peer):
        visitor.goto(f"/challenge/events/{event.id}/findings")

    page.get_by_label("Strengths for Leadership").fill(
        "The board lead could describe the last two reports"
    )
    expect(state(page, leadership, "strengths")).to_contain_text("Saved at")
    check_axe(page, "challenge-findings")

    peer.get_by_label("Strengths for Leadership").fill("Board minutes show real challenge")
    conflict = state(peer, leadership, "strengths")
    expect(conflict).to_contain_text("Not saved: Angela Brooks saved different words here")
    expect(conflict.locator(".qa-conflict-mine")).to_have_text("Board minutes show real challenge")
    expect(conflict.locator(".qa-conflict-theirs")).to_have_text(
        "The board lead could describe the last two reports"
    )
    check_axe(peer, "challenge-findings-conflict")
    assert (
        Finding.get_by_id(leadership.id).strengths
        == "The board lead could describe the last two reports"
    )

    conflict.get_by_role("link", name="Use their version").click()
    expect(peer.get_by_label("Strengths for Leadership")).to_have_value(
        "The board lead could describe the last two reports"
    )

    # A different box of the same standard merges with the other visitor's save.
    peer.get_by_label("Areas for development for Leadership").fill(
        "Risk register mitigations are out of date"
    )
    expect(state(peer, leadership, "development")).to_contain_text("Saved at")
    with page.expect_response("**/fields/strengths"):
        page.get_by_label("Strengths for Leadership").fill(
            "The board lead could describe the last two reports, and what changed"
        )
    expect(state(page, leadership, "strengths")).to_contain_text("Saved at")
    saved = Finding.get_by_id(leadership.id)
    assert (saved.strengths, saved.development) == (
        "The board lead could describe the last two reports, and what changed",
        "Risk register mitigations are out of date",
    )

    # Keep mine: the peer types over the lead's newer words knowingly.
    peer.get_by_label("Strengths for Leadership").fill("Our agreed wording")
    expect(state(peer, leadership, "strengths")).to_contain_text("Not saved")
    with peer.expect_response("**/fields/strengths"):
        state(peer, leadership, "strengths").get_by_role("button", name="Keep my version").click()
    expect(state(peer, leadership, "strengths")).to_contain_text("Saved at")
    assert Finding.get_by_id(leadership.id).strengths == "Our agreed wording"
    assert page.console_errors == [] and peer.console_errors == []


def test_a_failed_save_says_not_saved_retries_and_loses_nothing(page, people, event):
    leadership = findings_of(event)[0]
    sign_in(page, people["peer"].email)
    page.goto(f"/challenge/events/{event.id}/findings")
    failures = {"left": 2}

    def flaky(route):
        if failures["left"]:
            failures["left"] -= 1
            route.abort()
        else:
            route.continue_()

    page.route("**/fields/evidence_seen", flaky)
    page.get_by_label("Evidence seen for Leadership").fill("Board minutes for four quarters")
    expect(state(page, leadership, "evidence_seen")).to_contain_text("Not saved — retrying")
    check_axe(page, "challenge-findings-not-saved")
    expect(state(page, leadership, "evidence_seen")).to_contain_text("Saved at", timeout=15000)
    assert Finding.get_by_id(leadership.id).evidence_seen == "Board minutes for four quarters"

    # Typed while the connection is down, then the page is reloaded: the words come back and are
    # saved.
    page.route("**/fields/questions_asked", lambda route: route.abort())
    page.get_by_label("Questions asked for Leadership").fill("Who owns the risk register?")
    expect(state(page, leadership, "questions_asked")).to_contain_text("Not saved")
    page.unroute("**/fields/questions_asked")
    page.reload()
    expect(page.get_by_label("Questions asked for Leadership")).to_have_value(
        "Who owns the risk register?"
    )
    expect(state(page, leadership, "questions_asked")).to_contain_text("Saved at")
    assert Finding.get_by_id(leadership.id).questions_asked == "Who owns the risk register?"


def test_visitors_agree_and_the_board_pdf_has_each_agencys_findings(
    page, browser, live_app, people, event, cycle
):
    submitted_return(people["agency_b"], cycle)
    second = scheduling.choose(cycle, [(people["agency_b"], "Never challenged")], people["admin"])[
        0
    ]
    scheduling.schedule(
        second, second.version, at(SOON, 14), at(SOON, 16), "Police HQ", people["admin"]
    )
    Visitor.create(event=second, user=people["admin"], role="lead")
    Visitor.create(event=second, user=people["reviewer"], role="peer")
    visit_happened(second)
    visit_happened(event)
    Finding.update(agreed_rag="A", strengths="Custody staff know the escalation route").where(
        Finding.event == second
    ).execute()
    ChallengeEvent.update(summary="A candid return.").where(
        ChallengeEvent.id == second.id
    ).execute()
    for visitor in Visitor.select().where(Visitor.event == second):
        findings.agree(reload(second), visitor, visitor.user)
    rows = findings_of(event)
    Finding.update(agreed_rag="G", strengths="Safeguarding is owned at board level").where(
        Finding.id.in_([f.id for f in rows[:-1]])
    ).execute()

    sign_in(page, people["reviewer"].email)
    page.goto(f"/challenge/events/{event.id}/findings")
    expect(page.locator("#agreement")).to_contain_text(
        "Give an agreed rating for Information Sharing"
    )
    page.locator(f"#finding-{rows[-1].id}-agreed-rag").get_by_label("Amber").check()
    expect(state(page, rows[-1], "agreed_rag")).to_contain_text("Saved at")
    page.get_by_role("textbox", name="Overall summary").fill(
        "Open, well prepared and honest about its gaps."
    )
    expect(page.get_by_role("button", name="Agree findings")).to_be_visible()
    page.get_by_role("button", name="Agree findings").click()
    expect(page.get_by_text("They lock when the other visitor agrees too")).to_be_visible()
    check_axe(page, "challenge-findings-agreed-by-one")
    findings.agree(
        reload(event),
        Visitor.get((Visitor.event == event) & (Visitor.role == "peer")),
        people["peer"],
    )

    admin = another(browser, live_app, people["admin"].email)
    admin.goto(f"/challenge/cycles/{cycle.id}/report")
    check_axe(admin, "challenge-report")
    with admin.expect_download() as download:
        admin.get_by_role("link", name="Download the report (PDF)").click()
    text = "\n".join(
        p.extract_text() for p in PdfReader(io.BytesIO(download.value.path().read_bytes())).pages
    )
    for words in [
        "Safeguarding is owned at board level",
        "Open, well prepared and honest about its gaps.",
        "Custody staff know the escalation route",
        "Contents",
    ]:
        assert words in text, words

    lead = another(browser, live_app, people["lead_a"].email)
    lead.get_by_role("link", name="Challenge events", exact=True).first.click()
    expect(lead.get_by_role("heading", name="Your agency's challenge events")).to_be_visible()
    check_axe(lead, "challenge-agency-events")
    lead.get_by_role("link", name="Read the agreed findings").click()
    expect(
        lead.get_by_role(
            "heading", name="Agreed findings: Northbrook Hospitals NHS Foundation Trust"
        )
    ).to_be_visible()
    expect(lead.locator("main")).not_to_contain_text("Custody staff")
    check_axe(lead, "challenge-outcome")
    assert page.console_errors == []
