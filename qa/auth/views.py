"""Sign in, sign out, and resending a form that was kept when a session ended."""

import json
from urllib.parse import urlsplit

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from qa import audit
from qa.auth import bp
from qa.auth.forms import LoginForm
from qa.auth.login import AccountEnded, Throttled, check_password, offered_form, sign_in, sign_out
from qa.security import public, role_required


def safe_next(target):
    """Only ever return to a page of this site, by an address with no control characters (a CR or
    LF would break the Location header)."""
    if not target or any(ord(c) < 32 or ord(c) == 127 for c in target):
        return None
    parts = urlsplit(target)
    if (
        parts.scheme
        or parts.netloc
        or not target.startswith("/")
        or target.startswith("//")
        or "\\" in target
    ):
        return None
    return target


def _onward():
    """Where to go once signed in: the page asked for (on this site), else home."""
    return safe_next(request.args.get("next")) or url_for("main.home")


@bp.route("/sign-in", methods=["GET", "POST"])
@public
def login():
    if current_user.is_authenticated and request.method == "GET":
        return redirect(_onward())
    form, problem = LoginForm(), None
    if form.validate_on_submit():
        try:
            user = check_password(form.email.data, form.password.data)
        except Throttled:
            return render_template("auth/login.html", form=form, throttled=True), 429
        except AccountEnded as why:
            return render_template("auth/login.html", form=form, problem=str(why), throttled=False)
        if user:
            # a form kept when the last session ended is offered first
            return redirect(url_for("auth.resume") if sign_in(user) else _onward())
        problem = "Enter a correct email address and password"
    return render_template("auth/login.html", form=form, problem=problem, throttled=False)


@bp.post("/sign-out")
@role_required()
def logout():
    user = current_user._get_current_object()
    user.end_sessions()
    audit.record(user, "signed out", user, "Signed out")
    sign_out()
    flash("You have signed out", "success")
    return redirect(url_for("auth.login"))


@bp.get("/resume")
@role_required()
def resume():
    """Show what was kept, ready to send again with a fresh token; someone with nothing kept
    (here, for them) goes home."""
    kept = offered_form(current_user)
    if kept is None:
        return redirect(url_for("main.home"))
    fields = json.loads(kept.fields)
    return render_template("auth/resume.html", kept=kept, fields=fields, shown=readable(fields))


# How a kept form's fields read back to the person who typed them: plain names, ratings in words.
LABELS = {
    "rag": "Rating",
    "agreed_rag": "Agreed rating",
    "evidence_seen": "Evidence seen",
    "questions_asked": "Questions asked",
    "development": "Areas for development",
    # what the form sends besides what was typed
    "version": "Version of the record when you opened it",
    "_validate": "Only check the field",
    "go": "Button pressed",
}
RAG_WORDS = {"R": "Red", "A": "Amber", "G": "Green"}


def readable(fields):
    """[(label, value)] of every field that will be sent, in the order sent, so the person can
    check all of it before sending: the words they typed and what the page adds (the version, the
    text each field had when the page was opened)."""
    shown = []
    for name, value in fields:
        base = name.startswith("base-")
        field = name.removeprefix("base-")
        label = LABELS.get(field, field.replace("_", " ").replace("-", " ").capitalize())
        if base:
            label = f"{label} when you opened the page"
        shown.append((label, RAG_WORDS.get(value, value) if field.endswith("rag") else value))
    return shown
