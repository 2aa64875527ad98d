"""The staff survey's own screens at /s/<code>.

"about your work" before the questions, and asking to be contacted after.
"""

from flask import redirect, request, url_for

from qa.security import public
from qa.surveys import respond_bp as bp
from qa.surveys import screens, staff, visits
from qa.surveys.forms import ContactForm


@bp.route("/s/<code>/about", methods=["GET", "POST"])
@public
def about(code):
    """Which organisation and role: optional, with "prefer not to say", so results can be shown by
    agency and sector."""
    link, visit, refusal = screens.open_visit(code)
    if link and not link.survey.for_staff:
        return redirect(url_for("respond.question", code=code, number=1), 303)
    if refusal:
        return refusal
    groups, error = visits.agency_choices(), None
    chosen = visits.about_of(visit["key"])
    if request.method == "POST":
        if request.form.get("go") == "back":
            return redirect(url_for("respond.start", code=code), 303)
        error = screens.keep_about(link, visit, groups, request.form)
        if error is None:
            return redirect(url_for("respond.question", code=code, number=1), 303)
        chosen = {}
    return _about_screen(link, groups, chosen, error)


def _about_screen(link, groups, chosen, error):
    return screens.screen(
        "about",
        link,
        groups=groups,
        others=staff.OTHER_AGENCY,
        roles=staff.ROLE_GROUPS,
        chosen=chosen,
        error=error,
    )


@bp.post("/s/<code>/contact")
@public
def contact_request(code):
    """Once a practitioner has sent their answers they may leave a name and email, kept apart from
    those answers."""
    link = visits.find_link(code)
    visit = screens.visit_of(code)
    if link is None or not screens.may_leave_contact(link, visit):
        back = url_for("respond.thanks", code=code) if link else url_for("respond.start", code=code)
        return redirect(back, 303)
    form = ContactForm()
    if form.validate():
        screens.leave_contact(link, code, form)
        return redirect(url_for("respond.thanks", code=code), 303)
    return screens.screen("thanks", link, has_statements=False, contact=form, contacted=False)
