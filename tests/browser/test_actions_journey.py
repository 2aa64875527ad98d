"""The action register in a real browser.

An agency lead records progress and evidence on an action; admin sees the register and the board
report.
"""

import re
from datetime import date, datetime, timedelta

from playwright.sync_api import expect

from qa.actions.models import Action
from qa.reports.models import ReportBuild
from tests.browser.conftest import check_axe, sign_in
from tests.section11_fixtures import EXE, PDF


def _actions(people, cycles):
    this = cycles["this"]
    late = Action.create(
        agency=people["agency_a"],
        cycle=this,
        source="manual",
        description="Brief every ward manager on the escalation policy",
        owner="Named nurse",
        due=date.today() - timedelta(days=4),
    )
    Action.create(
        agency=people["agency_a"],
        cycle=this,
        source="manual",
        description="Rewrite the discharge checklist",
        owner="Matron",
        due=date.today() - timedelta(days=420),
        status="done",
        completed_at=datetime.now() - timedelta(days=370),
        evidence_of_completion="Checklist in use",
        impact="Every discharge now checks for a child protection plan",
    )
    Action.create(
        agency=people["agency_b"],
        cycle=this,
        source="challenge",
        description="Audit police referrals",
        owner="DI",
        due=date.today() + timedelta(days=10),
    )
    return late


def test_agency_lead_records_progress_and_evidence(page, people, cycles, tmp_path):
    late = _actions(people, cycles)
    sign_in(page, people["lead_a"].email)
    expect(page.get_by_role("heading", name="Actions to follow up")).to_be_visible()
    check_axe(page, "actions-home-lead")

    page.get_by_role("link", name="Actions", exact=True).click()
    # another agency's action is not shown
    expect(page.get_by_text("Audit police referrals")).to_have_count(0)
    check_axe(page, "actions-register-lead")
    page.get_by_role("link", name="Brief every ward manager on the escalation policy").click()
    check_axe(page, "actions-action-lead")

    page.get_by_label("Add a dated progress note").fill(
        "Briefed four of six wards; two left next week."
    )
    page.get_by_role("button", name="Add note").click()
    expect(page.get_by_text("Briefed four of six wards")).to_be_visible()
    expect(page.locator("#action-status")).to_be_visible()

    not_a_pdf = tmp_path / "register.pdf"
    not_a_pdf.write_bytes(EXE)
    page.get_by_label("Add a document as evidence").set_input_files(str(not_a_pdf))
    page.get_by_role("button", name="Upload").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    check_axe(page, "actions-upload-refused")
    summary.get_by_role("link", name=re.compile(r"not really a \.pdf file")).click()
    expect(page.get_by_label("Add a document as evidence")).to_be_focused()

    evidence = tmp_path / "briefing register.pdf"
    evidence.write_bytes(PDF)
    page.get_by_label("Add a document as evidence").set_input_files(str(evidence))
    page.get_by_role("button", name="Upload").click()
    kept = page.get_by_role("link", name="briefing_register.pdf").or_(
        page.get_by_role("link", name="briefing register.pdf")
    )
    expect(kept).to_be_visible()
    # a file is a link out of hx-boost: it downloads, and the page stays as it was
    with page.expect_download() as download:
        kept.click()
    assert download.value.path().read_bytes() == PDF
    expect(page.get_by_label("Add a document as evidence")).to_be_visible()

    page.get_by_label("Done").check()
    page.get_by_label("Evidence of completion").fill(
        "Briefing register signed by all six ward managers."
    )
    page.get_by_label("Impact").fill("Ward staff escalated two concerns in the first month.")
    page.get_by_role("button", name="Save the action").click()
    expect(page.get_by_text("Action saved")).to_be_visible()
    check_axe(page, "actions-action-done")
    saved = Action.get_by_id(late.id)
    assert saved.status == "done" and "six ward managers" in saved.evidence_of_completion

    page.goto("/")
    page.get_by_role("link", name="Rewrite the discharge checklist").click()
    page.get_by_label("Yes, the change has lasted").check()
    page.get_by_label("What did you find?").fill("Re-audit in October: every discharge checked.")
    page.get_by_role("button", name="Record the look-back").click()
    expect(page.get_by_text("Impact confirmed")).to_be_visible()
    check_axe(page, "actions-look-back")
    assert page.console_errors == []


def test_admin_filters_the_register_and_builds_the_board_report(page, people, cycles):
    _actions(people, cycles)
    sign_in(page, people["admin"].email)
    page.get_by_role("link", name="Actions", exact=True).click()
    page.get_by_label("Overdue only").check()
    expect(page.get_by_text("Audit police referrals")).to_have_count(0)
    expect(page.get_by_text("Brief every ward manager on the escalation policy")).to_be_visible()
    check_axe(page, "actions-register-admin")
    page.get_by_role("link", name="Quarterly summary").click()
    check_axe(page, "actions-quarter")
    page.goto("/actions/new")
    check_axe(page, "actions-new")

    page.get_by_role("link", name="Board report").click()
    expect(page.get_by_role("heading", name="Key messages")).to_be_visible()
    check_axe(page, "report-annual")
    page.get_by_role("button", name="Make the PDF for the board").click()
    expect(page.get_by_role("link", name="Download the PDF")).to_be_visible(timeout=120_000)
    check_axe(page, "report-build-done")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the PDF").click()
    assert download.value.path().read_bytes().startswith(b"%PDF")
    page.get_by_role("link", name="The report on screen").click()
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile(r"download the PDF made")).click()
    assert download.value.path().read_bytes().startswith(b"%PDF")
    assert ReportBuild.select().where(ReportBuild.status == "done").count() == 1
    assert page.console_errors == []
