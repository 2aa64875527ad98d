"""Changes to reviews and the themes list: each in one write transaction with its audit line."""

from datetime import datetime

from qa import audit, editing
from qa.actions.models import Action
from qa.cycles.models import Cycle
from qa.db import db
from qa.ids import parse_id
from qa.reviews.models import Review, ReviewAction, ReviewTheme, Theme, ThemeDecision

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


def add_action(review, data, who):
    """An action agreed from the review, in the register (source "review") in the current cycle,
    with its theme and the recommendation it answers."""
    with db.atomic("IMMEDIATE"):
        action = Action.create(
            agency=parse_id(data["agency"]),  # None: a partnership action
            responsible_officer=parse_id(data.get("responsible_officer")),
            cycle=Cycle.current().id,
            source="review",
            source_id=review.id,
            description=data["description"],
            owner=data["owner"],
            due=data["due"],
        )
        ReviewAction.create(
            action=action,
            review=review,
            theme=parse_id(data["theme"]),
            recommendation=data.get("recommendation") or "",
        )
        audit.record(who, "created", action, f"Action from the review {review}: {action}")
    return action


def record_assurance(link, assured, reason, who):
    """The sub-group's decision on a review action's evidence: assured or not, and why."""
    with db.atomic("IMMEDIATE"):
        ReviewAction.update(
            assured=assured, assurance_reason=reason, assured_at=datetime.now()
        ).where(ReviewAction.id == link.id).execute()
        verdict = "Assured" if assured else "Not assured"
        audit.record(who, "assured", link.action, f"{verdict} on {link.action}: {reason[:200]}")


def mark_dip_sample(link, who):
    """Mark a completed review action for evidence checking (once)."""
    with db.atomic("IMMEDIATE"):
        marked = (
            ReviewAction.update(dip_sampled_at=datetime.now())
            .where(ReviewAction.id == link.id, ReviewAction.dip_sampled_at.is_null())
            .execute()
        )
        if marked:
            audit.record(who, "sampled", link.action, f"Dip sample of {link.action}")


def record_dip_outcome(link, outcome, note, who):
    """What checking a dip-sampled action's evidence found."""
    with db.atomic("IMMEDIATE"):
        ReviewAction.update(dip_outcome=outcome, dip_note=note).where(
            ReviewAction.id == link.id
        ).execute()
        audit.record(
            who, "checked", link.action, f"Dip sample outcome for {link.action}: {note[:200]}"
        )


def decide_theme(theme_id, quarter_start, decision, note, who):
    """The sub-group's decision for a theme this quarter, replacing any made before."""
    with db.atomic("IMMEDIATE"):
        theme = Theme.get_by_id(theme_id)
        ThemeDecision.insert(
            theme=theme, quarter_start=quarter_start, decision=decision, note=note
        ).on_conflict(
            conflict_target=[ThemeDecision.theme, ThemeDecision.quarter_start],
            update={ThemeDecision.decision: decision, ThemeDecision.note: note},
        ).execute()
        audit.record(who, "decided", theme, f"{theme} from {quarter_start:%-d %B %Y}: {decision}")
