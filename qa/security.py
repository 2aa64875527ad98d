"""Who may do what: @role_required and @public, refusals recorded as "denied", password rules.

Throttling, response headers.
"""

import logging
import secrets
from datetime import datetime, timedelta
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


# One "denied" line per person per kind of record (or "Page") per minute, counting the refusals
DENIALS_COALESCE = timedelta(minutes=1)


def _record_denial(what, kind, object_id):
    from qa import audit
    from qa.audit import AuditEvent
    from qa.db import db

    summary = f"{current_user.name} ({current_user.role_label}) asked for {what}"
    log.info("Denied: %s", summary)  # every refusal, even those counted on an earlier line
    try:
        # one short write of its own, even when the refused request was a GET: a flood of
        # refusals adds to the count of one line a minute instead of writing a line each
        with db.atomic("IMMEDIATE"):
            added = (
                AuditEvent.update(times=AuditEvent.times + 1)
                .where(AuditEvent.id == _denial_line(kind))
                .execute()
            )
            if not added:
                audit.record(
                    current_user, "denied", SimpleNamespace(id=object_id), summary, object_type=kind
                )
    # the database too busy to write: the refusal stands, and the log keeps it
    except OperationalError:
        log.warning("Could not record a denial: %s", summary)


def _denial_line(kind):
    """The id of this person's "denied" line for this kind of record begun in the last minute."""
    from qa.audit import AuditEvent

    return (
        AuditEvent.select(AuditEvent.id)
        .where(
            (AuditEvent.user == current_user.id)
            & (AuditEvent.verb == "denied")
            & (AuditEvent.object_type == kind)
            & (AuditEvent.at >= datetime.now() - DENIALS_COALESCE)
        )
        .order_by(AuditEvent.id.desc())
        .limit(1)
    )


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
    """The throttle's keys for a sign-in: the account, then the client's address (as ProxyFix
    gives it when QA_PROXY_COUNT trusts a proxy; else the connection's own)."""
    return [f"account:{email.strip().lower()}", f"address:{request.remote_addr}"]


def _recent_attempts(key, window_start):
    from qa.auth.models import LoginAttempt

    return (
        LoginAttempt.select()
        .where((LoginAttempt.key == key) & (LoginAttempt.at >= window_start))
        .count()
    )


def too_many_attempts(keys) -> bool:
    """Whether a sign-in is refused before its password is checked: its account (known or not,
    so refusals tell nothing of which exist) has had LOGIN_ATTEMPTS_ALLOWED failures lately, from
    anywhere."""
    window_start = datetime.now() - current_app.config["LOGIN_WINDOW"]
    return _recent_attempts(keys[0], window_start) >= current_app.config["LOGIN_ATTEMPTS_ALLOWED"]


def address_throttled(keys) -> bool:
    """Whether the address has had LOGIN_ATTEMPTS_PER_ADDRESS failed sign-ins lately, on any
    accounts. Its failures are then refused, but a right password still signs in: a colleague in
    the same office is not locked out by someone else's typing."""
    window_start = datetime.now() - current_app.config["LOGIN_WINDOW"]
    allowed = current_app.config["LOGIN_ATTEMPTS_PER_ADDRESS"]
    return _recent_attempts(keys[1], window_start) >= allowed


def note_failed_attempt(keys):
    """Count an attempt against each key; the ids, so a sign-in that succeeds can take it back."""
    from qa.auth.models import LoginAttempt

    return [LoginAttempt.insert(key=key).execute() for key in keys]


def claim_attempt(keys):
    """Check the throttle and count this attempt in one write transaction, before any password is
    checked: concurrent guesses queue here, so no more than the limit ever reach the check.

    None when the account is throttled; else the attempt's row ids (see `forget_attempt`) and
    whether the address is throttled (a failure from it is then refused).
    """
    from qa.db import db

    with db.atomic("IMMEDIATE"):
        if too_many_attempts(keys):
            return None
        busy = address_throttled(keys)
        return note_failed_attempt(keys), busy


def forget_attempt(ids):
    """A sign-in that succeeded is not a failed attempt: take its rows back."""
    from qa.auth.models import LoginAttempt
    from qa.db import db

    with db.atomic("IMMEDIATE"):
        LoginAttempt.delete().where(LoginAttempt.id.in_(ids)).execute()


def forget_account_attempts(email):
    """An account's failed sign-ins, forgotten (its password was reset): it is no longer refused.
    Runs inside the caller's transaction."""
    from qa.auth.models import LoginAttempt

    LoginAttempt.delete().where(LoginAttempt.key == f"account:{email.strip().lower()}").execute()


_DUMMY_HASH = None


def dummy_password_check(password: str) -> bool:
    """Check `password` against a hash of nothing, made as `hash_password` makes them: an unknown
    account takes as long to refuse as a wrong password (no telling which emails exist)."""
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        _DUMMY_HASH = hash_password(secrets.token_urlsafe(16))
    password_matches(_DUMMY_HASH, password)
    return False


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
