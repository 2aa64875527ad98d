"""Admin pages for audit cycles."""

from flask import flash, redirect, request, url_for
from playhouse.flask_utils import get_object_or_404

from qa import editing
from qa.cycles import bp
from qa.cycles.forms import CycleForm
from qa.cycles.models import Cycle, NoCycle
from qa.forms import ready_to_save, values
from qa.htmx import render
from qa.security import role_required

LABELS = {"name": "Name", "starts": "Starts", "ends": "Ends", "deadline": "Deadline for returns"}


def _name_taken(form, record_id=None):
    if Cycle.name_taken(form.name.data, record_id):
        form.name.errors = list(form.name.errors) + ["There is already a cycle with this name"]
        return True
    return False


@bp.get("")
@role_required("admin")
def index():
    return render("cycles/index.html", cycles=Cycle.newest_first())


@bp.route("/new", methods=["GET", "POST"])
@role_required("admin")
def new():
    form = CycleForm(data={"version": "1"} if request.method == "GET" else None)
    if ready_to_save(form) and not _name_taken(form):
        cycle = editing.create(Cycle, values(form, LABELS))
        flash(f"Cycle {cycle.name} opened", "success")
        return redirect(url_for("cycles.index"))
    return render("cycles/form.html", form=form, cycle=None, conflict=None)


@bp.route("/<int:cycle_id>", methods=["GET", "POST"])
@role_required("admin")
def edit(cycle_id):
    cycle = get_object_or_404(Cycle, Cycle.id == cycle_id)
    return editing.edit_page(
        cycle,
        CycleForm(obj=cycle),
        LABELS,
        "cycles/form.html",
        done=url_for("cycles.index"),
        saved="Cycle {obj.name} saved",
        save=_save,
        cycle=cycle,
    )


def _save(cycle, form):
    """Save the cycle unless another has the name (the form then says so)."""
    if _name_taken(form, cycle.id):
        return None
    return editing.save_form(cycle, form, LABELS)


@bp.app_errorhandler(NoCycle)
def no_cycle_yet(error):
    """Any page about a cycle, before the first is opened: say so, and how to open one."""
    return render("cycles/none.html"), 200
