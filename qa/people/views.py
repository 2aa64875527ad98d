"""Admin pages for sectors, agencies and people: searchable lists, inline-validated forms."""

from functools import partial

from flask import flash, redirect, request, url_for
from flask_login import current_user
from playhouse.flask_utils import get_object_or_404

from qa import editing
from qa.forms import ready_to_save, values
from qa.htmx import render
from qa.ids import parse_id
from qa.people import bp, queries, service
from qa.people.forms import AgencyForm, PersonForm, SectorForm, slug_for
from qa.people.models import ROLES, Agency, Sector, User
from qa.security import role_required

AGENCY_LABELS = {
    "name": "Name",
    "sector": "Sector",
    "framework": "Framework",
    "parent_organisation": "Parent organisation",
    "active": "Active",
}
PERSON_LABELS = {
    "name": "Name",
    "email": "Email",
    "role": "Role",
    "agency": "Agency",
    "subgroup_member": "QA sub-group member",
    "active": "Active",
    "max_visits": "Most visits per cycle",
    "min_visits": "Fewest visits per cycle",
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
    return editing.edit_page(
        sector,
        form,
        {"name": "Name"},
        "people/sector_form.html",
        done=url_for("people.sectors"),
        saved="Sector saved",
        sector=sector,
    )


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
        sectors=queries.sectors(),
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
    return editing.edit_page(
        agency,
        form,
        AGENCY_LABELS,
        "people/agency_form.html",
        done=url_for("people.agencies"),
        saved="Agency ‘{obj.name}’ saved",
        agency=agency,
    )


@bp.route("/agencies/<int:agency_id>/active", methods=["GET", "POST"])
@role_required("admin")
def agency_toggle(agency_id):
    """Switch an agency active or inactive from its row (an htmx partial, or a full page). Making
    one inactive is asked about first: the row links to this page's GET, which says what follows."""
    agency = get_object_or_404(queries.agency_rows(), Agency.id == agency_id)
    if request.method == "GET":
        return render("people/agency_inactive.html", agency=agency)
    version = parse_id(request.form.get("version")) or 0
    if not service.set_active(agency, version, not agency.active):
        flash("Someone else changed this agency; here is how it is now", "info")
    agency = get_object_or_404(queries.agency_rows(), Agency.id == agency_id)
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
        person = service.create_person(values(form, PERSON_LABELS), form.new_password.data)
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
    write = partial(service.save_person, password=form.new_password.data, who=current_user)
    return editing.edit_page(
        person,
        form,
        PERSON_LABELS,
        "people/person_form.html",
        done=url_for("people.people"),
        saved="{obj.name} saved",
        save=lambda obj, form: editing.save_form(obj, form, PERSON_LABELS, write=write),
        person=person,
    )


def _password_given(form):
    if not form.new_password.data:
        form.new_password.errors = list(form.new_password.errors) + [
            "Enter a password for this person"
        ]
        return False
    return True
