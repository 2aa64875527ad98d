"""How the action register describes an action agreed from a review."""

from flask import url_for

from qa.reviews import rules
from qa.reviews.models import Review


def describe(review_id, user):
    """(detail, url) of the review that raised the action, or None if it is gone; the link only
    for the sub-group, who may open reviews."""
    return describe_many([review_id], user).get(review_id)


def describe_many(review_ids, user):
    """{review id: (detail, url)} as `describe` gives each, in one query."""
    found = Review.select(Review.id, Review.kind, Review.reference, Review.completed_on).where(
        Review.id.in_(list(review_ids))
    )
    return {
        review.id: (
            _words(review),
            url_for("reviews.show", review_id=review.id) if user.on_subgroup else None,
        )
        for review in found
    }


def _words(review):
    """The review, and when evidence of completion and impact is asked for."""
    asked = rules.request_due_on(review.completed_on)
    if asked is None:
        return f"{review.kind_label} {review.reference}"
    return (
        f"{review.kind_label} {review.reference}, completed {review.completed_on:%-d %B %Y}: "
        f"evidence of completion and impact asked for from {asked:%-d %B %Y}"
    )
