"""Small builders for the reviews tests: themes, a review, review actions."""

from datetime import date, timedelta

from qa.actions.models import Action
from qa.reviews.models import Review, ReviewAction, ReviewTheme, Theme


def make_theme(name="Neglect", active=True):
    return Theme.create(name=name, active=active)


def make_review(reference="RR-2025-04", kind="rapid", completed=None, themes=(), **more):
    review = Review.create(
        kind=kind,
        reference=reference,
        notified_on=more.pop("notified_on", date(2025, 1, 10)),
        completed_on=completed,
        recommendations=more.pop("recommendations", "Share information sooner\nHear the child"),
        **more,
    )
    for theme in themes:
        ReviewTheme.create(review=review, theme=theme)
    return review


def make_review_action(review, theme, cycle, agency=None, officer=None, **more):
    """A review action in the register: an agency's, or (agency None) a partnership action with a
    responsible officer."""
    action = Action.create(
        agency=agency,
        responsible_officer=officer,
        cycle=cycle,
        source="review",
        source_id=review.id,
        description=more.pop("description", "Train staff in professional curiosity"),
        owner=more.pop("owner", "Head of safeguarding"),
        due=more.pop("due", date.today() + timedelta(days=60)),
        status=more.pop("status", "open"),
        completed_at=more.pop("completed_at", None),
        impact=more.pop("impact", ""),
        created_at=more.pop("created_at", None) or Action.created_at.default(),
    )
    return ReviewAction.create(action=action, review=review, theme=theme, **more)
