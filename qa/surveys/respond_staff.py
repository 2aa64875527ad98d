"""The staff survey's own screens at /s/<code>.

"about your work" before the questions, and asking to be contacted after.
"""

from flask import redirect, request, session, url_for

from qa.htmx import render
from qa.security import public
from qa.surveys import contact, kinds, staff, visits
from qa.surveys import respond_bp as bp
from qa.surveys.forms import ContactForm
from qa.surveys.respond import SESSION_KEY, _link_or_404, _visit


@bp.route("/s/<code>/about", methods=["GET", "POST"])
@public
def about(code):
    """Which organisation and role: optional, with "prefer not to say", so results can be shown by
    agency and sector."""
    link, refusal = _link_or_404(code)
    if refusal:
        return refusal
    visit = _visit(code)
    if not link.survey.for_staff:
        return redirect(url_for("respond.question", code=code, number=1), 303)
    if not visit or visit["done"]:
        return redirect(url_for("respond.start", code=code), 303)
    groups, error = visits.agency_choices(), None
    chosen = visits.about_of(visit["key"])
    if request.method == "POST":
        if request.form.get("go") == "back":
            return redirect(url_for("respond.start", code=code), 303)
        ids = [agency_id for _, agencies in groups for agency_id, _ in agencies]
        try:
            visits.save_about(
                link,
                visit["key"],
                staff.clean_about(request.form.get("agency"), request.form.get("role_group"), ids),
            )
            return redirect(url_for("respond.question", code=code, number=1), 303)
        except kinds.AnswerRefused as refused:
            error, chosen = str(refused), {}
    return render(
        "surveys/respond/about.html",
        "surveys/respond/_about.html",
        link=link,
        survey=link.survey,
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
    visit = _visit(code)
    if (
        link is None
        or not link.survey.for_staff
        or not visit
        or not visit.get("done")
        or visit.get("contacted")
    ):
        return redirect(
            url_for("respond.thanks", code=code) if link else url_for("respond.start", code=code),
            303,
        )
    form = ContactForm()
    if form.validate():
        contact.save(link.survey, form.name.data, form.email.data, form.message.data)
        session[SESSION_KEY] = {"code": code, "done": True, "contacted": True}
        return redirect(url_for("respond.thanks", code=code), 303)
    return render(
        "surveys/respond/thanks.html",
        "surveys/respond/_thanks.html",
        link=link,
        survey=link.survey,
        has_statements=False,
        contact=form,
        contacted=False,
    )
