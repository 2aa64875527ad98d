"""Starting a PDF build in a background thread, one at a time for each person.

A request for a large PDF answers at once with the build's page instead of holding a server
thread (and the PDF lock) for as long as the PDF takes: sixteen requests at once from one person,
or one huge return, no longer keep everyone else waiting to sign in.
"""

import threading
import traceback
from datetime import datetime, timedelta

from flask import current_app

from qa.builds.models import PdfBuild
from qa.db import db
from qa.documents import Document

RUNNING = {}  # build id -> thread, so tests (and a shutting-down server) can wait for one
# A build still "building" this long after it started was left by a server that stopped (a PDF
# may take 120 s to lay out, after waiting for others' in the one-at-a-time PDF lock).
STALE_AFTER = timedelta(minutes=15)


def start(user, kind, key, title, make):
    """The person's build under way if there is one (whatever PDF it is: a person has one at a
    time, and asking again joins it), else a new build of `make()` -> PDF bytes, run in the
    background with an application and request context of its own.

    The look and the new build are one IMMEDIATE transaction, so two requests at once, even in two
    server processes, start one build between them."""
    with db.atomic("IMMEDIATE"):
        running = under_way(user)
        if running is not None:
            return running
        _forget_earlier(user, kind, key)
        build = PdfBuild.create(kind=kind, key=str(key), title=title, requested_by=user.id)
    app = current_app._get_current_object()
    thread = threading.Thread(
        target=_run, args=(app, build.id, make), daemon=True, name=f"pdf-build-{build.id}"
    )
    RUNNING[build.id] = thread
    thread.start()
    return build


def _forget_earlier(user, kind, key):
    """The person's earlier builds of this PDF, and their files, go: the new one replaces them, so
    asking again and again does not fill the database with copies."""
    earlier = PdfBuild.select(PdfBuild.id, PdfBuild.document).where(
        (PdfBuild.requested_by == user.id) & (PdfBuild.kind == kind) & (PdfBuild.key == str(key))
    )
    documents = [build.document_id for build in earlier if build.document_id]
    PdfBuild.delete().where(PdfBuild.id.in_([build.id for build in earlier] or [0])).execute()
    Document.delete().where(Document.id.in_(documents or [0])).execute()


def is_running(build):
    """Whether the build is being made now, by this server process or another (gunicorn runs
    several): one left "building" by a server that stopped is not, once STALE_AFTER has passed."""
    return build.status == "building" and (
        build.id in RUNNING or build.started_at > _stale_before()
    )


def under_way(user):
    """The person's build being made now, or None."""
    return (
        PdfBuild.select()
        .where(
            (PdfBuild.requested_by == user.id)
            & (PdfBuild.status == "building")
            & (PdfBuild.id.in_(list(RUNNING) or [0]) | (PdfBuild.started_at > _stale_before()))
        )
        .first()
    )


def _stale_before():
    return datetime.now() - STALE_AFTER


def _run(app, build_id, make):
    with app.test_request_context(), db.connection_context():
        build = PdfBuild.get_by_id(build_id)
        try:
            pdf = make()
            with db.atomic("IMMEDIATE"):
                document = Document.create(
                    filename=build.title,
                    content_type="application/pdf",
                    size=len(pdf),
                    data=pdf,
                    uploaded_by=build.requested_by_id,
                )
                PdfBuild.update(status="done", document=document, finished_at=datetime.now()).where(
                    PdfBuild.id == build_id
                ).execute()
        except Exception:  # the page must say it failed rather than poll for ever
            app.logger.error("PDF build %s failed:\n%s", build_id, traceback.format_exc())
            PdfBuild.update(
                status="failed",
                error="The PDF could not be made. Try again; if it fails again, tell the "
                "system administrator.",
                finished_at=datetime.now(),
            ).where(PdfBuild.id == build_id).execute()
        finally:
            RUNNING.pop(build_id, None)


def wait(build_id=None, timeout=120):
    """Wait for one build (or, with no id, every build running) to finish."""
    for found, thread in list(RUNNING.items()):
        if build_id in (None, found):
            thread.join(timeout)
