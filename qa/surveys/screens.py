"""What every screen of a visit to /s/<code> shares.

The link, or the kind page that turns the visitor away; the visit, kept in the visitor's session
as a random key (never who they are); and the steps of a visit: start, answer, send, leave a
contact. The statements themselves are in visits.py, written once for the hot path.
"""

from flask import current_app, redirect, render_template, request, session, url_for

from qa.htmx import render, wants_fragment
from qa.surveys import (
    bursts,
    contact,
    easy_read,
    kinds,
    limits,
    review,
    staff,
    translations,
    visits,
)

SESSION_KEY = "survey_visit"
# a browser where staff type in paper forms, or one device shared by a group: {code: "paper" or
# "group"}; kept across visits, each of which still starts clean
MODE_KEY = "survey_mode"


def screen(name, link, **context):
    """The screen `name` of the survey behind `link`: the page, or for htmx its fragment.

    A real visit, not the builder's preview (which shows the same fragments with links).
    """
    response = render(
        f"surveys/respond/{name}.html",
        f"surveys/respond/_{name}.html",
        link=link,
        survey=link.survey,
        preview=False,
        **context,
    )
    if request.method == "GET" and wants_fragment():
        # Each screen htmx brings in (after a Next, a Back or Start) gets its own address in the
        # history, so the phone's Back button goes to the screen before: with no cached copy of
        # the page (historyCacheSize 0), the browser loads that screen again from here.
        response.headers["HX-Push-Url"] = request.path
    return response


def not_found():
    """The page for a code that is not a survey's: the same whether it never was or is gone."""
    return render_template("surveys/respond/not_found.html"), 404


def open_link(code):
    """(link, None) when the link takes answers, else (None, the page to show instead)."""
    link = visits.find_link(code)
    if link is None:
        return None, not_found()
    reason = visits.why_closed(link)
    if reason:
        return None, render(
            "surveys/respond/closed.html",
            "surveys/respond/_closed.html",
            link=link,
            reason=reason,
        )
    return link, None


def visit_of(code):
    """The visit in this session, when it is a visit to this link; else None."""
    visit = session.get(SESSION_KEY)
    return visit if visit and visit.get("code") == code else None


def open_visit(code, when_done="respond.start"):
    """(link, visit, None) for a screen inside a visit, or (link, visit, the response instead).

    The link's refusal (link None), back to the start without a visit, or to `when_done` once the
    visit's answers are sent.
    """
    link, refusal = open_link(code)
    if refusal:
        return None, None, refusal
    visit = visit_of(code)
    if not visit:
        return link, None, redirect(url_for("respond.start", code=code), 303)
    if visit["done"]:
        return link, visit, redirect(url_for(when_done, code=code), 303)
    return link, visit, None


def resume_point(link, code):
    """Where an unfinished visit on this browser stopped: the number of its first question not yet
    answered or skipped (one past the last when all are), or None when there is nothing to carry
    on (no visit, a sent one, or no answers kept: a draft is forgotten a day after its last
    answer), or when this browser is shared by a group or types in paper forms: there every Start
    is a new person."""
    visit = visit_of(code)
    if not visit or visit.get("done") or not visit.get("key") or mode_of(code):
        return None
    answers, _ = visits.draft_of(visit["key"])
    if not answers:
        return None
    questions = visits.questions_of(link.survey)
    return next(
        (n for n, q in enumerate(questions, start=1) if str(q.id) not in answers),
        len(questions) + 1,
    )


def begin(link, code, age_band, go):
    """Start pressed on the first screen: where to go next.

    An unfinished visit on this browser carries on where it stopped, until it is sent, ended by
    Quick exit or forgotten; "Start again" (`go` "again") drops its answers and begins a new one,
    for the next child on a shared tablet. Nothing but the random visit key is kept.
    """
    number = resume_point(link, code)
    if number is not None and go != "again":
        if age_band:
            save_band(link, visit_of(code)["key"], age_band)
        if number > len(visits.questions_of(link.survey)):
            return url_for("respond.ready", code=code)
        return url_for("respond.question", code=code, number=number)
    unsent = visit_of(code)
    if unsent and unsent.get("key") and not unsent.get("done"):
        visits.forget_draft(unsent["key"])
    start_visit(link, code, age_band)
    return first_screen(link, code)


def start_visit(link, code, age_band):
    """A new visit: a new random key, nothing of any visit before.

    A survey for 8 to 17 year olds keeps the age band the child chose.
    """
    key = visits.new_visit_key()
    session[SESSION_KEY] = {"code": code, "key": key, "done": False, "paper": is_paper(code)}
    save_band(link, key, age_band)


def save_band(link, key, age_band):
    """Keep the age band a child chose, on a survey for 8 to 17 year olds."""
    if link.survey.age_band == "8-17" and age_band in ("8-12", "13-17"):
        visits.save_age_band(link, key, age_band)


def end_visit():
    """Quick exit: drop the visit's draft on the server and the visit from the session, so the
    link opened again on the same device shows none of the answers."""
    session.pop(translations.SESSION_KEY, None)
    visit = session.pop(SESSION_KEY, None) or {}
    if visit.get("key"):
        visits.forget_draft(visit["key"])


def first_screen(link, code):
    """Where a visit goes from the start: "about your work" for staff, else the first question."""
    if link.survey.for_staff:
        return url_for("respond.about", code=code)
    return url_for("respond.question", code=code, number=1)


def next_screen(link, number, total, go):
    """Where the visit goes from question `number`: back, or on to the next or to sending."""
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


def keep_answer(link, visit, question, go, sent):
    """Keep the answer `sent` (none when the visitor chose to skip) in the visit's draft.

    Returns None, or why the answer was refused.
    """
    sent = [] if go == "skip" else sent
    if go == easy_read.GO and link.survey.easy_read:
        sent = [easy_read.NOT_UNDERSTOOD]  # kept as it is: it is not one of the answers
        visits.save_answer(link, visit["key"], question, sent)
        return None
    try:
        values = kinds.clean(question.kind, question.option_list, sent)
        visits.save_answer(link, visit["key"], question, values)
    except kinds.AnswerRefused as refused:
        return str(refused)
    return None


def keep_about(link, visit, groups, sent):
    """Keep the "about your work" answers `sent` (agency, role_group), choosing from the agencies
    in `groups`; returns None, or why they were refused."""
    ids = [agency_id for _, agencies in groups for agency_id, _ in agencies]
    try:
        about = staff.clean_about(sent.get("agency"), sent.get("role_group"), ids)
        visits.save_about(link, visit["key"], about)
    except kinds.AnswerRefused as refused:
        return str(refused)
    return None


def send(link, visit, code):
    """Turn the visit's draft into its one response, then forget the visit key; True when sent.

    False, sending nothing and keeping the draft, when the link or this address has sent too many
    within a few minutes (qa.surveys.limits).

    Sending twice (a double tap racing in two workers) makes no second response (visits.submit);
    nothing left on a shared device points at the response just made, and the response keeps
    nothing of the visit key.
    """
    if not limits.may_send(link.id, request.remote_addr, current_app.config):
        return False
    language = translations.chosen(code)
    response, created = visits.submit(
        link, visit["key"], language=language, paper=visit.get("paper", False)
    )
    if created:
        bursts.notice(link, limits.burst_after(link.id, response.id, current_app.config))
        if response.flagged:
            review.tell_reviewers(
                current_app.config, url_for("surveys.review_queue", _external=True)
            )
    session[SESSION_KEY] = {"code": code, "done": True}
    return True


def mode_of(code):
    """ "paper", "group" or "" for this link on this browser."""
    return session.get(MODE_KEY, {}).get(code, "")


def is_paper(code):
    return mode_of(code) == "paper"


def set_mode(code, mode):
    """Paper forms typed in here, or one device shared by a group, for this link: each next
    person starts with nothing of the last."""
    session[MODE_KEY] = {**session.get(MODE_KEY, {}), code: mode}
    session.pop(SESSION_KEY, None)
    session.pop(translations.SESSION_KEY, None)


def next_person(code):
    """Forget the visit on this browser entirely: the next person's screens show nothing of the
    last one's answers or language, and going back finds no visit."""
    session.pop(SESSION_KEY, None)
    session.pop(translations.SESSION_KEY, None)
    return url_for("respond.start", code=code)


def may_leave_contact(link, visit):
    """A practitioner may leave a name and email once, after sending their answers."""
    return bool(
        link.survey.for_staff and visit and visit.get("done") and not visit.get("contacted")
    )


def leave_contact(link, code, form):
    """Keep the contact details apart from the answers, and remember they were left."""
    contact.save(link.survey, form.name.data, form.email.data, form.message.data)
    session[SESSION_KEY] = {"code": code, "done": True, "contacted": True}
