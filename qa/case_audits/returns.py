"""Changing one agency's audit of a case: a domain's grade, the summary, submit, reopen.

The same lifecycle as a Section 11 return (qa.lifecycle): each save asks inside its write
transaction whether the return may still change, a stale save shows a conflict, and submitting
locks it until an admin reopens it with a reason.
"""

from qa import audit, editing, lifecycle
from qa.case_audits import rules
from qa.case_audits.forms import GRADE_LABELS, SUMMARY_LABELS, grade_words
from qa.db import VersionConflict, db


def _save(record, ret, form, labels, data, user, show=None):
    """Save `data` over `record` (a grade or the return itself) at the form's version, inside
    the return's lock: (the record as saved, None) or (it as it was, the Conflict to show)."""

    def record_change(saved, before):
        audit.record_quietly(user, "changed", ret, f"Edited {ret}")

    try:
        with db.atomic("IMMEDIATE"):
            lifecycle.ensure_editable(ret)
            saved = editing.update(
                record, form.base_version, data, stamps={"updated_by": user}, record=record_change
            )
    except VersionConflict as error:
        opened_with = form.version.data
        conflict = editing.conflict_for(form, error.current, labels, show=show)
        form.version.data = opened_with  # later autosaves must not overwrite the other's words
        return record, conflict
    return saved, None


def save_grade(grade, form, user):
    data = {"grade": form.grade.data or "", "justification": form.justification.data or ""}
    return _save(grade, grade.return_, form, GRADE_LABELS, data, user, show=grade_words)


def save_summary(ret, form, user):
    data = {name: getattr(form, name).data or "" for name in rules.SUMMARY}
    return _save(ret, ret, form, SUMMARY_LABELS, data, user)


def submit(ret, form, user, found):
    """Submit from the return's page; True when it is submitted. A return that changed while it
    was being checked adds a line to `found` asking to check again."""
    summary = f"Submitted {ret}"
    try:
        lifecycle.submit(ret, form.version.data, user, found, summary)
    except VersionConflict as error:
        found.append(("", "The return changed while you were checking it. Check it again."))
        form.version.data = str(error.current.version)
        return False
    except (lifecycle.NotReady, lifecycle.Locked):
        return False
    return True


def reopen(ret, form, user):
    """Reopen a submitted return for the reason given; False when it changed or is not
    submitted."""
    try:
        lifecycle.reopen(ret, form.version.data, form.reason.data, user, f"Reopened {ret}")
    except lifecycle.Changed:
        form.reason.errors = [
            *form.reason.errors,
            "It was not reopened: it is no longer submitted, or changed since this page was "
            "opened. Reload the page to see it as it is now",
        ]
        return False
    return True
