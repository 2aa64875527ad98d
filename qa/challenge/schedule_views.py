"""Scheduling an event: date and place, visitors by hand, cancelling, marking held.

And the calendar invite.
"""

from zoneinfo import ZoneInfo

from flask import Response, abort, current_app, flash, redirect, request, url_for
from flask_login import current_user
from playhouse.flask_utils import get_object_or_404

from qa import editing
from qa.challenge import access, bp, ics, queries, scheduling
from qa.challenge.forms import ReasonForm, ScheduleForm, VisitorForm
from qa.challenge.views import event_page
from qa.documents import safe_filename
from qa.forms import ready_to_save
from qa.htmx import render
from qa.partnership.queries import current as partnership_settings
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
    form = ScheduleForm(data=schedule_data(event) if request.method == "GET" else None)
    shown = {"clashes": None, "conflict": None}
    if ready_to_save(form):
        shown = _save_schedule(event, form)
        if shown is None:
            flash(f"{event.agency.name} is scheduled for {form.starts_at:%-d %B %Y}", "success")
            return redirect(url_for(".event", event_id=event.id))
    return render("challenge/schedule.html", event=event, form=form, **shown)


def _save_schedule(event, form):
    """Save the posted date and place: None when saved, else the clashes or conflict to show."""
    try:
        conflict = editing.save_form(
            event,
            form,
            SCHEDULE_LABELS,
            write=lambda event, version, data, summary: scheduling.schedule(
                event,
                version,
                form.starts_at,
                form.ends_at,
                form.location.data,
                current_user,
                going_ahead(form),
            ),
            compare=schedule_conflict,
        )
    except scheduling.Clashes as found:
        return {"clashes": found.clashes, "conflict": None}
    except scheduling.ScheduleError as error:
        form.day.errors = [str(error)]
        return {"clashes": None, "conflict": None}
    return {"clashes": None, "conflict": conflict} if conflict else None


def schedule_data(event):
    """The schedule form's fields as the event holds them now."""
    data = {"version": str(event.version), "location": event.location}
    if event.starts_at:
        data.update(
            day=event.starts_at.date(), starts=event.starts_at.time(), ends=event.ends_at.time()
        )
    return data


def schedule_conflict(form, current):
    """The rows of a schedule conflict: each of date, times and place that differs, or else the
    status another admin moved it to."""
    saved = schedule_data(current)
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
        user = User.get_by_id(form.user.data)
        try:
            _assign(event, user, form)
        except scheduling.Clashes as found:
            clashes = found.clashes
        except scheduling.ScheduleError as error:
            form.user.errors = [str(error)]
        else:
            flash(f"{user.name} will visit as the {_role_words(form.role.data)}", "success")
            return redirect(url_for(".event", event_id=event.id))
    return render("challenge/event.html", **event_page(event, visitor_form=form, clashes=clashes))


def _assign(event, user, form):
    """Put the person chosen by hand on the event, in the role the form says."""
    scheduling.assign_visitor(
        event,
        user,
        form.role.data,
        "manual",
        form.explanation.data,
        current_user,
        going_ahead(form),
    )


def going_ahead(form):
    """The reason for going ahead despite clashes, unless the admin changed their choice and
    asked for it to be checked again ("Save my new choice")."""
    return None if request.form.get("recheck") else form.override_reason.data


def _role_words(role):
    return "QA sub-group member" if role == "lead" else "peer reviewer"


@bp.post("/events/<int:event_id>/visitors/<int:visitor_id>/remove")
@role_required("admin")
def unassign(event_id, visitor_id):
    event = access.event_for(event_id)
    visitor = get_object_or_404(queries.visitor_on(event, visitor_id))
    scheduling.remove_visitor(event, visitor, current_user)
    flash(f"{visitor.user.name} removed from this event", "success")
    return redirect(url_for(".event", event_id=event.id))


@bp.route("/events/<int:event_id>/cancel", methods=["GET", "POST"])
@role_required("admin")
def cancel(event_id):
    event = access.event_for(event_id)
    form = ReasonForm(data={"version": str(event.version)} if request.method == "GET" else None)
    conflict = None
    if ready_to_save(form):
        try:
            conflict = editing.save_form(event, form, {}, write=_cancel_for(form.reason.data))
        except scheduling.ScheduleError as error:
            form.reason.errors = [str(error)]
        else:
            if conflict is None:
                flash(f"The challenge event for {event.agency.name} is cancelled", "success")
                return redirect(url_for(".event", event_id=event.id))
    return render("challenge/cancel.html", event=event, form=form, conflict=conflict)


def _cancel_for(reason):
    """A `save_form` writer that cancels the event for `reason`."""
    return lambda event, version, data, summary: scheduling.cancel(
        event, version, reason, current_user
    )


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
    except scheduling.ScheduleError as error:
        flash(str(error), "info")
    return redirect(url_for(".event", event_id=event.id))


@bp.get("/events/<int:event_id>/invite.ics")
@role_required()
def invite(event_id):
    event = access.event_for(event_id)
    if event.starts_at is None:
        abort(404)
    response = Response(_invite(event), mimetype="text/calendar")
    response.headers["Content-Disposition"] = (
        f'attachment; filename="{safe_filename(ics.filename(event))}"'
    )
    return response


def _invite(event):
    """The event's calendar invite, for its visitors and the agency's leads."""
    visitors, _ = queries.event_detail(event)
    partnership = partnership_settings()
    return ics.invite(
        event,
        visitors,
        queries.agency_leads(event.agency_id),
        current_app.config["SMTP_FROM"],
        partnership.name,
        url_for(".event", event_id=event.id, _external=True),
        ZoneInfo(partnership.time_zone),
    )
