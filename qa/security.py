"""Who may do what: @role_required and @public, refusals recorded as "denied", password rules.

Throttling, response headers.
"""

import logging
from datetime import datetime
from functools import wraps
from pathlib import Path
from types import SimpleNamespace

from flask import abort, current_app, request
from flask_login import current_user
from peewee import OperationalError
from werkzeug.security import check_password_hash, generate_password_hash

ANY_SIGNED_IN = ("admin", "reviewer", "agency_lead")
MIN_PASSWORD_LENGTH = 12
_COMMON = None
log = logging.getLogger("qa.security")


def role_required(*roles):
    """Only signed-in people with one of `roles` may call the view; others are sent to sign in or
    get 403."""
    roles = roles or ANY_SIGNED_IN

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return current_app.login_manager.unauthorized()
            if current_user.role not in roles:
                deny_page()
            return view(*args, **kwargs)

        wrapped.access = tuple(roles)
        return wrapped

    return decorator


def public(view):
    """Mark a view as open to anyone (sign in page, survey links, health check)."""
    view.access = ("public",)
    return view


def access_of(view):
    return getattr(view, "access", None)


# Refusals ------------------------------------------------------------------------------------


def deny(kind, object_id, whose, status=404):
    """Refuse a signed-in person a record that is not theirs, recorded where admins can see it; 404
    answers as if it did not exist."""
    _record_denial(f"{kind} {object_id} of {whose}", kind, object_id)
    abort(status)


def subgroup_only():
    """Refuse (403, recorded) anyone who is not on the QA sub-group (see User.on_subgroup)."""
    if not current_user.on_subgroup:
        deny_page()


def deny_page():
    """Refuse a signed-in person a page that is not for their role (403), recorded like any other
    refusal."""
    _record_denial(f"{request.method} {request.path}", "Page", None)
    abort(403)


def _record_denial(what, kind, object_id):
    from qa import audit
    from qa.db import db

    summary = f"{current_user.name} ({current_user.role_label}) asked for {what}"
    try:
        # one short write of its own, even when the refused request was a GET
        with db.atomic("IMMEDIATE"):
            audit.record(
                current_user, "denied", SimpleNamespace(id=object_id), summary, object_type=kind
            )
    # the database too busy to write: the refusal stands, and the log keeps it
    except OperationalError:
        log.warning("Could not record a denial: %s", summary)


# Passwords -----------------------------------------------------------------------------------


def _common_passwords():
    global _COMMON
    if _COMMON is None:
        path = Path(__file__).with_name("common_passwords.txt")
        _COMMON = {line.strip().lower() for line in path.read_text().splitlines() if line.strip()}
    return _COMMON


def password_problem(password: str, email: str = "", name: str = ""):
    """Why this password is not good enough, in plain words; None when it is fine."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"Password must be at least {MIN_PASSWORD_LENGTH} characters"
    if len(password) > 200:
        return "Password must be 200 characters or fewer"
    lowered = password.lower()
    if lowered in _common_passwords() or len(set(lowered)) < 4:
        return "That password is too common. Try three random words together"
    if email and lowered == email.lower() or email and lowered == email.split("@")[0].lower():
        return "Password must not be your email address"
    return None


def hash_password(password: str) -> str:
    return generate_password_hash(password, method="scrypt")


def password_matches(password_hash: str, password: str) -> bool:
    return bool(password_hash) and check_password_hash(password_hash, password)


# Throttling ----------------------------------------------------------------------------------


def login_keys(email: str):
    return [f"account:{email.strip().lower()}", f"address:{request.remote_addr}"]


def too_many_attempts(keys) -> bool:
    from qa.auth.models import LoginAttempt

    window_start = datetime.now() - current_app.config["LOGIN_WINDOW"]
    allowed = current_app.config["LOGIN_ATTEMPTS_ALLOWED"]
    for key in keys:
        count = (
            LoginAttempt.select()
            .where((LoginAttempt.key == key) & (LoginAttempt.at >= window_start))
            .count()
        )
        if count >= allowed:
            return True
    return False


def note_failed_attempt(keys):
    from qa.auth.models import LoginAttempt
    from qa.db import db

    with db.atomic("IMMEDIATE"):
        LoginAttempt.insert_many([{"key": key} for key in keys]).execute()


# Headers -------------------------------------------------------------------------------------

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


def set_security_headers(response):
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
    if current_app.config.get("HTTPS"):
        response.headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
    if current_user.is_authenticated or request.endpoint in ("auth.login",):
        response.headers["Cache-Control"] = "no-store"
    return response
