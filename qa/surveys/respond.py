"""The public survey at /s/<code>.

One question a screen, no login, nothing that says who answered.
"""

from flask import current_app, redirect, render_template, request, session, url_for
from flask_wtf.csrf import CSRFError

from qa.htmx import render
from qa.security import public
from qa.surveys import kinds, visits
from qa.surveys import respond_bp as bp
from qa.surveys.forms import ContactForm
from qa.surveys.models import AGE_BANDS, Survey, YouSaidWeDid

EXIT_URL = "https://www.bbc.co.uk/weather"
SESSION_KEY = "survey_visit"


@bp.after_request
def _no_store(response):
    # Nothing a child answered stays in the browser's cache for the next person on a shared tablet.
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.app_context_processor
def _survey_screen_helpers():
    return {
        "exit_url": current_app.config.get("SURVEY_EXIT_URL", EXIT_URL),
        "faces": kinds.faces,
        "choices": kinds.choices,
        "text_limit": kinds.TEXT_LIMIT,
    }


@bp.errorhandler(CSRFError)
def _session_lost(error):
    # The session (and its form token) was lost, e.g. cookies cleared: start again kindly, never a
    # sign-in page.
    code = (request.view_args or {}).get("code", "")
    link = visits.find_link(code)
    return render_template("surveys/respond/lost.html", link=link), 200


def _link_or_404(code):
    link = visits.find_link(code)
    if link is None:
        return None, (render_template("surveys/respond/not_found.html"), 404)
    reason = visits.why_closed(link)
    if reason:
        return None, (
            render(
                "surveys/respond/closed.html",
                "surveys/respond/_closed.html",
                link=link,
                reason=reason,
            )
        )
    return link, None


def _visit(code):
    visit = session.get(SESSION_KEY)
    return visit if visit and visit.get("code") == code else None


@bp.route("/s/<code>", methods=["GET", "POST"])
@public
def start(code):
    link, refusal = _link_or_404(code)
    if refusal:
        return refusal
    survey = link.survey
    if request.method == "POST":
        # every Start is a new visit: the next child on a shared tablet starts clean
        key = visits.new_visit_key()
        session[SESSION_KEY] = {"code": code, "key": key, "done": False}
        band = request.form.get("age_band", "")
        if survey.age_band == "8-17" and band in ("8-12", "13-17"):
            visits.save_age_band(link, key, band)
        first = (
            url_for("respond.about", code=code)
            if survey.for_staff
            else url_for("respond.question", code=code, number=1)
        )
        return redirect(first, 303)
    return render(
        "surveys/respond/intro.html",
        "surveys/respond/_intro.html",
        link=link,
        survey=survey,
        bands=AGE_BANDS,
    )


@bp.route("/s/<code>/<int:number>", methods=["GET", "POST"])
@public
def question(code, number):
    link, refusal = _link_or_404(code)
    if refusal:
        return refusal
    visit = _visit(code)
    if not visit or visit["done"]:
        return redirect(url_for("respond.start", code=code), 303)
    questions = visits.questions_of(link.survey)
    if not 1 <= number <= len(questions):
        return redirect(url_for("respond.ready", code=code), 303)
    current, error = questions[number - 1], None
    answers, _ = visits.draft_of(visit["key"])
    if request.method == "POST":
        try:
            sent = [] if request.form.get("go") == "skip" else request.form.getlist("answer")
            values = kinds.clean(current.kind, current.option_list, sent)
            visits.save_answer(link, visit["key"], current, values)
            return redirect(_next_url(link, number, len(questions), request.form.get("go")), 303)
        except kinds.AnswerRefused as refused:
            error = str(refused)
    chosen = answers.get(str(current.id), [])
    return render(
        "surveys/respond/question.html",
        "surveys/respond/_question.html",
        link=link,
        survey=link.survey,
        question=current,
        number=number,
        total=len(questions),
        chosen=chosen,
        error=error,
        preview=False,
    )


def _next_url(link, number, total, go):
    code = link.code
    if go == "back":
        if number > 1:
            return url_for("respond.question", code=code, number=number - 1)
        return (
            url_for("respond.about", code=code)
            if link.survey.for_staff
            else url_for("respond.start", code=code)
        )
    return (
        url_for("respond.question", code=code, number=number + 1)
        if number < total
        else url_for("respond.ready", code=code)
    )


@bp.route("/s/<code>/send", methods=["GET", "POST"])
@public
def ready(code):
    link, refusal = _link_or_404(code)
    if refusal:
        return refusal
    visit = _visit(code)
    if not visit:
        return redirect(url_for("respond.start", code=code), 303)
    if visit["done"]:
        return redirect(url_for("respond.thanks", code=code), 303)
    if request.method == "POST":
        # Sending twice (a double tap racing in two workers) finds the same response: never a second
        # one.
        visits.submit(link, visit["key"])
        # Forget the visit key: nothing left on a shared device points at the response just made.
        session[SESSION_KEY] = {"code": code, "done": True}
        return redirect(url_for("respond.thanks", code=code), 303)
    questions = visits.questions_of(link.survey)
    answers, _ = visits.draft_of(visit["key"])
    answered = sum(1 for q in questions if answers.get(str(q.id)))
    return render(
        "surveys/respond/ready.html",
        "surveys/respond/_ready.html",
        link=link,
        survey=link.survey,
        answered=answered,
        total=len(questions),
    )


@bp.get("/s/<code>/thanks")
@public
def thanks(code):
    link = visits.find_link(code)
    if link is None:
        return render_template("surveys/respond/not_found.html"), 404
    survey = link.survey
    has_statements = (
        YouSaidWeDid.select()
        .where((YouSaidWeDid.survey == survey) & YouSaidWeDid.published)
        .exists()
    )
    visit = _visit(code)
    contact = (
        ContactForm(formdata=None)
        if survey.for_staff and visit and visit.get("done") and not visit.get("contacted")
        else None
    )
    return render(
        "surveys/respond/thanks.html",
        "surveys/respond/_thanks.html",
        link=link,
        survey=survey,
        has_statements=has_statements,
        contact=contact,
        contacted=bool(visit and visit.get("contacted")),
    )


@bp.get("/you-said/<code>")
@public
def you_said(code):
    survey = Survey.get_or_none(Survey.public_code == code)
    if survey is None or survey.status == "draft":
        return render_template("surveys/respond/not_found.html"), 404
    statements = survey.statements.where(YouSaidWeDid.published).order_by(YouSaidWeDid.created_at)
    return render_template(
        "surveys/respond/you_said.html", survey=survey, statements=list(statements)
    )
