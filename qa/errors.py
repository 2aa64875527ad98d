"""Friendly error pages in the house style; no stack trace ever reaches a user."""

import logging

from flask import current_app, flash, g, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf.csrf import CSRFError, validate_csrf
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge
from wtforms import ValidationError

log = logging.getLogger("qa")

MESSAGES = {
    400: (
        "Something was wrong with that request",
        "Go back, check what you entered and try again.",
    ),
    401: ("Sign in to continue", "You need to sign in to see this page."),
    403: (
        "You do not have access to this page",
        "If you think you should, ask your partnership's QA officer.",
    ),
    404: (
        "Page not found",
        "If you typed the web address, check it is correct. If you followed a link, it may be "
        "out of date.",
    ),
    405: ("That action is not available here", "Go back and try again."),
    413: ("That file is too large", "Choose a smaller file and try again."),
    429: ("Too many attempts", "Wait a few minutes, then try again."),
    500: (
        "Sorry, there is a problem with the service",
        "Try again later. Nothing you saved has been lost.",
    ),
}


def error_page(code, detail=None):
    title, advice = MESSAGES.get(code, MESSAGES[500])
    try:
        return render_template(
            "errors/error.html", code=code, title=title, advice=detail or advice
        ), code
    # the page itself failed (e.g. the database is down): plain words, still no trace
    except Exception:
        log.exception("Error page %s failed to render", code)
        return (
            "<!DOCTYPE html><html "
            f"lang=en-GB><title>{title}</title><h1>{title}</h1><p>{advice}</p></html>",
            code,
        )


def csrf_refused():
    """The answer to a post whose CSRF token is missing or dead."""
    # The session (and so its token) ended while a form was open: keep the form, then resend it.
    from qa.auth.login import keep_form, navigate, posted_here
    from qa.security import access_of

    resume = keep_form()
    if resume:
        return navigate(
            resume if current_user.is_authenticated else url_for("auth.login", next=resume)
        )
    # a sign-in page left open: a fresh one (or on, if signed in meanwhile)
    if request.endpoint == "auth.login":
        if not current_user.is_authenticated:
            flash("That sign-in page had been open too long. Sign in again.", "info")
        return redirect(url_for("auth.login", next=request.args.get("next")))
    # signed out in a browser that no longer knows who was signed in: nothing could be kept
    view = current_app.view_functions.get(request.endpoint)
    if (
        view is not None
        and access_of(view) != ("public",)
        and not current_user.is_authenticated
        and posted_here()
    ):
        flash(LOST, "info")
        return navigate(url_for("auth.login"))
    return error_page(400, "Your session had ended. Go back, reload the page and try again.")


LOST = (
    "Your session had ended before that was sent, so it could not be kept. "
    "Sign in, then enter it again."
)


def init_app(app):
    @app.errorhandler(CSRFError)
    def _csrf(error):
        return csrf_refused()

    @app.errorhandler(RequestEntityTooLarge)
    def _too_large(error):
        # A route that takes a file answers for itself (its access checks run as usual), finding the
        # file refused:
        # the message then sits beside the field on its own page. The body was never read; nothing
        # may read it now.
        view = current_app.view_functions.get(request.endpoint)
        if (
            not getattr(view, "takes_upload", False)
            or not current_user.is_authenticated
            or g.get("too_large")
        ):
            return error_page(413)
        g.too_large = True
        # the usual CSRF check never ran (it would have read the body): it runs here, explicitly
        if current_app.config.get("WTF_CSRF_ENABLED", True):
            from qa.documents import upload_token

            try:
                validate_csrf(upload_token())
            except ValidationError as refused:
                log.info("Upload over the limit refused: %s", refused)
                return csrf_refused()
        try:
            return view(**request.view_args)
        # e.g. another agency's record: the usual 404 (already recorded)
        except HTTPException as refused:
            return current_app.handle_http_exception(refused)

    @app.errorhandler(HTTPException)
    def _http(error):
        if error.code in (301, 302, 303, 307, 308):
            return error
        return error_page(error.code if error.code in MESSAGES else 400)

    @app.errorhandler(Exception)
    def _unexpected(error):
        log.exception("Unhandled error on %s %s", request.method, request.path)
        return error_page(500)
