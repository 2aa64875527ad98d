"""The learning-from-reviews section of the board's annual report (a ReportSection): what the
reviews of the year asked for, and the evidence that practice changed, not only counts."""

from datetime import datetime, timedelta

from peewee import JOIN, fn

from qa.actions.models import PARTNERSHIP, Action
from qa.people.models import Agency
from qa.reviews.models import KINDS, Review, ReviewAction, Theme


def gather(cycle, today):
    """The section's figures for the cycle: reviews completed, their actions' progress, what the
    sub-group found a year on and in dip samples, and examples of impact."""
    starts = cycle.starts
    ends = min(cycle.ends, today)
    completed = list(
        Review.select(Review.kind, fn.COUNT(Review.id))
        .where(Review.completed_on.between(starts, ends))
        .group_by(Review.kind)
        .tuples()
    )
    in_year = (Action.completed_at >= datetime.combine(starts, datetime.min.time())) & (
        Action.completed_at < datetime.combine(ends + timedelta(days=1), datetime.min.time())
    )
    done = (Action.status == "done").cast("int")
    row = (
        ReviewAction.select(
            fn.COUNT(ReviewAction.id),
            fn.SUM(done),
            fn.SUM(((Action.status == "done") & (Action.impact != "")).cast("int")),
            fn.SUM((ReviewAction.assured == True).cast("int")),
            fn.SUM((ReviewAction.assured == False).cast("int")),
            fn.SUM(ReviewAction.dip_sampled_at.is_null(False).cast("int")),
            fn.SUM((ReviewAction.dip_outcome == "confirmed").cast("int")),
        )
        .join(Action)
        .tuples()
        .get()
    )
    actions, complete, impact, assured, not_assured, sampled, confirmed = (n or 0 for n in row)
    examples = list(
        ReviewAction.select(
            Review.reference, Theme.name, fn.COALESCE(Agency.name, PARTNERSHIP), Action.impact
        )
        .join(Action)
        .join(Agency, JOIN.LEFT_OUTER)
        .switch(ReviewAction)
        .join(Review)
        .switch(ReviewAction)
        .join(Theme)
        .where(Action.status == "done", Action.impact != "", in_year)
        .order_by(ReviewAction.assured.desc(), Action.completed_at.desc())
        .limit(5)
        .tuples()
    )
    return {
        "completed": [(KINDS.get(kind, kind), n) for kind, n in completed],
        "actions": actions,
        "complete": complete,
        "impact": impact,
        "assured": assured,
        "not_assured": not_assured,
        "sampled": sampled,
        "confirmed": confirmed,
        "examples": [
            {"reference": ref, "theme": theme, "agency": agency, "impact": text}
            for ref, theme, agency, text in examples
        ],
    }
