"""flask-login set-up, checking a password, starting and ending a session.

And keeping (for its owner only) a form posted after a session or its token ended.
"""

import json
import logging
import secrets
from datetime import datetime
from urllib.parse import urlsplit

from flask import current_app, jsonify, redirect, request, session, url_for
from flask_login import LoginManager, current_user, login_user, logout_user

from qa import audit
from qa.auth.models import KeptForm
from qa.db import db
from qa.htmx import wants_fragment
from qa.security import (
    access_of,
    login_keys,
    note_failed_attempt,
    password_matches,
    too_many_attempts,
)

log = logging.getLogger("qa.auth")

# What the session holds about kept forms. A kept form is only ever shown to its owner, and only in
# the browser it was kept in (its token lives nowhere else).
OFFERED = "kept_form"  # the one the person signed in now may send again at /resume
# {owner id, or "" when unknown: token}: kept while signed out, for that person's next sign-in here
WAITING = "kept_forms"
# who signed in here last: still known after an idle timeout, a session ended elsewhere, or
# signing out
LAST = "last_signed_in"
STARTED = "signed_in_at"  # when (a timestamp): the session ends ABSOLUTE_SESSION_LIFETIME after it

login_manager = LoginManager()
login_manager.session_protection = "basic"
login_manager.login_view = "auth.login"
login_manager.login_message = "Sign in to continue"
login_manager.login_message_category = "info"


def init_app(app):
    login_manager.init_app(app)


@login_manager.user_loader
def load_user(token):
    from qa.people.models import User

    return User.get_or_none((User.session_token == token) & (User.active == True))  # noqa: E712


class Throttled(Exception):
    """Too many failed sign-ins lately for this account or from this address."""


def check_password(email, password):
    """The active person with this email address and password, or None (a failed attempt, noted).

    Raises Throttled, and records the refusal, once there have been too many failed attempts for
    the account or from the address.
    """
    from qa.people.models import User

    email = email.strip().lower()
    keys = login_keys(email)
    if too_many_attempts(keys):
        log.warning("Sign-in throttled for %s from %s", email, request.remote_addr)
        audit.record(
            None,
            "sign-in refused",
            None,
            f"Too many failed attempts for {email} or {request.remote_addr}",
            object_type="User",
        )
        raise Throttled()
    user = User.get_or_none(User.email == email)
    if user and user.active and password_matches(user.password_hash, password):
        return user
    note_failed_attempt(keys)
    return None


def keep_form():
    """Keep what was posted so it can be sent again after signing in; returns the resume URL, or
    None when it is not kept.

    It belongs to the person signed in or, signed out, to whoever signed in here last (after an
    idle timeout, or a session ended elsewhere). A post from a browser whose session never
    identified anyone (the cookie gone, or never there) is not kept: no one could be sure it was
    theirs, and planted, it could be sent by the next person to sign in with their rights. Signed
    in, it is offered at once; signed out, it waits in this browser for its owner's next sign-in
    (see sign_in). Not kept either: a public page's form (the sign-in form and its password, a
    survey's anonymous answers: there is no one to give it back to), a post from another site
    (kept, it would let that site choose what "Save my changes" sends), and any field named like a
    password (never stored).
    """
    owner = current_user.id if current_user.is_authenticated else session.get(LAST)
    if (
        owner is None
        or access_of(current_app.view_functions.get(request.endpoint)) == ("public",)
        or not posted_here()
        or not request.form
    ):
        return None
    fields = [
        [k, v]
        for k, v in request.form.items(multi=True)
        if k != "csrf_token" and "password" not in k
    ]
    if not fields:
        return None
    token = secrets.token_urlsafe(24)
    with db.atomic("IMMEDIATE"):
        KeptForm.create(
            token=token, owner=owner, path=request.full_path.rstrip("?"), fields=json.dumps(fields)
        )
    if current_user.is_authenticated:
        session[OFFERED] = token
    else:
        session[WAITING] = {**session.get(WAITING, {}), str(owner): token}
    return url_for("auth.resume")


def posted_here():
    """Whether the post came from this site's own page, as the browser reports it
    (Sec-Fetch-Site; Origin in older browsers)."""
    site = request.headers.get("Sec-Fetch-Site")
    if site is not None:
        return site in ("same-origin", "none")
    origin = request.headers.get("Origin")
    return origin is None or urlsplit(origin).netloc == request.host


def sign_in(user):
    """Start a fresh session for `user` (nothing planted before survives), recorded in the audit
    trail; returns whether a form kept here is theirs to send again.

    Forms kept here for other people stay waiting for them and are never shown to this one; a form
    with no owner is never offered to anyone.
    """
    waiting = {owner: token for owner, token in session.get(WAITING, {}).items() if owner.isdigit()}
    mine = waiting.pop(str(user.id), None)
    session.clear()
    login_user(user)
    session[LAST] = user.id
    session[STARTED] = datetime.now().timestamp()
    if waiting:
        session[WAITING] = waiting
    if mine:
        session[OFFERED] = mine
    audit.record(user, "signed in", user, "Signed in")
    return mine is not None


def sign_out():
    """End the session; the forms kept here for other people, and who signed in last, stay for
    the next sign-in."""
    keep = {key: session[key] for key in (WAITING, LAST) if key in session}
    logout_user()
    session.clear()
    session.update(keep)


def offered_form(user):
    """The kept form `user` may see and send again here, or None: only ever one of their own."""
    token = session.get(OFFERED, "")
    return KeptForm.get_or_none((KeptForm.token == token) & (KeptForm.owner == user.id))


@login_manager.unauthorized_handler
def unauthorized():
    next_url = request.full_path.rstrip("?") if request.method == "GET" else None
    if request.method == "POST":
        next_url = keep_form()
    if request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json":
        return jsonify(error="Sign in to continue"), 401
    return navigate(url_for("auth.login", next=next_url) if next_url else url_for("auth.login"))


def navigate(url):
    """Send the whole page to `url`: a redirect, or for htmx an HX-Redirect (a plain redirect
    would be swapped into the small box it targets)."""
    response = redirect(url)
    if wants_fragment():
        response.status_code = 200
        response.headers["HX-Redirect"] = url
    return response
