"""An agency's lead completes its audit of a case; the QA officer reads the combined document, the
other agency's gap in view."""

from playwright.sync_api import expect

from qa.case_audits.models import CaseReturn
from tests.browser.conftest import check_axe, sign_in
from tests.case_audit_fixtures import grades_of, make_audit, make_case, return_of


def _saved(return_id, words, page):
    """Wait (up to ten seconds) for the return's last summary box to read `words` on the server."""
    for _ in range(100):
        if CaseReturn.get_by_id(return_id).needs_to_happen == words:
            return True
        page.wait_for_timeout(100)
    return False


def test_a_lead_completes_a_case_audit_and_the_admin_reads_the_combined_document(page, people):
    found = make_audit()
    case = make_case(found, [people["agency_a"], people["agency_b"]], "MACA-2026-07")
    ret = return_of(case, people["agency_a"])
    sign_in(page, people["lead_a"].email)
    page.goto("/case-audits")
    check_axe(page, "case-audits-programme")
    page.get_by_role("link", name="Neglect").click()
    page.get_by_role("link", name="MACA-2026-07", exact=True).click()
    check_axe(page, "case-audits-case")
    page.get_by_role("link", name="Northbrook Hospitals NHS Foundation Trust").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("audit of this case")
    check_axe(page, "case-audits-return")
    for grade in grades_of(ret):
        form = page.locator(f"#form-{grade.id}")
        form.get_by_label("Good", exact=True).check()
        form.get_by_label("Why this grade").fill(f"The records show it for {grade.domain}")
        expect(page.locator(f"#state-{grade.id}")).to_contain_text("Saved by Amara Nwosu")
    page.get_by_label("What worked well").fill("A strategy meeting within a day")
    page.get_by_label("What we are worried about").fill("Nobody saw the baby alone")
    page.get_by_label("What needs to happen").fill("Health visitors to see babies alone")
    # left at once, inside the autosave's one-second wait: what was typed is sent as the page goes
    page.get_by_role("link", name="Case MACA-2026-07").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Case MACA-2026-07")
    assert _saved(ret.id, "Health visitors to see babies alone", page)
    page.get_by_role("link", name="Northbrook Hospitals NHS Foundation Trust").click()
    page.get_by_role("button", name="Submit your audit").click()
    expect(page.get_by_role("heading", name="Audit submitted")).to_be_visible()
    check_axe(page, "case-audits-submitted")
    assert CaseReturn.get_by_id(ret.id).status == "submitted"

    page.context.clear_cookies()
    sign_in(page, people["admin"].email)
    page.goto(f"/case-audits/cases/{case.id}")
    page.get_by_role("link", name="Every agency's audit of this case, side by side").click()
    expect(page.locator("#gaps")).to_contain_text("Not yet returned: Northbrook Constabulary")
    expect(page.get_by_text("Nobody saw the baby alone")).to_be_visible()
    check_axe(page, "case-audits-combined")

    page.goto(f"/case-audits/{found.id}/meeting")
    check_axe(page, "case-audits-meeting")
    page.get_by_label("New theme").fill("Babies not seen alone")
    page.get_by_label("Concern").check()
    page.get_by_role("button", name="Add theme").click()
    # the case's link is on the page before the theme is added: follow it once the page says so
    expect(page.get_by_text("Theme ‘Babies not seen alone’ added")).to_be_visible()
    page.locator("#case-rows").get_by_role("link", name="MACA-2026-07").click()
    page.get_by_label("Agreed multi-agency grade for the voice of the child").select_option(
        "requires_improvement"
    )
    page.get_by_label("Babies not seen alone").check()
    check_axe(page, "case-audits-agree")
    page.get_by_role("button", name="Save what the meeting agreed").click()
    expect(page.locator("#case-rows")).to_contain_text("1 of 6")
    page.goto(f"/case-audits/{found.id}/outputs")
    check_axe(page, "case-audits-outputs")
    assert page.console_errors == []
