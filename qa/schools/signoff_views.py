"""Sign-off of a school's return: its state for the lead and the sub-group, asking the next
person, and the page the emailed link opens for the head or the chair of governors (no account:
the link's signed token is the key)."""

from flask import current_app, flash, redirect, request, url_for
from flask_login import current_user
from flask_wtf import FlaskForm

from qa import mail
from qa.forms import ready_to_save
from qa.htmx import render
from qa.schools import bp, signoff, signoff_rules
from qa.schools.returns_forms import NEEDS, NeedsForm, SignForm
from qa.section11 import access, queries
from qa.security import public, role_required


@bp.get("/returns/<int:return_id>/sign-off")
@role_required()
def sign_off_page(return_id):
    ret, configured = access.return_for(return_id), mail.configured(current_app.config)
    state = signoff.state(ret)
    links = {} if configured or not current_user.is_admin else signoff.links(state["waiting"])
    return render(
        "schools/sign_off.html",
        ret=ret,
        state=state,
        links=links,
        form=FlaskForm(),
        roles=signoff_rules.ROLES,
        verbs=signoff_rules.VERBS,
    )


@bp.post("/returns/<int:return_id>/ask")
@role_required("admin", "agency_lead")
def ask(return_id):
    ret = access.return_for(return_id)
    if FlaskForm().validate_on_submit():
        try:
            sign_off, sent = signoff.ask(ret, current_user)
            who = signoff_rules.ROLES[sign_off.role].lower()
            flash(
                f"The {who} has been emailed a link"
                if sent
                else f"Email is not set up: send the {who} the link shown below",
                "success",
            )
        except signoff.SignOffError as error:
            flash(str(error), "error")
    return redirect(url_for(".sign_off_page", return_id=ret.id))


@bp.route("/sign-off/<token>", methods=["GET", "POST"])
@public
def sign(token):
    found = signoff.from_token(token)
    ret = found.return_ if found else None
    form, problem = SignForm(), None
    if found and form.validate_on_submit():
        problem = signoff.sign_asked(found, form)
        if problem is None:
            return render("schools/signed.html", sign_off=found, ret=ret, roles=signoff_rules.ROLES)
    rows = queries.rows(ret) if ret else []
    page = {"sign_off": found, "ret": ret, "rows": rows, "roles": signoff_rules.ROLES}
    return render("schools/sign.html", form=form, problem=problem, **page)


@bp.route("/sign-off-needs", methods=["GET", "POST"])
@role_required("admin")
def sign_off_needs():
    """Which sign-offs each framework's returns need (the schools framework: head, then chair)."""
    frameworks = signoff.frameworks()
    form = NeedsForm(framework=request.args.get("framework", ""))
    form.framework.choices = [("", "Choose a framework")] + [
        (str(f.id), f.name) for f in frameworks
    ]
    if ready_to_save(form):
        framework = next(f for f in frameworks if str(f.id) == form.framework.data)
        signoff.set_needs(framework, form.needs.data or "", current_user)
        flash(f"Sign-offs for {framework.name} saved", "success")
        return redirect(url_for(".sign_off_needs"))
    page = {"frameworks": frameworks, "stored": signoff.needs_by_framework(), "needs": NEEDS}
    return render("schools/sign_off_needs.html", form=form, **page)
