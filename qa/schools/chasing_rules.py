"""Deadlines and chasing of schools' returns (pure): when a return locks, when each reminder is
due, and the completion rate.

A setting's return locks the day after its deadline (the cycle's, or the later one an admin gave it
for a reason). A setting that has not returned gets a first reminder two weeks before the deadline,
a second a week after that, and a week after the second the head and the chair of governors are
told (the escalation).
"""

from datetime import date, timedelta

FIRST_BEFORE = timedelta(days=14)  # the first reminder, before the deadline
GAP = timedelta(days=7)  # between one reminder and the next
STAGES = {
    1: "First reminder",
    2: "Second reminder",
    3: "Escalated to the head and chair of governors",
}


def deadline_for(cycle_deadline: date | None, extended_until: date | None) -> date | None:
    """The setting's deadline: its extension when it has one, else the cycle's."""
    return extended_until or cycle_deadline


def locked(deadline: date | None, today: date) -> bool:
    """Past the deadline (it is the last day returns may change); no deadline, never locked."""
    return deadline is not None and today > deadline


def lock_sentence(deadline: date, name: str) -> str:
    return (
        f"The deadline for this return was {deadline:%-d %B %Y}, so it can no longer be "
        f"changed or submitted. If {name} needs more time, ask the partnership's QA officer to "
        "extend the deadline."
    )


def next_stage(deadline: date | None, today: date, sent: dict[int, date]) -> int | None:
    """The reminder due today for a setting that has not returned, given the stages already sent
    (stage -> the day sent): the first from two weeks before the deadline, each next one a week
    after the one before; None when nothing is due."""
    if deadline is None:
        return None
    if 1 not in sent:
        return 1 if today >= deadline - FIRST_BEFORE else None
    for stage in (2, 3):
        if stage not in sent:
            return stage if today >= sent[stage - 1] + GAP else None
    return None


def rate(returned: int, total: int) -> int | None:
    """The completion rate as a whole percentage (rounded down, so 100% means all); None when
    there is nothing to complete."""
    return returned * 100 // total if total else None
