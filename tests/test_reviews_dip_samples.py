"""Dip samples: the sub-group marks completed review actions for evidence checking and records
what checking found."""

from datetime import datetime

from qa.reviews import rules
from qa.reviews.models import ReviewAction
from tests.review_fixtures import make_review, make_review_action, make_theme


def test_only_a_completed_action_not_yet_sampled_may_be_marked():
    assert rules.may_dip_sample("done", None)
    assert not rules.may_dip_sample("in_progress", None)
    assert not rules.may_dip_sample("done", datetime(2026, 1, 1))


def test_the_subgroup_marks_a_completed_action_and_records_the_outcome(
    app, people, cycles, reviewer_client
):
    theme = make_theme()
    review = make_review(themes=[theme])
    done = make_review_action(
        review,
        theme,
        cycles["this"],
        agency=people["agency_a"],
        status="done",
        completed_at=datetime(2026, 5, 1),
        impact="Children seen alone in 9 of 10 visits",
    )
    still_open = make_review_action(review, theme, cycles["this"], agency=people["agency_a"])
    assert reviewer_client.post(f"/reviews/actions/{still_open.id}/dip-sample").status_code == 303
    assert ReviewAction.get_by_id(still_open.id).dip_sampled_at is None
    outcome = {"dip_outcome": "confirmed", "dip_note": "Seen"}
    reviewer_client.post(f"/reviews/actions/{still_open.id}/dip-outcome", outcome)
    assert ReviewAction.get_by_id(still_open.id).dip_outcome == ""
    assert reviewer_client.post(f"/reviews/actions/{done.id}/dip-sample").status_code == 303
    assert ReviewAction.get_by_id(done.id).dip_sampled_at is not None
    assert "Dip samples to check (1)" in reviewer_client.get("/reviews").get_data(as_text=True)
    url = f"/reviews/actions/{done.id}/dip-outcome"
    html = reviewer_client.post(url, {"dip_outcome": "confirmed"}).get_data(as_text=True)
    assert "Say what was checked and found" in html
    form = {"dip_outcome": "not_confirmed", "dip_note": "Case notes show no child seen alone"}
    assert reviewer_client.post(url, form).status_code == 303
    saved = ReviewAction.get_by_id(done.id)
    assert (saved.dip_outcome, saved.dip_note) == ("not_confirmed", form["dip_note"])
    page = reviewer_client.get(f"/reviews/{review.id}").get_data(as_text=True)
    assert "Dip sample</strong>" in page


def test_leads_cannot_open_the_subgroups_check_of_their_own_action(app, people, cycles, signed_in):
    theme = make_theme()
    link = make_review_action(make_review(), theme, cycles["this"], agency=people["agency_a"])
    lead = signed_in(people["lead_a"])
    assert lead.get(f"/reviews/actions/{link.id}").status_code == 403
    assert lead.post(f"/reviews/actions/{link.id}/dip-sample").status_code == 403
    assert lead.get(f"/actions/{link.action_id}").status_code == 200
