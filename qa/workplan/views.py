"""The work plan's pages for the sub-group: the year's items by quarter, adding, changing and
removing an item, and (admin) the board's priorities for the year."""

from flask import flash, redirect, request, url_for
from flask_login import current_user
from playhouse.flask_utils import get_object_or_404

from qa import editing
from qa.cycles.models import Cycle
from qa.forms import ready_to_save
from qa.htmx import render
from qa.security import role_required, subgroup_only
from qa.workplan import bp, queries, rules, service
from qa.workplan.forms import ItemForm, PriorityForm
from qa.workplan.models import Priority, WorkPlanItem

SUBGROUP = ("admin", "reviewer")  # reviewers only when on the sub-group (subgroup_only)
LABELS = service.LABELS


def item_form(cycle, **kwargs):
    form = ItemForm(**kwargs)
    form.fill_choices(queries.owner_choices(), queries.priorities(cycle), queries.link_choices())
    return form


def form_data(item):
    link = f"{item.link_kind}:{item.link_id}" if item.link_kind else ""
    return {**item.__data__, "version": str(item.version), "link": link}


def save_item(item, form):
    """Save the item's form: None when saved, else the Conflict to show."""
    return editing.save_form(item, form, service.LABELS, data=service.item_data(form))


@bp.get("")
@role_required(*SUBGROUP)
def index():
    subgroup_only()
    cycle = Cycle.asked(request.args.get("cycle", ""))
    found = queries.items(cycle)
    return render(
        "workplan/index.html",
        cycle=cycle,
        cycles=Cycle.newest_first(),
        quarters=[(q, rules.quarter_label(cycle.starts, q)) for q in rules.QUARTERS],
        items=found,
        counts=rules.status_counts(found),
        priorities=queries.priorities(cycle),
    )


@bp.route("/<int:cycle_id>/new", methods=["GET", "POST"])
@role_required(*SUBGROUP)
def new(cycle_id):
    subgroup_only()
    cycle = get_object_or_404(Cycle, Cycle.id == cycle_id)
    form = item_form(cycle, data={"version": "1", "status": "not_started"})
    if ready_to_save(form):
        item = service.add_item(cycle, form)
        flash(f"‘{item.title}’ added to the work plan", "success")
        return redirect(url_for(".index", cycle=cycle.id))
    return render("workplan/item_form.html", form=form, cycle=cycle, item=None, conflict=None)


@bp.route("/items/<int:item_id>", methods=["GET", "POST"])
@role_required(*SUBGROUP)
def edit(item_id):
    subgroup_only()
    item = get_object_or_404(WorkPlanItem, WorkPlanItem.id == item_id)
    form = item_form(item.cycle, data=form_data(item) if request.method == "GET" else None)
    page = {"cycle": item.cycle, "item": item, "saved": "‘{obj.title}’ saved"}
    done = url_for(".index", cycle=item.cycle_id)
    template = "workplan/item_form.html"
    return editing.edit_page(item, form, LABELS, template, done=done, save=save_item, **page)


@bp.post("/items/<int:item_id>/delete")
@role_required(*SUBGROUP)
def delete(item_id):
    subgroup_only()
    item = get_object_or_404(WorkPlanItem, WorkPlanItem.id == item_id)
    service.delete_item(item)
    flash(f"‘{item.title}’ removed from the work plan", "success")
    return redirect(url_for(".index", cycle=item.cycle_id))


@bp.route("/<int:cycle_id>/priorities", methods=["GET", "POST"])
@role_required("admin")
def priorities(cycle_id):
    cycle = get_object_or_404(Cycle, Cycle.id == cycle_id)
    form = PriorityForm()
    if ready_to_save(form):
        service.add_priority(cycle, form.title.data, current_user)
        flash(f"Priority ‘{form.title.data}’ added", "success")
        return redirect(url_for(".priorities", cycle_id=cycle.id))
    found = queries.priorities(cycle)
    return render("workplan/priorities.html", form=form, cycle=cycle, priorities=found)


@bp.post("/priorities/<int:priority_id>/remove")
@role_required("admin")
def remove_priority(priority_id):
    priority = get_object_or_404(Priority, Priority.id == priority_id)
    service.remove_priority(priority, current_user)
    flash(f"Priority ‘{priority.title}’ removed", "success")
    return redirect(url_for(".priorities", cycle_id=priority.cycle_id))
