"""Real-browser fixtures.

The app served on 127.0.0.1, Debian's Chromium driven by Playwright, axe-core.
"""

import shutil
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from qa import create_app
from qa.db import db
from tests.conftest import PASSWORD, fresh_database

AXE = Path(__file__).with_name("vendor") / "axe-core-4.14.1.min.js"
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


@pytest.fixture
def live_app(tmp_path, migrated_database):
    """The app on a fresh database, served by a real HTTP server in a thread."""
    app = create_app(
        {
            "DATABASE": fresh_database(migrated_database, tmp_path / "qa.db"),
            "SECRET_KEY": "browser-test",
            "TESTING": False,
        }
    )
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    app.base_url = f"http://127.0.0.1:{server.server_port}"
    db.connect(reuse_if_open=True)
    yield app
    if not db.is_closed():
        db.close()
    server.shutdown()


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


def check_axe(page, name=None):
    """Run axe-core on the page as it is now: WCAG 2.0/2.1/2.2 A and AA, zero violations allowed."""
    if name:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    page.evaluate(AXE.read_text())
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
