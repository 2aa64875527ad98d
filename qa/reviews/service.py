"""Changes to reviews and the themes list: each in one write transaction with its audit line."""

from qa import audit, editing
from qa.db import db
from qa.reviews.models import Review, ReviewTheme, Theme

FIELDS = (
    "kind",
    "reference",
    "title",
    "notified_on",
    "completed_on",
    "published_on",
    "recommendations",
    "summary_url",
)


def _set_themes(review, theme_ids):
    ReviewTheme.delete().where(
        ReviewTheme.review == review, ReviewTheme.theme.not_in(theme_ids)
    ).execute()
    have = {link.theme_id for link in ReviewTheme.select().where(ReviewTheme.review == review)}
    for theme_id in theme_ids:
        if theme_id not in have:
            ReviewTheme.create(review=review, theme=theme_id)


def create_review(data, theme_ids):
    """A new review with its themes, created and audited together."""
    with db.atomic("IMMEDIATE"):
        review = editing.create(Review, data, f"Added the review {data['reference']}")
        _set_themes(review, theme_ids)
    return review


def save_review(review, version, data, summary, theme_ids, who):
    """Save the review's fields at `version` and its themes; raises VersionConflict when someone
    saved since."""
    with db.atomic("IMMEDIATE"):
        before = {link.theme_id for link in review.theme_links}
        editing.update(review, version, data, summary)
        _set_themes(review, theme_ids)
        if before != set(theme_ids):
            names = [t.name for t in Theme.select().where(Theme.id.in_(theme_ids))]
            audit.record(
                who, "changed", review, f"Themes of {review}: {', '.join(names) or 'none'}"
            )
