"""A person's pairing page for the admin.

Conflicts and unavailable dates recorded on their behalf, and people never to pair them with.
"""

from flask import flash, redirect, url_for
from flask_login import current_user
from playhouse.flask_utils import get_object_or_404

from qa.forms import ready_to_save
from qa.htmx import render
from qa.pairing import never, queries
from qa.pairing import people_bp as bp
from qa.pairing.forms import NeverPairForm
from qa.people import declarations
from qa.people.account import preferences_context
from qa.people.account_forms import (
    ConflictForm,
    DatePreferenceForm,
    PreferredSectorsForm,
    UnavailableForm,
)
from qa.security import role_required


def _person(person_id):
    return get_object_or_404(queries.person(person_id))


def _page(person, problem=None, **forms):
    return render(
        "pairing/person.html",
        person=person,
        problem=problem,
        conflict_form=forms.get("conflict_form") or ConflictForm(formdata=None),
        unavailable_form=forms.get("unavailable_form") or UnavailableForm(formdata=None),
        never_form=forms.get("never_form")
        or NeverPairForm(formdata=None, choices=never.partners_choices(person)),
        conflicts=queries.conflicts_of(person),
        unavailable=queries.unavailable_dates_of(person),
        never_pairs=never.of(person),
        **_preferences(person, forms),
    )


def _preferences(person, forms):
    found = preferences_context(
        person, forms, "pairing_people.withdraw_date_preference", {"person_id": person.id}
    )
    found["pref_urls"].update(
        sectors=url_for(".set_sectors", person_id=person.id),
        dates=url_for(".add_date_preference", person_id=person.id),
    )
    return found


def _done(person, section, message):
    flash(message, "success")
    return redirect(url_for(".show", person_id=person.id, _anchor=section))


@bp.get("")
@role_required("admin")
def show(person_id):
    return _page(_person(person_id))


@bp.post("/conflicts")
@role_required("admin")
def add_conflict(person_id):
    person, form = _person(person_id), ConflictForm()
    if ready_to_save(form):
        try:
            declarations.declare_conflict(
                current_user, person, form.agency.data, form.kind.data, form.detail.data or ""
            )
            return _done(person, "conflicts", f"Conflict of interest recorded for {person.name}")
        except declarations.DeclarationError as error:
            return _page(person, problem=str(error), conflict_form=form)
    return _page(person, conflict_form=form)


@bp.post("/conflicts/<int:conflict_id>/withdraw")
@role_required("admin")
def withdraw_conflict(person_id, conflict_id):
    person = _person(person_id)
    declarations.withdraw_conflict(current_user, person, conflict_id)
    return _done(person, "conflicts", "Conflict of interest withdrawn")


@bp.post("/unavailable")
@role_required("admin")
def add_unavailable(person_id):
    person, form = _person(person_id), UnavailableForm()
    if ready_to_save(form):
        try:
            declarations.declare_unavailable(
                current_user, person, form.day.data, form.note.data or ""
            )
            return _done(
                person,
                "unavailable",
                f"{person.name} is recorded as not available on {form.day.data:%-d %B %Y}",
            )
        except declarations.DeclarationError as error:
            return _page(person, problem=str(error), unavailable_form=form)
    return _page(person, unavailable_form=form)


@bp.post("/unavailable/<int:entry_id>/withdraw")
@role_required("admin")
def withdraw_unavailable(person_id, entry_id):
    person = _person(person_id)
    declarations.withdraw_unavailable(current_user, person, entry_id)
    return _done(person, "unavailable", "Date removed")


@bp.post("/never")
@role_required("admin")
def add_never(person_id):
    person = _person(person_id)
    form = NeverPairForm(choices=never.partners_choices(person))
    if ready_to_save(form):
        try:
            made = never.declare(current_user, person, form.other.data, form.reason.data)
            return _done(
                person,
                "never",
                f"{person.name} and {made.other(person.id).name} will never be paired",
            )
        except never.NeverPairError as error:
            form.other.errors = [str(error)]
    return _page(person, never_form=form)


@bp.post("/never/<int:pair_id>/withdraw")
@role_required("admin")
def withdraw_never(person_id, pair_id):
    person = _person(person_id)
    never.withdraw(current_user, person, pair_id)
    return _done(person, "never", "They may be paired again")


@bp.post("/sectors")
@role_required("admin")
def set_sectors(person_id):
    person, form = _person(person_id), PreferredSectorsForm()
    if ready_to_save(form):
        declarations.set_preferred_sectors(current_user, person, form.sectors.data or [])
        return _done(person, "preferences", f"Sectors saved for {person.name}")
    return _page(person, sectors_form=form)


@bp.post("/date-preferences")
@role_required("admin")
def add_date_preference(person_id):
    person, form = _person(person_id), DatePreferenceForm()
    if ready_to_save(form):
        try:
            made = declarations.declare_date_preference(
                current_user, person, form.day.data, form.wish.data == "prefer"
            )
            return _done(
                person, "preferences", f"{person.name} {made.words} on {made.date:%-d %B %Y}"
            )
        except declarations.DeclarationError as error:
            return _page(person, problem=str(error), date_form=form)
    return _page(person, date_form=form)


@bp.post("/date-preferences/<int:entry_id>/withdraw")
@role_required("admin")
def withdraw_date_preference(person_id, entry_id):
    person = _person(person_id)
    declarations.withdraw_date_preference(current_user, person, entry_id)
    return _done(person, "preferences", "Day removed")
