"""What the review pages read: reviews with their themes and action counts, the themes list."""

from datetime import datetime

from peewee import JOIN, fn

from qa.actions.models import PARTNERSHIP, Action
from qa.people.models import Agency, User
from qa.reviews.models import Review, ReviewAction, ReviewTheme, Theme, ThemeDecision


def reviews():
    """Every review, newest notified first, each with `themes` (names) and `action_count`."""
    found = list(
        Review.select(Review, fn.COUNT(ReviewAction.id).alias("action_count"))
        .join(ReviewAction, JOIN.LEFT_OUTER)
        .group_by(Review.id)
        .order_by(Review.notified_on.desc(), Review.id.desc())
    )
    names = themes_of([review.id for review in found])
    for review in found:
        review.themes = names.get(review.id, [])
    return found


def themes_of(review_ids):
    """{review id: [theme names]} in one query."""
    found = {}
    query = (
        ReviewTheme.select(ReviewTheme.review, Theme.name)
        .join(Theme)
        .where(ReviewTheme.review.in_(review_ids))
        .order_by(Theme.name)
    )
    for review_id, name in query.tuples():
        found.setdefault(review_id, []).append(name)
    return found


def theme_ids(review):
    return [link.theme_id for link in review.theme_links]


def theme_choices(review=None):
    """Active themes, and any inactive ones the review already has, by name."""
    chosen = theme_ids(review) if review is not None else []
    return Theme.select().where((Theme.active == True) | Theme.id.in_(chosen)).order_by(Theme.name)


def themes():
    """Every theme by name, each with `review_count`."""
    return list(
        Theme.select(Theme, fn.COUNT(ReviewTheme.id).alias("review_count"))
        .join(ReviewTheme, JOIN.LEFT_OUTER)
        .group_by(Theme.id)
        .order_by(Theme.active.desc(), Theme.name)
    )


def name_taken(name, theme_id=None):
    query = Theme.select().where(fn.LOWER(Theme.name) == name.lower())
    if theme_id is not None:
        query = query.where(Theme.id != theme_id)
    return query.exists()


def reference_taken(reference, review_id=None):
    query = Review.select().where(fn.LOWER(Review.reference) == reference.lower())
    if review_id is not None:
        query = query.where(Review.id != review_id)
    return query.exists()


def review_actions():
    """Every review action joined to its Action, agency, responsible officer, theme and review
    (narrow it with a where)."""
    return (
        ReviewAction.select(ReviewAction, Action, Agency, User, Theme, Review)
        .join(Action)
        .join(Agency, JOIN.LEFT_OUTER)
        .switch(Action)
        .join(User, JOIN.LEFT_OUTER)
        .switch(ReviewAction)
        .join(Theme)
        .switch(ReviewAction)
        .join(Review)
    )


def actions_of(review):
    """The review's actions, by due date."""
    return list(
        review_actions().where(ReviewAction.review == review).order_by(Action.due, Action.id)
    )


def _day(value):
    return value.date() if isinstance(value, datetime) else value


def theme_rows():
    """Plain rows for rules.theme_report: every review action, with its agency ("Partnership-wide"
    for a partnership action) and theme, in one query."""
    query = (
        ReviewAction.select(
            fn.COALESCE(Agency.name, PARTNERSHIP),
            Theme.name,
            Action.status,
            Action.due,
            Action.created_at,
            Action.completed_at,
            Action.impact,
            ReviewAction.assured,
            ReviewAction.assured_at,
        )
        .join(Action)
        .join(Agency, JOIN.LEFT_OUTER)
        .switch(ReviewAction)
        .join(Theme)
    )
    return [
        {
            "agency": agency,
            "theme": theme,
            "status": status,
            "due": due,
            "created_on": _day(created),
            "completed_on": _day(completed) if status == "done" else None,
            "impact": bool(impact),
            "assured": bool(assured),
            "assured_on": _day(assured_at) if assured else None,
        }
        for agency, theme, status, due, created, completed, impact, assured, assured_at in (
            query.tuples()
        )
    ]


def decisions(quarter_start):
    """{theme name: ThemeDecision} for the quarter."""
    query = (
        ThemeDecision.select(ThemeDecision, Theme)
        .join(Theme)
        .where(ThemeDecision.quarter_start == quarter_start)
    )
    return {decision.theme.name: decision for decision in query}


def dip_samples_waiting(limit=50):
    """Review actions marked for a dip sample whose evidence has not been checked yet."""
    return list(
        review_actions()
        .where(ReviewAction.dip_sampled_at.is_null(False), ReviewAction.dip_outcome == "")
        .order_by(ReviewAction.dip_sampled_at)
        .limit(limit)
    )
