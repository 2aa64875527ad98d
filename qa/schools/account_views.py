"""Settings' own accounts: the public page where a designated safeguarding lead asks for one, the
one-time link that sets its password, and the admin's queue and rules."""

from flask import flash, redirect, request, url_for
from flask_login import current_user
from playhouse.flask_utils import get_object_or_404

from qa.auth.login import address_key
from qa.forms import ready_to_save
from qa.htmx import render
from qa.ids import parse_id
from qa.schools import accounts, bp, queries
from qa.schools.forms import DomainsForm, RequestForm, RulesForm, SetPasswordForm
from qa.schools.models import KINDS, Setting
from qa.security import public, role_required


def _ask_page(form, q, http_status=200):
    return render(
        "schools/ask.html",
        "schools/_choices.html",
        form=form,
        q=q,
        choices=queries.choices(q),
        chosen=parse_id(form.setting.data),
        http_status=http_status,
    )


@bp.route("/account", methods=["GET", "POST"])
@public
def ask_account():
    form, q = RequestForm(), request.values.get("q", "").strip()[:100]
    if ready_to_save(form):
        setting = queries.open_setting(parse_id(form.setting.data))
        if setting is None:
            form.setting.errors = ["Choose your setting"]
        elif not accounts.ask(setting, form.name.data, form.email.data, address_key()):
            return render("schools/ask_throttled.html", http_status=429)
        else:
            return redirect(url_for("schools.account_sent"), 303)
    return _ask_page(form, q)


@bp.get("/account/sent")
@public
def account_sent():
    return render("schools/ask_sent.html")


@bp.route("/account/password", methods=["GET", "POST"])
@public
def set_password():
    token = request.values.get("token", "")
    asked = accounts.link_request(token)
    form = SetPasswordForm(email=asked.email if asked else "")
    if asked and ready_to_save(form) and accounts.set_password(token, form.new_password.data):
        flash("Your password is set: sign in with your email address and it", "success")
        return redirect(url_for("auth.login"), 303)
    return render("schools/set_password.html", form=form, asked=asked, token=token)


@bp.get("/requests")
@role_required("admin")
def requests():
    return render(
        "schools/requests.html",
        pending=queries.pending_requests(),
        decided=queries.recent_decisions(),
        link=None,
        problem=None,
    )


@bp.post("/requests/decide")
@role_required("admin")
def decide():
    request_id = parse_id(request.form.get("request"))
    approve = request.form.get("decision") == "approve"
    link, problem = accounts.decide(current_user, request_id, approve)
    if link is None and problem is None:
        flash(
            "Approved: the link to set a password was emailed" if approve else "Refused", "success"
        )
        return redirect(url_for("schools.requests"), 303)
    return render(
        "schools/requests.html",
        pending=queries.pending_requests(),
        decided=queries.recent_decisions(),
        link=link,
        problem=problem,
    )


@bp.route("/account-rules", methods=["GET", "POST"])
@role_required("admin")
def account_rules():
    form = RulesForm(obj=queries.account_settings())
    if ready_to_save(form):
        data = form.data
        accounts.save_rules(
            current_user,
            data["allowed_domains"] or "",
            data["accounts_expire"],
            data["days_after_deadline"],
        )
        flash("Rules for settings' accounts saved", "success")
        return redirect(url_for("schools.account_rules"), 303)
    return render("schools/account_rules.html", form=form)


@bp.route("/settings/<int:setting_id>", methods=["GET", "POST"])
@role_required("admin")
def setting(setting_id):
    found = get_object_or_404(queries.with_agency(), Setting.id == setting_id)
    form = DomainsForm(obj=found)
    if ready_to_save(form):
        accounts.save_domains(current_user, found, form.allowed_domains.data or "")
        flash(f"Allowed email domains of {found.agency.name} saved", "success")
        return redirect(url_for("schools.setting", setting_id=found.id), 303)
    return render("schools/setting.html", setting=found, form=form, kinds=KINDS)
