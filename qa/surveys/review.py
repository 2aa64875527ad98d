"""The review queue's changes: who the partnership names to review, and telling them of a new flag.

Marking a flag reviewed is qa.surveys.safeguarding.review_flag (who, when, the note, an audit line).
The email about a new flag says only that a flagged answer needs review, with a link: never the
answer, which stays behind the sign-in.
"""

import logging
import threading

from flask_login import current_user

from qa import audit, mail
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


BODY = (
    f"{SUBJECT}.\n\n"
    "A child or young person's written answer to a survey may mean they are at risk. "
    "Sign in to read it and record what you did, following local safeguarding procedures:\n\n"
    "{link}\n"
)


def deliver(config, messages):
    """Send `messages` by the SMTP settings (qa.mail); a failure is logged, never raised."""
    try:
        mail.send_all(config, messages, echo=lambda line: None)
    except mail.MailError:
        log.exception("Could not email the reviewers about a flagged answer")


def in_background(action, *args):
    """Run `action` in a thread of its own: a child's send never waits for the mail server."""
    threading.Thread(target=action, args=args, daemon=True).start()


def tell_reviewers(config, link):
    """Email everyone who may review that a flagged answer needs review, where SMTP is set up."""
    if not mail.configured(config):
        return
    body = BODY.replace("{link}", link)
    messages = [mail.message(config, to, SUBJECT, body) for to in review_queries.reviewer_emails()]
    if messages:
        in_background(deliver, dict(config), messages)
