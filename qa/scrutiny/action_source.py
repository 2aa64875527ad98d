"""How the action register describes an action raised by a scrutiny theme's recommendation."""

from flask import url_for

from qa.scrutiny.models import ScrutinyRecommendation, ScrutinyTheme


def describe(recommendation_id, user):
    """(detail, url) of the theme whose recommendation raised the action, or None if it is gone;
    the link only for the sub-group, who may open themes."""
    return describe_many([recommendation_id], user).get(recommendation_id)


def describe_many(recommendation_ids, user):
    """{recommendation id: (detail, url)} as `describe` gives each, in one query."""
    found = (
        ScrutinyRecommendation.select(
            ScrutinyRecommendation.id, ScrutinyTheme.id, ScrutinyTheme.title
        )
        .join(ScrutinyTheme)
        .where(ScrutinyRecommendation.id.in_(list(recommendation_ids)))
    )
    return {
        rec.id: (
            f"A recommendation of the scrutiny theme {rec.theme.title}",
            url_for("scrutiny_themes.show", theme_id=rec.theme.id) if user.on_subgroup else None,
        )
        for rec in found
    }
