"""A meeting's agenda: adding what is due and other business, recording the decisions on an item
and the actions agreed against it (which go on the action register)."""

from flask import flash, redirect, url_for
from flask_login import current_user
from playhouse.flask_utils import get_object_or_404

from qa import editing
from qa.actions.forms import NewActionForm
from qa.forms import ready_to_save
from qa.htmx import render
from qa.meetings import bp, minutes, queries, service
from qa.meetings.forms import AgendaItemForm, DecisionsForm
from qa.meetings.models import AgendaItem
from qa.meetings.views import SUBGROUP, attendance_form, meeting_for
from qa.security import role_required, subgroup_only


def item_for(agenda_id):
    subgroup_only()
    return get_object_or_404(AgendaItem, AgendaItem.id == agenda_id)


@bp.post("/<int:meeting_id>/agenda/due")
@role_required(*SUBGROUP)
def add_due(meeting_id):
    meeting = meeting_for(meeting_id)
    added = service.add_due_items(meeting, current_user)
    flash(f"{added} due {'item' if added == 1 else 'items'} added to the agenda", "success")
    return redirect(url_for(".show", meeting_id=meeting.id, _anchor="agenda"))


@bp.post("/<int:meeting_id>/agenda")
@role_required(*SUBGROUP)
def add_item(meeting_id):
    meeting = meeting_for(meeting_id)
    form = AgendaItemForm()
    if ready_to_save(form):
        service.add_free_item(meeting, form.title.data, form.detail.data, current_user)
        flash(f"‘{form.title.data}’ added to the agenda", "success")
        return redirect(url_for(".show", meeting_id=meeting.id, _anchor="agenda"))
    page = minutes.page(meeting, item_form=form)
    return render("meetings/meeting.html", **page, attendance_form=attendance_form(formdata=None))


def item_page(item, form=None, action_form=None, conflict=None):
    data = {"version": str(item.version), "decisions": item.decisions}
    return {
        "item": item,
        "meeting": item.meeting,
        "form": form or DecisionsForm(formdata=None, data=data),
        "action_form": action_form or NewActionForm(formdata=None),
        "conflict": conflict,
        "actions": queries.actions_of(item),
    }


@bp.route("/agenda/<int:agenda_id>", methods=["GET", "POST"])
@role_required(*SUBGROUP)
def agenda_item(agenda_id):
    item = item_for(agenda_id)
    form, conflict = DecisionsForm(), None
    if ready_to_save(form):
        conflict = editing.save_form(item, form, {"decisions": "Decisions"})
        if conflict is None:
            flash("Decisions saved", "success")
            return redirect(url_for(".show", meeting_id=item.meeting_id, _anchor="agenda"))
    shown = form if form.is_submitted() else None
    return render("meetings/agenda_item.html", **item_page(item, shown, conflict=conflict))


@bp.post("/agenda/<int:agenda_id>/actions")
@role_required(*SUBGROUP)
def add_action(agenda_id):
    item = item_for(agenda_id)
    form = NewActionForm()
    if ready_to_save(form):
        service.raise_action(item, form.data)
        flash("Action added to the action register", "success")
        return redirect(url_for(".agenda_item", agenda_id=item.id))
    return render("meetings/agenda_item.html", **item_page(item, action_form=form))
