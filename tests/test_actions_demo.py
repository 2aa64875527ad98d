"""The demo register: actions of every source and status, some overdue.

Some waiting for their 12-month look-back; loading twice adds nothing.
"""

from datetime import date, timedelta

from qa.actions import demo
from qa.actions.models import SOURCES, STATUSES, Action


def test_demo_register_has_every_source_and_status_and_look_backs(demo_partnership):
    assert {a.source for a in Action.select(Action.source)} == set(SOURCES)
    assert {a.status for a in Action.select(Action.status)} == set(STATUSES)
    assert (
        Action.select()
        .where(Action.status.in_(("open", "in_progress")), Action.due < date.today())
        .exists()
    )
    year_ago = date.today() - timedelta(days=365)
    assert (
        Action.select()
        .where(
            Action.status == "done",
            Action.completed_at <= year_ago,
            Action.impact_reviewed_at.is_null(),
        )
        .exists()
    )
    assert Action.select().where(Action.impact_confirmed == True).exists()
    before = Action.select().count()
    demo.load()
    assert Action.select().count() == before
