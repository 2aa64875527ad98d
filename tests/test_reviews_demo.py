"""The demo's reviews: a rapid review and a local review from last year with actions, some due
their twelve-month evidence now, one dip-sampled; loading twice adds nothing."""

from datetime import date, timedelta

from qa.actions.models import Action
from qa.demo import load
from qa.reviews import demo, requests
from qa.reviews.models import Review, ReviewAction, ThemeDecision


def test_the_demo_has_last_years_reviews_with_evidence_due_and_a_dip_sample(app):
    load("kettle river orange")
    reviews = {r.kind: r for r in Review.select()}
    assert set(reviews) == {"rapid", "local"}
    assert all(r.completed_on <= date.today() - timedelta(days=365) for r in reviews.values())
    assert ReviewAction.select().count() == 6
    assert Action.select().where(Action.source == "review", Action.agency.is_null()).count() == 2
    assert len(requests.due(date.today())) >= 3
    assert requests.messages(date.today())
    assert ReviewAction.select().where(ReviewAction.dip_sampled_at.is_null(False)).count() == 1
    assert ThemeDecision.select().count() == 1
    demo.load()
    assert Review.select().count() == 2 and ReviewAction.select().count() == 6
