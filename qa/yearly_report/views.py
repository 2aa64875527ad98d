"""The yearly report's page for the admin: its sections with their evidence and words, adding,
moving and removing sections, the partners' sign-off, publication and sending, and the PDF."""

from datetime import date

from flask import flash, redirect, request, url_for
from flask_login import current_user
from playhouse.flask_utils import get_object_or_404

from qa import editing
from qa.cycles.models import Cycle
from qa.db import VersionConflict
from qa.forms import ready_to_save, values
from qa.htmx import render
from qa.ids import parse_id
from qa.pdf import pdf_response, render_pdf
from qa.security import role_required
from qa.yearly_report import bp, document, queries, rules, service
from qa.yearly_report.forms import DatesForm, NewSectionForm, SectionForm, SignOffForm
from qa.yearly_report.models import YearlySection

SECTION_LABELS = {"title": "Title", "narrative": "What the report says"}
DATES_LABELS = {
    "published_on": "Published",
    "sent_on": "Sent to the national panel and the education department",
    "send_within_days": "Days allowed for sending",
}


def _page(cycle, *, forms=None, conflict=None, **posted):
    """The report's page; a form that was posted and must be shown again replaces its blank."""
    report = queries.report_for(cycle)
    context = queries.contents(report, date.today()) if report else {"report": None}
    if report:
        forms = forms or {}
        for s in context["sections"]:
            forms.setdefault(s.id, SectionForm(formdata=None, obj=s, prefix=_prefix(s)))
        posted.setdefault("dates", DatesForm(formdata=None, report=report))
        seen = report.content_version
        posted.setdefault("sign", SignOffForm(formdata=None, seen=seen))
        posted.setdefault("new", NewSectionForm(formdata=None))
    context.update(posted)
    return render(
        "yearly_report/report.html",
        cycle=cycle,
        cycles=Cycle.newest_first(),
        forms=forms,
        conflict=conflict,
        **context,
    )


def _report(cycle_id):
    cycle = get_object_or_404(Cycle, Cycle.id == cycle_id)
    return cycle, queries.report_for(cycle)


def _posted_section(cycle_id):
    """The cycle, and the section of its report whose id is posted (None when there is none)."""
    cycle, report = _report(cycle_id)
    wanted = parse_id(request.form.get("section"))
    if report is None or wanted is None:
        return cycle, None
    found = YearlySection.get_or_none(YearlySection.id == wanted, YearlySection.report == report)
    return cycle, found


def _prefix(section):
    """Each section's form has its own field names (and ids) on the one page."""
    return f"section-{section.id}"


def _back(cycle, anchor="", cleared=()):
    message = rules.reopened_message(cleared)
    if message:
        flash(message, "info")
    return redirect(url_for("yearly_report.page", cycle=cycle.id) + anchor, 303)


@bp.get("")
@role_required("admin")
def page():
    cycle = Cycle.asked(request.args.get("cycle"))
    if cycle is None:
        return redirect(url_for("yearly_report.page"), 303)
    return _page(cycle)


@bp.post("/<int:cycle_id>/start")
@role_required("admin")
def start(cycle_id):
    cycle, _ = _report(cycle_id)
    service.start(cycle, current_user)
    return _back(cycle)


@bp.post("/<int:cycle_id>/section")
@role_required("admin")
def save_section(cycle_id):
    cycle, section = _posted_section(cycle_id)
    if section is None:
        return _back(cycle)
    form = SectionForm(prefix=_prefix(section))
    if not ready_to_save(form):
        return _page(cycle, forms={section.id: form})
    cleared = []

    def write(obj, version, data, summary):
        cleared.extend(service.save_section(obj, version, data, current_user))

    conflict = editing.save_form(section, form, SECTION_LABELS, write=write)
    if conflict:
        return _page(cycle, forms={section.id: form}, conflict=conflict)
    return _back(cycle, f"#section-{section.id}", cleared)


@bp.post("/<int:cycle_id>/sections")
@role_required("admin")
def add_section(cycle_id):
    cycle, report = _report(cycle_id)
    form = NewSectionForm()
    if report is None:
        return _back(cycle)
    if not ready_to_save(form):
        return _page(cycle, new=form)
    cleared = service.add_section(report, form.title.data, current_user)
    return _back(cycle, "#sections-end", cleared)


@bp.post("/<int:cycle_id>/move")
@role_required("admin")
def move_section(cycle_id):
    cycle, section = _posted_section(cycle_id)
    if section is None:
        return _back(cycle)
    direction = "up" if request.form.get("direction") == "up" else "down"
    cleared = service.move_section(section, direction, current_user)
    return _back(cycle, f"#section-{section.id}", cleared)


@bp.post("/<int:cycle_id>/remove")
@role_required("admin")
def remove_section(cycle_id):
    cycle, section = _posted_section(cycle_id)
    if section is None:
        return _back(cycle)
    try:
        cleared = service.remove_section(section, request.form.get("version"), current_user)
    except VersionConflict as error:
        form = SectionForm(formdata=None, obj=error.current, prefix=_prefix(section))
        conflict = editing.conflict_for(form, error.current, SECTION_LABELS)
        return _page(cycle, forms={section.id: form}, conflict=conflict)
    return _back(cycle, "#contents", cleared)


@bp.post("/<int:cycle_id>/sign-off")
@role_required("admin")
def sign_off(cycle_id):
    cycle, report = _report(cycle_id)
    form = SignOffForm()
    if report is None:
        return _back(cycle)
    if not ready_to_save(form):
        return _page(cycle, sign=form)
    data = values(form, ("partner", "name", "job_title", "signed_on"))
    if not service.sign_off(report, data, form.seen.data, current_user):
        flash("The report changed since you opened it: read it again before signing.", "info")
        return _back(cycle, "#sign-off")
    flash(f"Signed off for {rules.PARTNERS[data['partner']]} by {data['name']}", "success")
    return _back(cycle, "#sign-off")


@bp.post("/<int:cycle_id>/dates")
@role_required("admin")
def dates(cycle_id):
    cycle, report = _report(cycle_id)
    if report is None:
        return _back(cycle)
    signed = rules.state(queries.sign_offs(report)) == "signed"
    form = DatesForm(report=report, signed_off=signed)
    if not ready_to_save(form):
        return _page(cycle, dates=form)

    def write(obj, version, data, summary):
        service.save_dates(obj, version, data, current_user)

    conflict = editing.save_form(report, form, DATES_LABELS, write=write)
    if conflict:
        return _page(cycle, dates=form, conflict=conflict)
    return _back(cycle, "#publication")


@bp.get("/<int:cycle_id>/pdf")
@role_required("admin")
def pdf(cycle_id):
    cycle, report = _report(cycle_id)
    if report is None:
        return _back(cycle)
    data = render_pdf("pdf/yearly_report.html", **queries.contents(report, date.today()))
    return pdf_response(document.accessible(data), f"Yearly report {cycle.name}.pdf")
