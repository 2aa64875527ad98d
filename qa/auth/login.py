"""flask-login set-up, and what happens when someone who is not signed in asks for a page."""
import json
import secrets

from flask import jsonify, redirect, request, session, url_for
from flask_login import LoginManager

from qa.auth.models import KeptForm
from qa.db import db
from qa.htmx import wants_fragment

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


def keep_form():
    """Keep what was posted so it can be sent again after signing in; returns the resume URL."""
    fields = [[k, v] for k, v in request.form.items(multi=True) if k != "csrf_token"]
    token = secrets.token_urlsafe(24)
    with db.atomic("IMMEDIATE"):
        KeptForm.create(token=token, path=request.full_path.rstrip("?"), fields=json.dumps(fields))
    session["kept_form"] = token
    return url_for("auth.resume")


@login_manager.unauthorized_handler
def unauthorized():
    next_url = request.full_path.rstrip("?") if request.method == "GET" else None
    if request.method == "POST" and request.form:
        next_url = keep_form()
    if request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json":
        return jsonify(error="Sign in to continue"), 401
    return navigate(url_for("auth.login", next=next_url) if next_url else url_for("auth.login"))


def navigate(url):
    """Send the whole page to `url`: a redirect, or for htmx an HX-Redirect (a plain redirect would be swapped into the small box it targets)."""
    response = redirect(url)
    if wants_fragment():
        response.status_code = 200
        response.headers["HX-Redirect"] = url
    return response
