"""The public survey at /s/<code>.

One question a screen, no login, nothing that says who answered.
"""

from flask import current_app, redirect, render_template, request, url_for
from flask_wtf.csrf import CSRFError

from qa.security import public
from qa.surveys import kinds, screens, visits
from qa.surveys import respond_bp as bp
from qa.surveys.forms import ContactForm
from qa.surveys.models import AGE_BANDS, Survey, SurveySettings, YouSaidWeDid

EXIT_URL = "https://www.bbc.co.uk/weather"


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
        "words_only_scales": kinds.WORDS_ONLY_SCALES,
        "survey_mode": screens.mode_of,
    }


@bp.app_context_processor
def _help_now():
    # The partnership's local help number, read only by the screens that show "If you need help
    # now" (written-answer screens and the thank-you page).
    return {"help_settings": SurveySettings.current}


@bp.errorhandler(CSRFError)
def _session_lost(error):
    # The session (and its form token) was lost, e.g. cookies cleared: start again kindly, never a
    # sign-in page.
    code = (request.view_args or {}).get("code", "")
    link = visits.find_link(code)
    return render_template("surveys/respond/lost.html", link=link), 200


@bp.route("/s/<code>", methods=["GET", "POST"])
@public
def start(code):
    link, refusal = screens.open_link(code)
    if refusal:
        return refusal
    if request.method == "POST":
        form = request.form
        return redirect(screens.begin(link, code, form.get("age_band", ""), form.get("go")), 303)
    carry_on = screens.resume_point(link, code)
    return screens.screen("intro", link, bands=AGE_BANDS, carry_on=carry_on)


@bp.route("/s/<code>/<int:number>", methods=["GET", "POST"])
@public
def question(code, number):
    link, visit, refusal = screens.open_visit(code)
    if refusal:
        return refusal
    questions = visits.questions_of(link.survey)
    if not 1 <= number <= len(questions):
        return redirect(url_for("respond.ready", code=code), 303)
    current, total, go = questions[number - 1], len(questions), request.form.get("go")
    chosen, error = visits.draft_of(visit["key"])[0].get(str(current.id), []), None
    if request.method == "POST":
        error = screens.keep_answer(link, visit, current, go, request.form.getlist("answer"))
        if error is None:
            return redirect(screens.next_screen(link, number, total, go), 303)
    return screens.screen(
        "question", link, question=current, number=number, total=total, chosen=chosen, error=error
    )


@bp.route("/s/<code>/send", methods=["GET", "POST"])
@public
def ready(code):
    link, visit, refusal = screens.open_visit(code, when_done="respond.thanks")
    if refusal:
        return refusal
    if request.method == "POST":
        if not screens.send(link, visit, code):
            return screens.screen("wait", link)
        return redirect(url_for("respond.thanks", code=code), 303)
    questions = visits.questions_of(link.survey)
    answers, _ = visits.draft_of(visit["key"])
    answered = sum(1 for q in questions if answers.get(str(q.id)))
    return screens.screen("ready", link, answered=answered, total=len(questions))


@bp.get("/s/<code>/group")
@public
def group(code):
    """One device shared by a group (opened by the adult with them): after each send, "Next
    person" clears everything the last one did."""
    link, refusal = screens.open_link(code)
    if refusal:
        return refusal
    screens.set_mode(code, "group")
    return redirect(url_for("respond.start", code=code), 303)


@bp.post("/s/<code>/next")
@public
def next_person(code):
    return redirect(screens.next_person(code), 303)


@bp.get("/s/<code>/thanks")
@public
def thanks(code):
    link = visits.find_link(code)
    if link is None:
        return screens.not_found()
    visit = screens.visit_of(code)
    return screens.screen(
        "thanks",
        link,
        has_statements=YouSaidWeDid.published_of(link.survey).exists(),
        contact=ContactForm(formdata=None) if screens.may_leave_contact(link, visit) else None,
        contacted=bool(visit and visit.get("contacted")),
    )


@bp.get("/you-said/<code>")
@public
def you_said(code):
    survey = Survey.get_or_none(Survey.public_code == code)
    if survey is None or survey.status == "draft":
        return screens.not_found()
    statements = list(YouSaidWeDid.published_of(survey))
    return render_template("surveys/respond/you_said.html", survey=survey, statements=statements)


@bp.get("/s/<code>/privacy")
@public
def privacy(code):
    link = visits.find_link(code)
    if link is None:
        return screens.not_found()
    settings = SurveySettings.current()
    return render_template(
        "surveys/respond/privacy.html", link=link, survey=link.survey, settings=settings
    )


@bp.get("/s/<code>/exit")
@public
def quick_exit(code):
    # A plain link, so Quick exit works without JavaScript too; with it, respond.js replaces the
    # page in the history with this address, which leaves at once for the neutral site.
    screens.end_visit()
    return redirect(current_app.config.get("SURVEY_EXIT_URL", EXIT_URL), 303)
