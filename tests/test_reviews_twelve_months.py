"""The twelve-month request: a year after a review completed, the responsible officers of its
actions are asked (reminders command, email, home page) for evidence of completion and impact;
the sub-group records whether it is assured and why. Time is moved by passing `today`."""

from datetime import date, datetime, timedelta

import pytest

from qa.actions import reminders
from qa.db import db
from qa.main.queries import home_for
from qa.reviews import requests, rules
from qa.reviews.models import ReviewAction
from tests.review_fixtures import make_review, make_review_action, make_theme

COMPLETED = date(2025, 3, 1)


@pytest.fixture
def review_actions(people, cycles):
    """A review completed on 1 March 2025 with a partnership action (officer: lead A) and an
    agency B action with no officer, and another review not yet completed."""
    with db.atomic():
        return three_actions(people, cycles)


def three_actions(people, cycles):
    theme = make_theme("Information sharing")
    review = make_review("RR-2025-02", completed=COMPLETED, themes=[theme])
    pending = make_review("LCSPR-2025-07", kind="local")
    return {
        "partnership": make_review_action(review, theme, cycles["this"], officer=people["lead_a"]),
        "agency_b": make_review_action(
            review, theme, cycles["this"], agency=people["agency_b"], description="Audit referrals"
        ),
        "pending": make_review_action(pending, theme, cycles["this"], agency=people["agency_b"]),
    }


def test_the_request_is_due_twelve_months_after_the_review_completed():
    assert rules.request_due_on(date(2025, 3, 1)) == date(2026, 3, 1)
    assert rules.request_due_on(date(2024, 2, 29)) == date(2025, 2, 28)
    assert rules.request_cutoff(date(2028, 2, 29)) == date(2027, 2, 28)
    assert not rules.evidence_due(date(2025, 3, 1), None, date(2026, 2, 28))
    assert rules.evidence_due(date(2025, 3, 1), None, date(2026, 3, 1))
    assert not rules.evidence_due(date(2025, 3, 1), True, date(2026, 3, 1))
    assert not rules.evidence_due(None, None, date(2030, 1, 1))


def test_nothing_is_asked_the_day_before_and_both_actions_are_asked_on_the_day(
    app, people, review_actions
):
    assert requests.due(date(2026, 2, 28)) == []
    asked = requests.due(date(2026, 3, 1))
    assert {link.id for link in asked} == {
        review_actions["partnership"].id,
        review_actions["agency_b"].id,
    }


def test_the_officer_or_else_the_agencys_lead_is_emailed(app, people, review_actions):
    found = {to: (subject, body) for to, subject, body in requests.messages(date(2026, 3, 1))}
    assert sorted(found) == ["lead.a@example.org", "lead.b@example.org"]
    subject, body = found["lead.a@example.org"]
    assert subject == "Twelve months on: evidence of impact for 1 review action"
    assert "RR-2025-02 (Rapid review, completed 1 March 2025): Partnership-wide:" in body
    assert "Audit referrals" in found["lead.b@example.org"][1]
    # the reminders mechanism sends them with the overdue actions
    assert [each[0] for each in reminders.all_messages(date(2026, 3, 1))] == sorted(found)


def test_the_reminders_command_lists_the_requests(app, people, cycles):
    theme = make_theme()
    review = make_review(completed=date.today() - timedelta(days=400), themes=[theme])
    make_review_action(review, theme, cycles["this"], officer=people["lead_b"])
    result = app.test_cli_runner().invoke(args=["reminders"])
    assert result.exit_code == 0, result.output
    assert "Would send to lead.b@example.org: Twelve months on: evidence of impact" in result.output


def test_the_request_is_on_the_officers_home_page(app_context, people, review_actions):
    today = date(2026, 3, 2)
    officer = home_for(people["lead_a"], today)["evidence_requests"]
    assert [link.id for link in officer] == [review_actions["partnership"].id]
    lead_b = home_for(people["lead_b"], today)["evidence_requests"]
    assert [link.id for link in lead_b] == [review_actions["agency_b"].id]
    assert home_for(people["admin"], today)["evidence_request_count"] == 2
    assert home_for(people["reviewer"], today)["evidence_request_count"] == 2
    assert "evidence_requests" not in home_for(people["peer"], today)
    assert home_for(people["lead_a"], date(2026, 2, 1))["evidence_requests"] == []


def test_the_home_page_shows_the_request(app, people, cycles, signed_in):
    theme = make_theme()
    review = make_review(completed=date.today() - timedelta(days=370), themes=[theme])
    make_review_action(
        review, theme, cycles["this"], officer=people["lead_a"], description="Publish the protocol"
    )
    html = signed_in(people["lead_a"]).get("/").get_data(as_text=True)
    assert "Reviews a year on: evidence of impact" in html and "Publish the protocol" in html
    assert "Reviews a year on" not in signed_in(people["lead_b"]).get("/").get_data(as_text=True)


def test_the_subgroup_records_whether_it_is_assured_and_the_request_ends(
    app, people, review_actions, reviewer_client
):
    link = review_actions["partnership"]
    url = f"/reviews/actions/{link.id}/assurance"
    html = reviewer_client.post(url, {"assured": "no"}).get_data(as_text=True)
    assert "Give the sub-group&#39;s reason" in html
    response = reviewer_client.post(
        url, {"assured": "no", "assurance_reason": "No audit shows the change"}
    )
    assert response.status_code == 303
    saved = ReviewAction.get_by_id(link.id)
    assert (saved.assured, saved.assurance_reason) == (False, "No audit shows the change")
    assert isinstance(saved.assured_at, datetime)
    assert {x.id for x in requests.due(date(2026, 3, 1))} == {review_actions["agency_b"].id}
    page = reviewer_client.get(f"/reviews/actions/{link.id}").get_data(as_text=True)
    assert "Not assured</strong>" in page and "No audit shows the change" in page


def test_the_officer_gives_the_evidence_in_the_register_and_the_report_counts_it(
    app, people, review_actions, signed_in
):
    link = review_actions["partnership"]
    form = {
        "version": str(link.action.version),
        "status": "done",
        "evidence_of_completion": "Guide published; audit of 20 plans",
        "impact": "The child's own words open 18 of 20 plans",
    }
    assert signed_in(people["lead_b"]).post(f"/actions/{link.action_id}", form).status_code == 404
    officer = signed_in(people["lead_a"])
    page = officer.get(f"/actions/{link.action_id}").get_data(as_text=True)
    assert "evidence of completion and impact asked for from 1 March 2026" in page
    assert officer.post(f"/actions/{link.action_id}", form).status_code == 303
    from qa.reviews.queries import theme_rows

    today = date.today()
    counts = rules.theme_report(theme_rows(), today, today - timedelta(days=1))
    assert counts["totals"]["impact"] == 1 and counts["change"]["impact"] == 1
    # evidence given: no longer asked of the officer, still waiting for the sub-group
    asked = date(2026, 3, 1)
    assert requests.for_person(people["lead_a"], asked) == []
    assert "lead.a@example.org" not in [to for to, _, _ in requests.messages(asked)]
    assert link.id in {x.id for x in requests.due(asked)}


def test_the_reviews_page_lists_what_waits_for_the_subgroup(app, people, cycles, reviewer_client):
    theme = make_theme()
    review = make_review(completed=date.today() - timedelta(days=366), themes=[theme])
    make_review_action(review, theme, cycles["this"], officer=people["lead_a"], description="Due")
    html = reviewer_client.get("/reviews").get_data(as_text=True)
    assert "waiting for the sub-group's decision (1)" in html
    assert ">Due</a>" in html
