"""Real-browser fixtures.

The app served on 127.0.0.1, Debian's Chromium driven by Playwright, axe-core.
"""

import os
import shutil
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from qa import create_app
from qa.db import db, make_database, release_all
from tests.conftest import PASSWORD, fresh_database

AXE = Path(__file__).with_name("vendor") / "axe-core-4.14.1.min.js"
AXE_SOURCE = AXE.read_text()
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def chromium_path():
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("Debian's chromium is not installed: run `make test`, which installs it")
    return path


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
            ],
        )
        yield browser
        browser.close()


class InFlight:
    """The app, counting the requests it is answering, so that teardown can wait for those still
    running (an autosave the page sent as the test ended)."""

    def __init__(self, app):
        self.app, self.count, self.idle = app, 0, threading.Condition()

    def __call__(self, environ, start_response):
        with self.idle:
            self.count += 1
        response = None
        try:
            response = self.app(environ, start_response)
            yield from response
        finally:
            if hasattr(response, "close"):
                response.close()
            with self.idle:
                self.count -= 1
                self.idle.notify_all()

    def wait_until_idle(self, timeout):
        with self.idle:
            self.idle.wait_for(lambda: self.count == 0, timeout=timeout)


@pytest.fixture(scope="session")
def served_app(migrated_database, tmp_path_factory):
    """One served app per test process: building an app and compiling its templates again for
    every browser test cost about a second each. Each test points it at its own database."""
    database = fresh_database(migrated_database, tmp_path_factory.mktemp("served") / "qa.db")
    return create_app({"DATABASE": database, "SECRET_KEY": "browser-test", "TESTING": False})


@pytest.fixture
def live_app(app, served_app):
    """The app served by a real HTTP server in a thread, on the test's fresh database.

    It depends on `app` (whose database it serves), so it is set up after it and torn down before
    it: the server has stopped, and no request is still running, when `app` closes the database's
    connections. Closing a SQLite connection while a server thread uses it crashes the process.
    Settings a test changes (a short idle timeout) are put back afterwards.
    """
    settings = dict(served_app.config)
    release_all(db.obj)  # the served app opens its own pool on the same file
    served_app.config["DATABASE"] = app.config["DATABASE"]
    db.initialize(make_database(app.config["DATABASE"]))
    running = InFlight(served_app)
    server = make_server("127.0.0.1", 0, running, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    served_app.base_url = f"http://127.0.0.1:{server.server_port}"
    db.connect(reuse_if_open=True)
    yield served_app
    server.shutdown()
    running.wait_until_idle(timeout=10)
    if not db.is_closed():
        db.close()
    served_app.config.clear()
    served_app.config.update(settings)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        # the page fixture keeps what every tab showed when a test fails
        item.failed_call = report.failed
    return report


@pytest.fixture
def page(browser, live_app, request):
    context = browser.new_context(
        base_url=live_app.base_url, viewport={"width": 1280, "height": 900}, locale="en-GB"
    )
    page = context.new_page()
    errors = []
    page.on(
        "console",
        lambda msg: errors.append(f"{page.url}: {msg.text}") if msg.type == "error" else None,
    )
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.console_errors = errors
    yield page
    if getattr(request.node, "failed_call", False):
        ARTIFACTS.mkdir(exist_ok=True)
        for number, tab in enumerate(context.pages):
            stem = ARTIFACTS / f"failed-{request.node.name[:80]}-tab{number}"
            tab.screenshot(path=f"{stem}.png", full_page=True)
            Path(f"{stem}.html").write_text(f"<!-- {tab.url} -->\n" + tab.content())
    context.close()


def fill_date(page, legend, day):
    """Type a date into the GOV.UK date input whose legend is `legend`: day, month, year."""
    group = page.get_by_role("group", name=legend, exact=True)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def check_axe(page, name=None):
    """Run axe-core on the page as it is now: WCAG 2.0/2.1/2.2 A and AA, zero violations allowed.

    With QA_SCREENSHOTS=1 a named page is also kept as test-artifacts/<name>.png, to look at what
    the journeys saw; otherwise only failures leave files there.
    """
    if name and os.environ.get("QA_SCREENSHOTS") == "1":
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    # Judge the page as it settles, not mid-swap: an element htmx is still working on carries its
    # htmx-request class for a moment, and axe once caught the clicked link in that state.
    # (polled with evaluate: wait_for_function evaluates a string, which the CSP forbids)
    busy = "() => !!document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')"
    for _ in range(250):
        if not page.evaluate(busy):
            break
        page.wait_for_timeout(20)
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):  # gone after a full load
        page.evaluate(AXE_SOURCE)
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
    )
    problems = [
        f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
    ]
    assert problems == [], f"axe found accessibility problems on {page.url}:\n" + "\n".join(
        problems
    )


def sign_in(page, email, password=PASSWORD):
    page.goto("/sign-in")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/sign-in" not in url)
