"""The lifecycle a return shares, whichever capability keeps it: a draft, then submitted and locked,
then reopened by an admin for a reason given.

Section 11 returns and case audit returns both follow it: the same statuses, the same rule for
whether a return may change (asked inside each write transaction), and the same submit and reopen.
"""

from datetime import datetime

from flask import make_response, render_template
from markupsafe import Markup

from qa import audit
from qa.db import VersionConflict, db
from qa.htmx import wants_fragment

DRAFT, SUBMITTED, REOPENED = "draft", "submitted", "reopened"
STATUSES = {DRAFT: "In progress", SUBMITTED: "Submitted", REOPENED: "Reopened"}


class Locked(Exception):
    """The return has been submitted: nothing in it may change until an admin reopens it."""


class Changed(Exception):
    """The return is not as it was when the page was opened: saved since, or no longer
    submitted."""


class NotReady(Exception):
    """What stops the return being submitted (`problems`, as the capability's rules say them)."""

    def __init__(self, found):
        super().__init__(f"{len(found)} problems stop this return being submitted")
        self.problems = found


def can_change(status: str | None) -> bool:
    """Whether a return with this stored status may change: while a draft, or once reopened. A
    submitted return refuses every change, however it is asked, until an admin reopens it."""
    return status in (DRAFT, REOPENED)


def can_reopen(status: str | None) -> bool:
    """Only a submitted return can be reopened."""
    return status == SUBMITTED


def status_now(record) -> str | None:
    """The record's status as stored now: read inside a write transaction, so that a return
    submitted a moment ago is refused."""
    model = type(record)
    return model.select(model.status).where(model.id == record.id).scalar()


def ensure_editable(record):
    """Refuse (Locked) unless the return may change now, reading its status inside the write
    transaction."""
    if not can_change(status_now(record)):
        raise Locked()


def submit(record, version, user, found, summary):
    """Lock the return with a timestamp; `found` is what the capability's rules said stops it
    (it must be empty). Raises Locked, NotReady or VersionConflict."""
    with db.atomic("IMMEDIATE"):
        ensure_editable(record)
        if found:
            raise NotReady(found)
        record.save_versioned(
            version, status=SUBMITTED, submitted_at=datetime.now(), submitted_by=user
        )
        audit.record(user, "submitted", record, summary)
    return record


def reopen(record, version, reason, user, summary):
    """Let the return change again, for the reason given (written into the audit line).

    Raises Changed when it was saved since `version` or is no longer submitted.
    """
    with db.atomic("IMMEDIATE"):
        if not can_reopen(status_now(record)):
            raise Changed()
        try:
            record.save_versioned(version, status=REOPENED, reopened_reason=reason)
        except VersionConflict as error:
            raise Changed() from error
        audit.record(user, "reopened", record, f"{summary}: {reason}", {"reason": ["", reason]})
    return record


def locked_response(advice, reason=None):
    """The answer to a change asked of a submitted return: for htmx (which does not swap a 409)
    a message where the saved state shows, keeping what was typed on the page; else a 409 page.
    `reason` replaces "submitted" and the advice for a return locked for another reason (a
    school's deadline that passed: the reason says what to do)."""
    if wants_fragment():
        if reason:
            message = Markup('<p class="govuk-error-message" role="alert">Not saved: {}</p>')
            return make_response(message.format(reason), 200)
        message = Markup(
            '<p class="govuk-error-message" role="alert">Not saved: this return has been '
            "submitted. {}</p>"
        ).format(advice)
        return make_response(message, 200)
    if reason:
        title, advice = "This return is locked", reason
    else:
        title = "This return has been submitted"
    page = render_template("errors/error.html", code=409, title=title, advice=advice)
    return make_response(page, 409)
