"""The review queue's changes: who the partnership names to review, and telling them of a new flag.

Marking a flag reviewed is qa.surveys.safeguarding.review_flag (who, when, the note, an audit line).
The email about a new flag says only that a flagged answer needs review, with a link: never the
answer, which stays behind the sign-in.
"""

import logging
import smtplib
import threading
from email.message import EmailMessage

from flask_login import current_user

from qa import audit
from qa.db import db
from qa.people.models import User
from qa.surveys import review_queries
from qa.surveys.models import FlagReviewer, SurveySettings

SUBJECT = "A flagged answer needs review"
log = logging.getLogger(__name__)


def set_reviewers(user_ids):
    """Name exactly the people `user_ids` (active, not admins) as reviewers of flagged answers."""
    allowed = dict(review_queries.reviewer_choices())
    chosen = sorted({user_id for user_id in user_ids if user_id in allowed})
    with db.atomic("IMMEDIATE"):
        before = review_queries.reviewer_ids()
        FlagReviewer.delete().execute()
        FlagReviewer.insert_many([{"user": user_id} for user_id in chosen]).execute()
        names = [u.name for u in User.select().where(User.id.in_(chosen)).order_by(User.name)]
        audit.record(
            current_user,
            "changed",
            SurveySettings.current(),
            "Changed who may review flagged survey answers: " + (", ".join(names) or "admins only"),
            {"reviewers": [str(sorted(before)), str(chosen)]},
        )


def message(to, sender, link):
    """The email about a new flag: that one needs review, and where; nothing of the answer."""
    email = EmailMessage()
    email["From"], email["To"], email["Subject"] = sender, to, SUBJECT
    email.set_content(
        f"{SUBJECT}.\n\n"
        "A child or young person's written answer to a survey may mean they are at risk. "
        "Sign in to read it and record what you did, following local safeguarding procedures:\n\n"
        f"{link}\n"
    )
    return email


def deliver(host, messages):
    """Send `messages` through the SMTP server at `host`; a failure is logged, never raised."""
    try:
        with smtplib.SMTP(host, timeout=30) as smtp:
            for email in messages:
                smtp.send_message(email)
    except (OSError, smtplib.SMTPException):
        log.exception("Could not email the reviewers about a flagged answer")


def in_background(action, *args):
    """Run `action` in a thread of its own: a child's send never waits for the mail server."""
    threading.Thread(target=action, args=args, daemon=True).start()


def tell_reviewers(config, link):
    """Email everyone who may review that a flagged answer needs review, where SMTP is set up."""
    if not config.get("SMTP_HOST"):
        return
    sender = config.get("SMTP_FROM", "qa@localhost")
    messages = [message(to, sender, link) for to in review_queries.reviewer_emails()]
    if messages:
        in_background(deliver, config["SMTP_HOST"], messages)
