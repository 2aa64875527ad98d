"""Scheduling an event: date and place, visitors by hand, cancelling, marking held.

And the calendar invite.
"""

from flask import Response, abort, current_app, flash, redirect, request, url_for
from flask_login import current_user
from playhouse.flask_utils import get_object_or_404

from qa import editing
from qa.challenge import access, bp, ics, queries, scheduling
from qa.challenge.forms import ReasonForm, ScheduleForm, VisitorForm
from qa.challenge.models import Visitor
from qa.challenge.views import event_page
from qa.db import VersionConflict
from qa.documents import safe_filename
from qa.forms import ready_to_save
from qa.htmx import render
from qa.people.models import User
from qa.security import role_required

SCHEDULE_LABELS = {
    "day": "Date",
    "starts": "Start time",
    "ends": "End time",
    "location": "Location",
}


@bp.route("/events/<int:event_id>/schedule", methods=["GET", "POST"])
@role_required("admin")
def schedule(event_id):
    event = access.event_for(event_id)
    form = ScheduleForm(data=_schedule_data(event) if request.method == "GET" else None)
    clashes = conflict = None
    if ready_to_save(form):
        try:
            scheduling.schedule(
                event,
                form.version.data,
                form.starts_at,
                form.ends_at,
                form.location.data,
                current_user,
                form.override_reason.data,
            )
            flash(f"{event.agency.name} is scheduled for {form.starts_at:%-d %B %Y}", "success")
            return redirect(url_for(".event", event_id=event.id))
        except scheduling.Clashes as found:
            clashes = found.clashes
        except scheduling.ScheduleError as error:
            form.day.errors = [str(error)]
        except VersionConflict as error:
            conflict, form.version.data = (
                _schedule_conflict(form, error.current),
                str(error.current.version),
            )
    return render(
        "challenge/schedule.html", event=event, form=form, clashes=clashes, conflict=conflict
    )


def _schedule_data(event):
    data = {"version": str(event.version), "location": event.location}
    if event.starts_at:
        data.update(
            day=event.starts_at.date(), starts=event.starts_at.time(), ends=event.ends_at.time()
        )
    return data


def _schedule_conflict(form, current):
    saved = _schedule_data(current)
    rows = [
        {
            "label": label,
            "mine": getattr(form, name).data or "(blank)",
            "theirs": saved.get(name) or "(blank)",
        }
        for name, label in SCHEDULE_LABELS.items()
        if getattr(form, name).data != saved.get(name)
    ]
    return rows or [{"label": "Status", "mine": "", "theirs": current.status_label}]


@bp.post("/events/<int:event_id>/visitors")
@role_required("admin")
def assign(event_id):
    event = access.event_for(event_id)
    form, clashes = VisitorForm(), None
    if ready_to_save(form):
        try:
            user = User.get_by_id(form.user.data)
            scheduling.assign_visitor(
                event,
                user,
                form.role.data,
                "manual",
                form.explanation.data,
                current_user,
                form.override_reason.data,
            )
            flash(
                f"{user.name} will visit as the "
                f"{'QA sub-group member' if form.role.data == 'lead' else 'peer reviewer'}",
                "success",
            )
            return redirect(url_for(".event", event_id=event.id))
        except scheduling.Clashes as found:
            clashes = found.clashes
        except scheduling.ScheduleError as error:
            form.user.errors = [str(error)]
    return render("challenge/event.html", **event_page(event, visitor_form=form, clashes=clashes))


@bp.post("/events/<int:event_id>/visitors/<int:visitor_id>/remove")
@role_required("admin")
def unassign(event_id, visitor_id):
    event = access.event_for(event_id)
    visitor = get_object_or_404(
        Visitor.select(Visitor, User).join(User),
        Visitor.id == visitor_id,
        Visitor.event == event.id,
    )
    scheduling.remove_visitor(event, visitor, current_user)
    flash(f"{visitor.user.name} removed from this event", "success")
    return redirect(url_for(".event", event_id=event.id))


@bp.route("/events/<int:event_id>/cancel", methods=["GET", "POST"])
@role_required("admin")
def cancel(event_id):
    event = access.event_for(event_id)
    form, conflict = (
        ReasonForm(data={"version": str(event.version)} if request.method == "GET" else None),
        None,
    )
    if ready_to_save(form):
        try:
            scheduling.cancel(event, form.version.data, form.reason.data, current_user)
            flash(f"The challenge event for {event.agency.name} is cancelled", "success")
            return redirect(url_for(".event", event_id=event.id))
        except VersionConflict as error:
            conflict, form.version.data = (
                editing.conflict_rows(form, error.current, {}),
                str(error.current.version),
            )
        except scheduling.ScheduleError as error:
            form.reason.errors = [str(error)]
    return render("challenge/cancel.html", event=event, form=form, conflict=conflict)


@bp.post("/events/<int:event_id>/held")
@role_required("admin")
def held(event_id):
    event = access.event_for(event_id)
    try:
        scheduling.mark_held(event, current_user)
        flash(
            "Marked as held. The visitors can go on recording and then agree their findings.",
            "success",
        )
    except (scheduling.ScheduleError, VersionConflict) as error:
        flash(
            str(error)
            if isinstance(error, scheduling.ScheduleError)
            else "Someone changed this event; look again",
            "info",
        )
    return redirect(url_for(".event", event_id=event.id))


@bp.get("/events/<int:event_id>/invite.ics")
@role_required()
def invite(event_id):
    event = access.event_for(event_id)
    if event.starts_at is None:
        abort(404)
    visitors, _ = queries.event_detail(event)
    data = ics.invite(
        event,
        visitors,
        queries.agency_leads(event.agency_id),
        current_app.config["SMTP_FROM"],
        current_app.config["PARTNERSHIP_NAME"],
        url_for(".event", event_id=event.id, _external=True),
    )
    response = Response(data, mimetype="text/calendar")
    response.headers["Content-Disposition"] = (
        f'attachment; filename="{safe_filename(ics.filename(event))}"'
    )
    return response
