"""Idle timeout: sign out after a quiet spell, warn before it, and keep anything being typed."""

from datetime import datetime

from flask import current_app, flash, request, session
from flask_login import current_user, logout_user

from qa.auth import sessions_bp as bp
from qa.security import role_required


def init_app(app):
    app.before_request(check_idle)


def check_idle():
    if request.endpoint == "static":
        return None  # a stylesheet or icon is not activity, and must not send a session cookie back
    now = datetime.now().timestamp()
    if current_user.is_authenticated:
        seen = session.get("seen", now)
        if now - seen > current_app.config["IDLE_TIMEOUT"].total_seconds():
            logout_user()
            session.pop("seen", None)
            flash(
                "You were signed out because you had not done anything for a while. "
                "Anything you were typing has been kept.",
                "info",
            )
            return None
        session["seen"] = now
    elif "seen" in session:
        # a visitor who is not signed in (a child on a survey) gets no new cookie on every screen
        session.pop("seen")
    return None


@bp.post("/session/keepalive")
@role_required()
def keepalive():
    # check_idle has already refreshed the timestamp; nothing else to do.
    return "", 204
