"""Reporting to the board.

The cycle's report page and PDF, each event's PDF, and the agreed outcome an agency lead sees.
"""

from datetime import date

from flask import flash, redirect, url_for
from flask_login import current_user
from playhouse.flask_utils import get_object_or_404

from qa.challenge import access, bp, findings, report
from qa.cycles.models import Cycle
from qa.htmx import render
from qa.pdf import pdf_response, render_pdf
from qa.section11 import voices
from qa.security import role_required


@bp.get("/cycles/<int:cycle_id>/report")
@role_required("admin")
def report_page(cycle_id):
    cycle = get_object_or_404(Cycle, Cycle.id == cycle_id)
    reports = report.build(report.events_for_report(cycle))
    return render(
        "challenge/report.html", cycle=cycle, reports=reports, tables=report.summary_tables(reports)
    )


@bp.get("/cycles/<int:cycle_id>/report.pdf")
@role_required("admin")
def report_pdf(cycle_id):
    cycle = get_object_or_404(Cycle, Cycle.id == cycle_id)
    reports = report.build(report.events_for_report(cycle))
    data = render_pdf(
        "pdf/challenge_report.html",
        cycle=cycle,
        reports=reports,
        tables=report.summary_tables(reports),
        today=date.today(),
        voices=voices.for_reports(reports),
    )
    return pdf_response(data, f"Challenge events {cycle.name} report to the board.pdf")


@bp.post("/cycles/<int:cycle_id>/reported")
@role_required("admin")
def reported(cycle_id):
    cycle = get_object_or_404(Cycle, Cycle.id == cycle_id)
    count = findings.mark_reported(report.events_for_report(cycle), current_user)
    flash(
        f"{count} {'event is' if count == 1 else 'events are'} now marked as reported to the board",
        "success",
    )
    return redirect(url_for(".report_page", cycle_id=cycle.id))


@bp.get("/events/<int:event_id>/outcome")
@role_required()
def outcome(event_id):
    event = access.outcome_for(event_id)
    if event.status not in ("agreed", "reported"):
        return render("challenge/outcome_pending.html", event=event)
    return render("challenge/outcome.html", event=event, r=report.build([event])[0])


@bp.get("/events/<int:event_id>/report.pdf")
@role_required()
def event_pdf(event_id):
    event = access.outcome_for(event_id)
    if event.status not in ("agreed", "reported"):
        return render("challenge/outcome_pending.html", event=event)
    r = report.build([event])[0]
    data = render_pdf(
        "pdf/challenge_event.html",
        cycle=event.cycle,
        reports=[r],
        tables=report.summary_tables([r]),
        voices=voices.for_reports([r]),
    )
    return pdf_response(data, f"Challenge event {event.agency.name} {event.cycle.name}.pdf")
