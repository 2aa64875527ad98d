"""flask-login set-up, checking a password, starting and ending a session.

And keeping (for its owner only) a form posted after a session or its token ended.
"""

import hashlib
import hmac
import json
import logging
import secrets
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit

from flask import current_app, jsonify, redirect, request, session, url_for
from flask_login import LoginManager, current_user, login_user, logout_user
from werkzeug.exceptions import RequestEntityTooLarge

from qa import audit
from qa.auth.models import KeptForm, LoginAttempt
from qa.capability import sign_in_refusal
from qa.db import db
from qa.htmx import wants_fragment
from qa.security import (
    access_of,
    claim_attempt,
    dummy_password_check,
    forget_attempt,
    login_keys,
    password_matches,
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
# a random id for this browser, kept across sign-ins, so only a few forms are kept per browser
BROWSER = "browser"
STARTED = "signed_in_at"  # when (a timestamp): the session ends ABSOLUTE_SESSION_LIFETIME after it
# the day (ISO) the capabilities' sign-in checks last let this session's person in: asked again
# on a session's first request of each new day, so an account that ends is ended mid-session too
CHECKED = "checked_on"

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

    user = User.get_or_none((User.session_token == token) & (User.active == True))
    today = date.today()
    if user is not None and session.get(CHECKED) != today.isoformat():
        if sign_in_refusal(user, today):
            return None  # signed out: signing in again says why
        session[CHECKED] = today.isoformat()
    return user


class Throttled(Exception):
    """Too many failed sign-ins lately for this account or from this address."""


class AccountEnded(Exception):
    """The password was right, but the account may not sign in now (a capability's
    `sign_in_checks` says why, in words for the person)."""


def check_password(email, password):
    """The active person with this email address and password, or None (a failed attempt, noted).

    Raises Throttled, and records the refusal, once there have been too many failed attempts for
    the account (whatever the address), or when this attempt fails from an address with too many
    failures lately (a right password still signs in from it). Every attempt is counted before
    any password is checked, and an unknown account is checked against a dummy hash, so it takes
    as long as a wrong password.
    """
    from qa.people.models import User

    email = email.strip().lower()
    keys = login_keys(email)
    claimed = claim_attempt(keys)
    if claimed is None:
        _refuse(email, f"Too many failed attempts for {email}")
    ids, address_busy = claimed
    user = User.get_or_none(User.email == email)
    if user and user.active:
        if password_matches(user.password_hash, password):
            forget_attempt(ids)
            why = sign_in_refusal(user, date.today())
            if why:
                audit.record(None, "sign-in refused", user, f"{email}: {why}")
                raise AccountEnded(why)
            return user
    else:
        dummy_password_check(password)
    if address_busy:
        _refuse(email, f"Too many failed attempts from {request.remote_addr}; {email} refused")
    return None


def _refuse(email, summary):
    log.warning("Sign-in throttled for %s from %s", email, request.remote_addr)
    audit.record(None, "sign-in refused", None, summary, object_type="User")
    raise Throttled()


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
    password (never stored). Nor, so kept forms cannot fill the disk, one over KEPT_FORM_BYTES of
    fields, or past KEPT_FORMS_PER_BROWSER for this browser or KEPT_FORMS_PER_ADDRESS for this
    client address in KEPT_FORM_LIFETIME (a form replacing one kept here before deletes it); kept
    forms are purged after KEPT_FORM_LIFETIME.
    """
    owner = current_user.id if current_user.is_authenticated else session.get(LAST)
    if (
        owner is None
        or access_of(current_app.view_functions.get(request.endpoint)) == ("public",)
        or not posted_here()
    ):
        return None
    fields = posted_fields()
    if not fields:
        return None
    token = secrets.token_urlsafe(24)
    browser = session.setdefault(BROWSER, secrets.token_urlsafe(16))
    # the form it replaces here can no longer be offered: it goes
    replaced = session.get(OFFERED) if current_user.is_authenticated else None
    replaced = replaced or session.get(WAITING, {}).get(str(owner)) or ""
    with db.atomic("IMMEDIATE"):
        if too_many_kept(browser, address_key(), besides=replaced):
            return None
        KeptForm.delete().where(KeptForm.token == replaced, KeptForm.owner == owner).execute()
        KeptForm.create(
            token=token,
            owner=owner,
            path=request.full_path.rstrip("?"),
            fields=json.dumps(fields),
            browser=browser,
            address=address_key(),
        )
    if current_user.is_authenticated:
        session[OFFERED] = token
    else:
        session[WAITING] = {**session.get(WAITING, {}), str(owner): token}
    return url_for("auth.resume")


def posted_fields():
    """[[name, value]] of what was posted, to keep: no token, nothing named like a password; None
    when there is nothing, when the body was over the server's limit (never read), or when the
    fields are over KEPT_FORM_BYTES."""
    try:
        form = request.form
    except RequestEntityTooLarge:
        return None
    fields = [
        [k, v] for k, v in form.items(multi=True) if k != "csrf_token" and "password" not in k
    ]
    size = sum(len(k.encode()) + len(v.encode()) for k, v in fields)
    return fields if size <= current_app.config["KEPT_FORM_BYTES"] else None


def address_key():
    """The client's address as a keyed hash: enough to count by, never the address."""
    key = current_app.config["SECRET_KEY"].encode()
    digest = hmac.new(key, f"kept-form:{request.remote_addr}".encode(), hashlib.sha256)
    return digest.hexdigest()[:32]


def too_many_kept(browser, address, besides=""):
    """Whether this browser (KEPT_FORMS_PER_BROWSER) or this address (KEPT_FORMS_PER_ADDRESS) has
    as many forms kept within the last KEPT_FORM_LIFETIME as it may, not counting `besides` (the
    form a new one replaces)."""
    config = current_app.config
    live = KeptForm.select().where(
        KeptForm.at > datetime.now() - config["KEPT_FORM_LIFETIME"], KeptForm.token != besides
    )
    return (
        live.where(KeptForm.browser == browser).count() >= config["KEPT_FORMS_PER_BROWSER"]
        or live.where(KeptForm.address == address).count() >= config["KEPT_FORMS_PER_ADDRESS"]
    )


def purge_kept_forms():
    """Delete the kept forms older than KEPT_FORM_LIFETIME and failed sign-ins older than a day
    (the auth part of `flask purge`); says how many went."""
    lifetime = current_app.config["KEPT_FORM_LIFETIME"]
    with db.atomic("IMMEDIATE"):
        deleted = KeptForm.delete().where(KeptForm.at <= datetime.now() - lifetime).execute()
        # failed sign-ins (the account and the client's address) count only for LOGIN_WINDOW
        attempts = (
            LoginAttempt.delete().where(LoginAttempt.at <= datetime.now() - timedelta(days=1))
        ).execute()
    return (
        f"Deleted {deleted} kept forms older than {_hours(lifetime)}. Deleted {attempts} records "
        "of failed sign-ins older than a day."
    )


def _hours(span):
    hours = round(span.total_seconds() / 3600)
    return "a day" if hours == 24 else f"{hours} hours"


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
    browser = session.get(BROWSER) or secrets.token_urlsafe(16)
    session.clear()
    session[BROWSER] = browser
    login_user(user)
    session[LAST] = user.id
    session[STARTED] = datetime.now().timestamp()
    session[CHECKED] = date.today().isoformat()  # check_password has just asked
    if waiting:
        session[WAITING] = waiting
    if mine:
        session[OFFERED] = mine
    audit.record(user, "signed in", user, "Signed in")
    return mine is not None


def sign_out():
    """End the session; the forms kept here for other people, and who signed in last, stay for
    the next sign-in."""
    keep = {key: session[key] for key in (WAITING, LAST, BROWSER) if key in session}
    logout_user()
    session.clear()
    session.update(keep)


def offered_form(user):
    """The kept form `user` may see and send again here, or None: only ever one of their own, and
    only within KEPT_FORM_LIFETIME of its keeping."""
    token = session.get(OFFERED, "")
    return KeptForm.get_or_none(
        (KeptForm.token == token)
        & (KeptForm.owner == user.id)
        & (KeptForm.at > datetime.now() - current_app.config["KEPT_FORM_LIFETIME"])
    )


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
