"""The demo's reviews: a rapid review and a local review from last year with actions, some due
their twelve-month evidence now, one dip-sampled; loading twice adds nothing. (The whole demo's
register, review actions among its sources, is tests/test_actions_demo.py.)"""

from datetime import date, timedelta

from qa.actions.models import Action
from qa.db import db
from qa.people.models import Agency, Sector, User
from qa.reviews import demo, requests
from qa.reviews.models import Review, ReviewAction, ThemeDecision
from tests.conftest import password_hash


def demo_agencies():
    """The demo's agencies the review actions name, each with a lead."""
    sector = Sector.create(name="Health", slug="health")
    names = {row[1] for row in demo.ACTIONS} | {row[2] for row in demo.ACTIONS}
    for n, name in enumerate(sorted(names - {None})):
        agency = Agency.create(name=name, sector=sector)
        User.create(
            email=f"lead{n}@example.org",
            name=f"Lead {n}",
            role="agency_lead",
            agency=agency,
            password_hash=password_hash(),
        )


def test_the_demo_has_last_years_reviews_with_evidence_due_and_a_dip_sample(app, cycles):
    with db.atomic():  # as the demo runs: one transaction
        demo_agencies()
        demo.load()
    reviews = {r.kind: r for r in Review.select()}
    assert set(reviews) == {"rapid", "local"}
    assert all(r.completed_on <= date.today() - timedelta(days=365) for r in reviews.values())
    assert ReviewAction.select().count() == 6
    assert Action.select().where(Action.source == "review", Action.agency.is_null()).count() == 2
    assert len(requests.due(date.today())) >= 3 and requests.messages(date.today())
    assert ReviewAction.select().where(ReviewAction.dip_sampled_at.is_null(False)).count() == 1
    assert ThemeDecision.select().count() == 1
    demo.load()
    assert Review.select().count() == 2 and ReviewAction.select().count() == 6
