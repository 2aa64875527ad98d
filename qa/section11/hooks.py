"""What capabilities above Section 11 may say about a return without Section 11 importing them.

A lock beyond the return's status (a school's return after its deadline: `return_locks` in a
capability's declaration), what they do when its answers change (`return_changes`: a head's
sign-off lapses) and a line about it on its page (`return_notes`: where its sign-off stands). All
are looked up through qa.capability.
"""

from datetime import date

from qa.capability import return_changes, return_locks, return_notes


def lock_reason(ret, today=None):
    """Why this return may not change now although its status allows it, in a sentence; None when
    nothing else locks it."""
    today = today or date.today()
    for lock in return_locks():
        reason = lock(ret, today)
        if reason:
            return reason
    return None


def changing(return_id, user):
    """Tell every capability that asked that the return's answers have changed (inside the write
    transaction, so what they do is undone with the change if the transaction fails)."""
    for hook in return_changes():
        hook(return_id, user)


def notes(ret):
    """[(words, url)]: what other capabilities say about the return on its page."""
    return [found for note in return_notes() if (found := note(ret))]
