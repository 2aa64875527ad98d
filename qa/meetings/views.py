"""Meetings of the QA sub-group (admin and sub-group members): the list, adding and changing a
meeting, its page with attendance, quorum and agenda, its calendar invitation and minutes."""

from flask import current_app, flash, redirect, request, url_for
from flask_login import current_user
from playhouse.flask_utils import get_object_or_404

from qa import editing, invites
from qa.forms import ready_to_save
from qa.htmx import render
from qa.meetings import bp, minutes, queries, service
from qa.meetings.forms import AttendanceForm, MeetingForm
from qa.meetings.models import Attendance, Meeting
from qa.partnership.queries import current as partnership_settings
from qa.pdf import pdf_response, render_pdf
from qa.security import role_required, subgroup_only

SUBGROUP = ("admin", "reviewer")  # reviewers only when on the sub-group (subgroup_only)
LABELS = service.LABELS


def meeting_for(meeting_id):
    """The meeting, for the sub-group only (403 for others, 404 when there is none)."""
    subgroup_only()
    return get_object_or_404(Meeting, Meeting.id == meeting_id)


def attendance_form(**kwargs):
    """The form recording someone at the meeting: came, as a member, unless said otherwise."""
    form = AttendanceForm(data={"present": "yes", "role": "member"}, **kwargs)
    form.fill_choices(queries.people_choices(), queries.agency_choices())
    return form


@bp.get("")
@role_required(*SUBGROUP)
def index():
    subgroup_only()
    return render("meetings/index.html", meetings=queries.meetings())


@bp.route("/new", methods=["GET", "POST"])
@role_required(*SUBGROUP)
def new():
    subgroup_only()
    form = MeetingForm(data={"version": "1", "kind": "quarterly"})
    if ready_to_save(form):
        meeting = service.create_meeting(form.meeting_data())
        flash("Meeting added", "success")
        return redirect(url_for(".show", meeting_id=meeting.id))
    return render("meetings/form.html", form=form, meeting=None, conflict=None)


@bp.route("/<int:meeting_id>/edit", methods=["GET", "POST"])
@role_required(*SUBGROUP)
def edit(meeting_id):
    meeting = meeting_for(meeting_id)
    form = MeetingForm(data=minutes.form_data(meeting) if request.method == "GET" else None)
    conflict = None
    if ready_to_save(form):
        data, compare = form.meeting_data(), minutes.conflict_rows
        write = service.save_meeting
        conflict = editing.save_form(meeting, form, LABELS, data=data, write=write, compare=compare)
        if conflict is None:
            flash("Meeting saved", "success")
            return redirect(url_for(".show", meeting_id=meeting.id))
    return render("meetings/form.html", form=form, meeting=meeting, conflict=conflict)


@bp.get("/<int:meeting_id>")
@role_required(*SUBGROUP)
def show(meeting_id):
    meeting = meeting_for(meeting_id)
    page = minutes.page(meeting)
    return render("meetings/meeting.html", **page, attendance_form=attendance_form(formdata=None))


@bp.post("/<int:meeting_id>/attendance")
@role_required(*SUBGROUP)
def attendance(meeting_id):
    meeting = meeting_for(meeting_id)
    form = attendance_form()
    if ready_to_save(form):
        agency = form.agency.data or minutes.agency_of(form.user.data)
        present = form.present.data == "yes"
        service.record_attendance(
            meeting, form.user.data, agency, form.role.data, present, current_user
        )
        flash("Attendance saved", "success")
        return redirect(url_for(".show", meeting_id=meeting.id, _anchor="attendance"))
    return render("meetings/meeting.html", **minutes.page(meeting), attendance_form=form)


@bp.post("/attendance/<int:attendance_id>/remove")
@role_required(*SUBGROUP)
def remove_attendance(attendance_id):
    subgroup_only()
    row = get_object_or_404(Attendance, Attendance.id == attendance_id)
    service.remove_attendance(row, current_user)
    flash(f"{row.user.name} taken off the meeting", "success")
    return redirect(url_for(".show", meeting_id=row.meeting_id, _anchor="attendance"))


@bp.get("/<int:meeting_id>/minutes.pdf")
@role_required(*SUBGROUP)
def minutes_pdf(meeting_id):
    meeting = meeting_for(meeting_id)
    data = render_pdf("pdf/meeting_minutes.html", **minutes.page(meeting))
    return pdf_response(data, f"Minutes {meeting.starts_at:%Y-%m-%d}.pdf")


@bp.get("/<int:meeting_id>/invite.ics")
@role_required(*SUBGROUP)
def invite(meeting_id):
    meeting = meeting_for(meeting_id)
    settings = partnership_settings()
    url = url_for(".show", meeting_id=meeting.id, _external=True)
    data = invites.ics(
        minutes.invite_of(meeting, settings.name, url),
        current_app.config["SMTP_FROM"],
        settings.name,
        minutes.time_zone(settings),
    )
    return invites.response(data, f"{meeting}.ics")
