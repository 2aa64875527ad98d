"""A person's own account: change password, declare conflicts and unavailable dates."""

from flask import flash, redirect, url_for
from flask_login import current_user, login_user

from qa.forms import ready_to_save
from qa.htmx import render, wants_fragment
from qa.people import account_bp as bp
from qa.people import declarations, queries, service
from qa.people.account_forms import (
    ConflictForm,
    DatePreferenceForm,
    PasswordForm,
    PreferredSectorsForm,
    UnavailableForm,
)
from qa.people.models import Conflict, DatePreference, Unavailability
from qa.security import deny, role_required

CHANGED_MESSAGE = "Your password has been changed. You have been signed out on other devices."


def _page(**forms):
    me = current_user._get_current_object()
    context = {
        # formdata=None: a form that was not the one posted starts empty, not filled from the
        # request
        "password_form": forms.get("password_form") or PasswordForm(formdata=None, email=me.email),
        "conflict_form": forms.get("conflict_form") or ConflictForm(formdata=None),
        "unavailable_form": forms.get("unavailable_form") or UnavailableForm(formdata=None),
        "conflicts": queries.conflicts_of(me),
        "unavailable": queries.unavailable_dates_of(me),
        "problem": forms.get("problem"),
        **preferences_context(me, forms, "account.withdraw_date_preference", {}),
        "you": True,
    }
    context["pref_urls"].update(
        sectors=url_for("account.set_sectors"), dates=url_for("account.add_date_preference")
    )
    return context


def preferences_context(person, forms, withdraw_endpoint, args):
    """What the preferences section (account/_preferences.html) shows of `person`, on their own
    account page or the admin's pairing page for them."""
    sectors = list(queries.preferred_sectors_of(person))
    return {
        "sectors_form": forms.get("sectors_form")
        or PreferredSectorsForm(formdata=None, sectors=[s.id for s in sectors]),
        "date_form": forms.get("date_form") or DatePreferenceForm(formdata=None),
        "preferred_sectors": sectors,
        "date_preferences": list(queries.date_preferences_of(person)),
        "pref_urls": {"withdraw": withdraw_endpoint, "args": args, "htmx": not args},
    }


@bp.get("")
@role_required()
def show():
    return render("account/show.html", **_page())


@bp.post("/password")
@role_required()
def change_password():
    me = current_user._get_current_object()
    form = PasswordForm(email=me.email)
    if ready_to_save(form):
        changed = service.change_password(me, form.current_password.data, form.new_password.data)
        if changed is None:
            form.current_password.errors = ["Your current password is not right"]
        else:
            login_user(changed)
            flash(CHANGED_MESSAGE, "success")
            return redirect(url_for("account.show"))
    return render("account/show.html", **_page(password_form=form))


@bp.post("/conflicts")
@role_required()
def add_conflict():
    form = ConflictForm()
    problem = None
    if ready_to_save(form):
        try:
            declarations.declare_conflict(
                current_user, current_user, form.agency.data, form.kind.data, form.detail.data or ""
            )
            return _after("conflicts", "Conflict of interest declared")
        except declarations.DeclarationError as error:
            problem = str(error)
    return render(
        "account/show.html", "account/_conflicts.html", **_page(conflict_form=form, problem=problem)
    )


@bp.post("/conflicts/<int:conflict_id>/withdraw")
@role_required()
def withdraw_conflict(conflict_id):
    _refuse_unless_mine(Conflict, conflict_id)
    declarations.withdraw_conflict(current_user, current_user, conflict_id)
    return _after("conflicts", "Conflict of interest withdrawn")


@bp.post("/unavailable")
@role_required()
def add_unavailable():
    form = UnavailableForm()
    problem = None
    if ready_to_save(form):
        try:
            declarations.declare_unavailable(
                current_user, current_user, form.day.data, form.note.data or ""
            )
            return _after("unavailable", "Date added")
        except declarations.DeclarationError as error:
            problem = str(error)
    return render(
        "account/show.html",
        "account/_unavailable.html",
        **_page(unavailable_form=form, problem=problem),
    )


@bp.post("/unavailable/<int:entry_id>/withdraw")
@role_required()
def withdraw_unavailable(entry_id):
    _refuse_unless_mine(Unavailability, entry_id)
    declarations.withdraw_unavailable(current_user, current_user, entry_id)
    return _after("unavailable", "Date removed")


@bp.post("/sectors")
@role_required()
def set_sectors():
    form = PreferredSectorsForm()
    if ready_to_save(form):
        declarations.set_preferred_sectors(current_user, current_user, form.sectors.data or [])
        return _after("preferences", "Sectors saved")
    return render("account/show.html", "account/_preferences.html", **_page(sectors_form=form))


@bp.post("/date-preferences")
@role_required()
def add_date_preference():
    form = DatePreferenceForm()
    problem = None
    if ready_to_save(form):
        try:
            declarations.declare_date_preference(
                current_user, current_user, form.day.data, form.wish.data == "prefer"
            )
            return _after("preferences", "Day added")
        except declarations.DeclarationError as error:
            problem = str(error)
    return render(
        "account/show.html", "account/_preferences.html", **_page(date_form=form, problem=problem)
    )


@bp.post("/date-preferences/<int:entry_id>/withdraw")
@role_required()
def withdraw_date_preference(entry_id):
    _refuse_unless_mine(DatePreference, entry_id)
    declarations.withdraw_date_preference(current_user, current_user, entry_id)
    return _after("preferences", "Day removed")


def _refuse_unless_mine(model, entry_id):
    """Someone else's declaration is refused and recorded; one already withdrawn (a second click) is
    simply gone."""
    owner = queries.declared_by(model, entry_id)
    if owner is not None and owner.id != current_user.id:
        deny(model.__name__, entry_id, owner.name)


def _after(section, message):
    """After a change: the refreshed section for htmx, or back to the page with a message."""
    if wants_fragment():
        return render("account/show.html", f"account/_{section}.html", **_page(), done=message)
    flash(message, "success")
    return redirect(url_for("account.show") + f"#{section}")
