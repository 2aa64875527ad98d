"""The demo partnership's challenge events.

Last cycle reported, this cycle scheduled, one clash overridden, one event left for pairing.
"""

from datetime import date

from qa.challenge.models import ChallengeEvent, ClashOverride, Visitor
from qa.cycles.models import Cycle
from qa.demo import load
from qa.pairing import demo as pairing_demo


def test_demo_challenge_events_are_realistic_and_loading_twice_changes_nothing(
    demo_partnership, app_context
):
    last, this = Cycle.get(Cycle.name == "2025-26"), Cycle.get(Cycle.name == "2026-27")
    reported = ChallengeEvent.select().where(ChallengeEvent.cycle == last)
    assert [e.status for e in reported] == ["reported"] * 5
    assert all(e.summary and e.selection_reason for e in reported)
    scheduled = list(ChallengeEvent.select().where(ChallengeEvent.cycle == this))
    assert len(scheduled) == 5 + len(pairing_demo.EVENTS) and all(
        e.status == "scheduled" for e in scheduled
    )
    assert all(date(2027, 1, 1) <= e.starts_at.date() <= date(2027, 3, 31) for e in scheduled)
    unvisited = [e for e in scheduled if not Visitor.select().where(Visitor.event == e).exists()]
    assert len(unvisited) == 1
    assert (
        ClashOverride.select().join(ChallengeEvent).where(ChallengeEvent.cycle == this).count() == 1
    )
    counts = (ChallengeEvent.select().count(), Visitor.select().count())
    load("demo password for tests")
    assert (ChallengeEvent.select().count(), Visitor.select().count()) == counts
