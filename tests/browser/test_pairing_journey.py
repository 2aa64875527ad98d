"""The QA officer proposes pairings, reads why, pins a peer and proposes again.

Pins a rule-breaker with a reason, and applies in two goes.
"""

from datetime import timedelta

from playwright.sync_api import expect

from qa.challenge.models import Visitor
from qa.people.models import Unavailability
from tests.browser.conftest import check_axe, sign_in
from tests.challenge_helpers import SOON, cycle_fixture  # noqa: F401
from tests.pairing_helpers import dated_event, world_fixture  # noqa: F401

HOSPITAL = "Northbrook Hospitals NHS Foundation Trust"
NURSERY = "Little Acorns Nursery Group"


def test_admin_proposes_previews_pins_reruns_and_applies(page, world):
    nursery_event = dated_event(world.cycle, world.nursery, SOON + timedelta(days=1), world.admin)
    Unavailability.create(user=world.olivia, date=SOON + timedelta(days=1), note="Leave")
    hospital_row, nursery_row = (
        page.locator(f"#event-{world.event.id}"),
        page.locator(f"#event-{nursery_event.id}"),
    )
    sign_in(page, world.admin.email)

    page.get_by_role("link", name="Challenge events", exact=True).first.click()
    page.get_by_role("link", name="Propose pairings").click()
    expect(page.get_by_role("heading", name="Propose pairings", level=1)).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text(
        "The proposal pairs 2 of them at a total cost of 110"
    )
    expect(hospital_row).to_contain_text("Hana Hughes")
    page.locator("summary", has_text=f"Why this pair for {HOSPITAL}").click()
    expect(hospital_row).to_contain_text("Same sector: Health.")
    check_axe(page, "pairing-preview")

    page.locator("summary", has_text=f"Change the peer for {HOSPITAL}").click()
    swap = page.get_by_role("group", name=f"Peer within the rules for {HOSPITAL}")
    eddie = swap.get_by_label("Eddie Evans, Little Acorns Nursery Group")
    # every reason in full, not cut off by a select's width
    expect(eddie).to_have_accessible_description(
        "65 points: Related sector: Early years is related to Health; "
        "no visits this cycle; never visited this agency; both would be first-time visitors."
    )
    expect(page.locator(f"#swap-{world.event.id}-peer-{world.eddie.id}-hint")).to_be_visible()
    eddie.check()
    page.get_by_role("button", name=f"Pin this peer for {HOSPITAL} and propose again").click()
    # every change the re-run made, in words
    expect(page.locator("#rerun")).to_contain_text(
        f"{HOSPITAL}: the peer was Hana Hughes, now Eddie Evans"
    )
    expect(hospital_row).to_contain_text("Changed was Hana Hughes")
    expect(hospital_row).to_contain_text("Pinned")
    expect(hospital_row).to_contain_text("Eddie Evans")
    # keyboard users carry on from the row they changed
    expect(page.get_by_role("link", name=HOSPITAL)).to_be_focused()
    expect(page.get_by_role("status")).to_contain_text("total cost of 140")
    check_axe(page, "pairing-pinned")

    with page.expect_response(
        lambda response: f"/pairing/cycles/{world.cycle.id}?before=" in response.url
    ):
        page.get_by_role("link", name="Propose again").click()
    page.wait_for_function(
        "() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')"
    )
    expect(page.locator("#rerun")).to_contain_text("no visitor changed")
    expect(hospital_row).to_contain_text("Pinned")
    page.locator("summary", has_text=f"Change the peer for {NURSERY}").click()
    page.get_by_role("link", name=f"Choose by hand the peer for {NURSERY}").click()
    expect(
        page.get_by_role("heading", name=f"Choose the peer reviewer for {NURSERY}")
    ).to_be_visible()
    page.get_by_label("Olivia Chen, Northbrook Constabulary").check()
    page.get_by_role("button", name="Pin and propose again").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Give a reason for breaking the rule"
    )
    expect(page.locator(".govuk-error-summary")).to_contain_text("Olivia Chen is unavailable on")
    check_axe(page, "pairing-choose-error")
    page.get_by_label("Reason for breaking a rule").fill("Olivia has moved her leave")
    page.get_by_role("button", name="Pin and propose again").click()
    expect(nursery_row).to_contain_text("Despite the rules: Olivia has moved her leave")
    check_axe(page, "pairing-pinned-by-hand")

    page.get_by_label(f"Apply the pairing for {NURSERY}").uncheck()
    page.get_by_role("button", name="Apply the ticked pairings").click()
    expect(page.get_by_text("1 pairing saved")).to_be_visible()
    expect(page.locator(f"#event-{world.event.id}")).to_have_count(0)
    expect(nursery_row).to_contain_text("Olivia Chen")
    check_axe(page, "pairing-rest")
    page.get_by_role("button", name="Apply the ticked pairings").click()
    expect(
        page.get_by_text("Every live challenge event in This cycle has both its visitors")
    ).to_be_visible()
    assert {(v.event_id, v.role): (v.user_id, v.how) for v in Visitor.select()} == {
        (world.event.id, "lead"): (world.angela.id, "auto"),
        (world.event.id, "peer"): (world.eddie.id, "manual"),
        (nursery_event.id, "lead"): (world.angela.id, "auto"),
        (nursery_event.id, "peer"): (world.olivia.id, "manual"),
    }

    page.goto(f"/challenge/events/{nursery_event.id}")
    expect(page.locator("#visitors")).to_contain_text("Proposed by pairing")
    expect(page.locator("#visitors")).to_contain_text(
        "Clash overridden: Olivia has moved her leave"
    )
    check_axe(page, "pairing-event")
    page.goto(f"/admin/people/{world.hana.id}")
    page.get_by_role("link", name="Pairing: their conflicts").click()
    page.get_by_label("Person", exact=True).select_option(
        label="Angela Brooks, Northbrook Constabulary"
    )
    page.get_by_label("Why they must never be paired").fill("An open grievance between them")
    page.get_by_role("button", name="Keep them apart").click()
    expect(page.locator("#never")).to_contain_text("An open grievance between them")
    check_axe(page, "pairing-person")
    assert page.console_errors == []
