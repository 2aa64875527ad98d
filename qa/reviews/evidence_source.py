"""How a scrutiny theme cites a review's action as evidence: the recommendation it answers, the
action, how far it has got and whether the sub-group is assured of its impact."""

from flask import url_for

from qa.actions.models import STATUSES, Action
from qa.reviews.models import Review, ReviewAction, Theme

ASSURED = {
    None: "assurance not decided yet",
    True: "the sub-group is assured",
    False: "not assured",
}


def _links():
    return (
        ReviewAction.select(ReviewAction, Action, Review, Theme)
        .join(Action)
        .switch(ReviewAction)
        .join(Review)
        .switch(ReviewAction)
        .join(Theme)
    )


def _title(link):
    return f"{link.review.reference} ({link.theme.name}): {link.action.description[:80]}"


def choices(cycle):
    """[(review action id, title)]: every review's actions (reviews run across cycles)."""
    found = _links().order_by(Review.reference, ReviewAction.id)
    return [(link.id, _title(link)) for link in found]


def describe(ids, cycle):
    """{review action id: (title, what it says, url)}, in one query."""
    found = _links().where(ReviewAction.id.in_(list(ids)))
    return {
        link.id: (
            _title(link),
            says(link),
            url_for("reviews.assurance", review_action_id=link.id),
        )
        for link in found
    }


def says(link):
    """The recommendation, the action's status and the sub-group's assurance."""
    words = f"Recommendation: {link.recommendation}. " if link.recommendation else ""
    status = STATUSES.get(link.action.status, link.action.status)
    words += f"Action {status.lower()} (due {link.action.due:%-d %B %Y}); {ASSURED[link.assured]}"
    return words + (f": {link.assurance_reason}" if link.assurance_reason else ".")
