"""Idle timeout and absolute session lifetime: sign out after a quiet spell (warned before it) or
a set number of hours after signing in, and keep anything being typed."""

from datetime import datetime

from flask import current_app, flash, request, session
from flask_login import current_user, logout_user

from qa.auth import sessions_bp as bp
from qa.auth.login import STARTED
from qa.security import role_required

IDLE = (
    "You were signed out because you had not done anything for a while. "
    "Anything you were typing has been kept."
)
TOO_LONG = (
    "You were signed out because you signed in {hours} hours ago. Sign in again to carry on. "
    "Anything you were typing has been kept."
)


def init_app(app):
    app.before_request(check_idle)


def check_idle():
    if request.endpoint == "static":
        return None  # a stylesheet or icon is not activity, and must not send a session cookie back
    now = datetime.now().timestamp()
    if current_user.is_authenticated:
        seen = session.get("seen", now)
        lifetime = current_app.config["ABSOLUTE_SESSION_LIFETIME"]
        if now - seen > current_app.config["IDLE_TIMEOUT"].total_seconds():
            return end_session(IDLE)
        # a session from before the lifetime was recorded counts from now
        if now - session.setdefault(STARTED, now) > lifetime.total_seconds():
            return end_session(TOO_LONG.format(hours=round(lifetime.total_seconds() / 3600)))
        session["seen"] = now
    elif "seen" in session:
        # a visitor who is not signed in (a child on a survey) gets no new cookie on every screen
        session.pop("seen")
    return None


def end_session(message):
    """Sign out here (the request goes on as anyone signed out: a form it posts is kept for
    whoever signed in here, see qa.auth.login.keep_form)."""
    logout_user()
    session.pop("seen", None)
    session.pop(STARTED, None)
    flash(message, "info")


@bp.post("/session/keepalive")
@role_required()
def keepalive():
    # check_idle has already refreshed the timestamp; nothing else to do.
    return "", 204
