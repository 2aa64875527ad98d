"""Admin pages for sectors, agencies and people: searchable lists, inline-validated forms."""

from flask import flash, redirect, request, url_for
from flask_login import current_user
from playhouse.flask_utils import get_object_or_404

from qa import audit, editing
from qa.db import VersionConflict, db
from qa.forms import ready_to_save, values
from qa.htmx import render
from qa.people import bp, queries
from qa.people.forms import AgencyForm, PersonForm, SectorForm, slug_for
from qa.people.models import ROLES, Agency, Sector, User
from qa.security import hash_password, role_required

AGENCY_LABELS = {"name": "Name", "sector": "Sector", "framework": "Framework", "active": "Active"}
PERSON_LABELS = {
    "name": "Name",
    "email": "Email",
    "role": "Role",
    "agency": "Agency",
    "subgroup_member": "QA sub-group member",
    "active": "Active",
    "max_visits": "Most visits per cycle",
}


# Sectors -------------------------------------------------------------------------------------


@bp.route("/sectors", methods=["GET", "POST"])
@role_required("admin")
def sectors():
    form = SectorForm(data={"version": "1"} if request.method == "GET" else None)
    if ready_to_save(form):
        editing.create(Sector, {"name": form.name.data, "slug": slug_for(form.name.data)})
        flash(f"Sector ‘{form.name.data}’ added", "success")
        return redirect(url_for("people.sectors"))
    return render("people/sectors.html", sectors=queries.sectors_with_counts(), form=form)


@bp.route("/sectors/<int:sector_id>", methods=["GET", "POST"])
@role_required("admin")
def sector_edit(sector_id):
    sector = get_object_or_404(Sector, Sector.id == sector_id)
    form = SectorForm(obj=sector, record_id=sector.id)
    conflict = None
    if ready_to_save(form):
        try:
            editing.update(sector, form.version.data, {"name": form.name.data})
            flash("Sector saved", "success")
            return redirect(url_for("people.sectors"))
        except VersionConflict as error:
            conflict = editing.conflict_rows(form, error.current, {"name": "Name"})
            form.version.data = str(error.current.version)
    return render("people/sector_form.html", form=form, sector=sector, conflict=conflict)


# Agencies ------------------------------------------------------------------------------------


@bp.get("/agencies")
@role_required("admin")
def agencies():
    q, sector_id, status = (
        request.args.get("q", "").strip()[:100],
        request.args.get("sector", ""),
        request.args.get("status", ""),
    )
    rows = queries.agencies(q=q, sector_id=sector_id, status=status)
    return render(
        "people/agencies.html",
        "people/_agency_table.html",
        agencies=rows,
        q=q,
        sector_id=sector_id,
        status=status,
        sectors=Sector.select().order_by(Sector.name),
    )


@bp.route("/agencies/new", methods=["GET", "POST"])
@role_required("admin")
def agency_new():
    form = AgencyForm(data={"version": "1", "active": True} if request.method == "GET" else None)
    if ready_to_save(form):
        agency = editing.create(Agency, values(form, AGENCY_LABELS))
        flash(f"Agency ‘{agency.name}’ added", "success")
        return redirect(url_for("people.agencies"))
    return render("people/agency_form.html", form=form, agency=None, conflict=None)


@bp.route("/agencies/<int:agency_id>", methods=["GET", "POST"])
@role_required("admin")
def agency_edit(agency_id):
    agency = get_object_or_404(Agency, Agency.id == agency_id)
    form = AgencyForm(obj=agency, record_id=agency.id)
    conflict = None
    if ready_to_save(form):
        try:
            editing.update(agency, form.version.data, values(form, AGENCY_LABELS))
            flash(f"Agency ‘{agency.name}’ saved", "success")
            return redirect(url_for("people.agencies"))
        except VersionConflict as error:
            conflict = editing.conflict_rows(form, error.current, AGENCY_LABELS)
            form.version.data = str(error.current.version)
    return render("people/agency_form.html", form=form, agency=agency, conflict=conflict)


@bp.post("/agencies/<int:agency_id>/active")
@role_required("admin")
def agency_toggle(agency_id):
    """Switch an agency active or inactive from its row (an htmx partial, or a full page)."""
    agency = get_object_or_404(Agency.select(Agency, Sector).join(Sector), Agency.id == agency_id)
    try:
        editing.update(agency, _int(request.form.get("version")), {"active": not agency.active})
    except VersionConflict:
        flash("Someone else changed this agency; here is how it is now", "info")
    agency = Agency.select(Agency, Sector).join(Sector).where(Agency.id == agency_id).get()
    return render("people/agency_row_page.html", "people/_agency_row.html", agency=agency)


# People --------------------------------------------------------------------------------------


@bp.get("/people")
@role_required("admin")
def people():
    q, role = request.args.get("q", "").strip()[:100], request.args.get("role", "")
    return render(
        "people/people.html",
        "people/_people_table.html",
        people=queries.people(q=q, role=role),
        q=q,
        role=role,
        roles=ROLES,
    )


@bp.route("/people/new", methods=["GET", "POST"])
@role_required("admin")
def person_new():
    form = PersonForm(
        data={"version": "1", "active": True, "max_visits": 2} if request.method == "GET" else None
    )
    if ready_to_save(form) and _password_given(form):
        data = values(form, PERSON_LABELS) | {
            "password_hash": hash_password(form.new_password.data)
        }
        person = editing.create(User, data)
        flash(
            f"{person.name} added. Tell them their password in person or by phone, not by email.",
            "success",
        )
        return redirect(url_for("people.people"))
    return render("people/person_form.html", form=form, person=None, conflict=None)


@bp.route("/people/<int:person_id>", methods=["GET", "POST"])
@role_required("admin")
def person_edit(person_id):
    person = get_object_or_404(User, User.id == person_id)
    form = PersonForm(obj=person, record_id=person.id)
    conflict = None
    if ready_to_save(form):
        try:
            save_person(person, form)
            flash(f"{person.name} saved", "success")
            return redirect(url_for("people.people"))
        except VersionConflict as error:
            conflict = editing.conflict_rows(form, error.current, PERSON_LABELS)
            form.version.data = str(error.current.version)
    return render("people/person_form.html", form=form, person=person, conflict=conflict)


def save_person(person, form):
    """Save the edit; deactivating or resetting a password ends that person's sessions."""
    data = values(form, PERSON_LABELS)
    with db.atomic("IMMEDIATE"):
        was_active = person.active
        if form.new_password.data:
            data["password_hash"] = hash_password(form.new_password.data)
        editing.update(person, form.version.data, data)
        if form.new_password.data:
            audit.record(
                current_user, "reset password", person, f"Reset the password of {person.name}"
            )
        if (was_active and not person.active) or form.new_password.data:
            person.end_sessions()


def _password_given(form):
    if not form.new_password.data:
        form.new_password.errors = list(form.new_password.errors) + [
            "Enter a password for this person"
        ]
        return False
    return True


def _int(value):
    return int(value) if isinstance(value, str) and value.isdigit() and len(value) < 10 else 0
