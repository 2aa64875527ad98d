"""Building the board's PDF in a background thread, one step at a time.

So the page can show how far it has got.
"""

import threading
import traceback
from datetime import datetime

from flask import current_app

from qa.db import db
from qa.documents import Document
from qa.pdf import render_pdf
from qa.reports import annual
from qa.reports.models import ReportBuild

RUNNING = {}  # build id -> thread, so tests (and a shutting-down server) can wait for one


def start(cycle, user):
    """Start building the cycle's report, or return the build already under way in this process (a
    second click or a
    colleague asking at the same time waits for the same one, instead of doubling the work)."""
    running = (
        ReportBuild.select()
        .where(
            (ReportBuild.cycle == cycle)
            & (ReportBuild.status == "building")
            & ReportBuild.id.in_(list(RUNNING) or [0])
        )
        .first()
    )
    if running is not None:
        return running
    build = ReportBuild.create(cycle=cycle, requested_by=user.id, steps=len(annual.steps()) + 1)
    app = current_app._get_current_object()
    thread = threading.Thread(
        target=_run, args=(app, build.id), daemon=True, name=f"report-build-{build.id}"
    )
    RUNNING[build.id] = thread
    thread.start()
    return build


def _step(build_id, step, label):
    ReportBuild.update(step=step, label=label).where(ReportBuild.id == build_id).execute()


def _run(app, build_id):
    # A request context of its own: the templates read the partnership's name and no signed-in
    # person.
    with app.test_request_context(), db.connection_context():
        build = ReportBuild.get_by_id(build_id)
        try:
            data = annual.build(
                build.cycle, progress=lambda step, label: _step(build_id, step, label)
            )
            _step(build_id, build.steps, "Laying out the PDF")
            pdf = render_pdf("pdf/annual_report.html", **data)
            with db.atomic("IMMEDIATE"):
                document = Document.create(
                    filename=filename(build.cycle),
                    content_type="application/pdf",
                    size=len(pdf),
                    data=pdf,
                    uploaded_by=build.requested_by_id,
                )
                ReportBuild.update(
                    status="done", document=document, finished_at=datetime.now(), label="Ready"
                ).where(ReportBuild.id == build_id).execute()
        except Exception:  # the page must say it failed rather than poll for ever
            app.logger.error("Board report %s failed:\n%s", build_id, traceback.format_exc())
            ReportBuild.update(
                status="failed",
                error="The report could not be made. Try again; if it fails again, tell the "
                "system administrator.",
                finished_at=datetime.now(),
            ).where(ReportBuild.id == build_id).execute()
        finally:
            RUNNING.pop(build_id, None)


def filename(cycle):
    return f"Safeguarding partnership QA report {cycle.name}.pdf"


def wait(build_id, timeout=120):
    thread = RUNNING.get(build_id)
    if thread:
        thread.join(timeout)
