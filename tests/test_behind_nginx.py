"""qa behind a real reverse proxy (issue 16): Debian's nginx runs deploy/nginx-qa.conf on loopback
in front of gunicorn, with qa's settings for it (https, proxy_count = 1). Through it, survey links
and QR codes carry the proxy's scheme and host, cookies are Secure, and sign-in throttling counts
each client's own address, not nginx's."""

import os
import shutil
import sqlite3
import subprocess

import pytest

from qa.db import db, make_database, release_all
from qa.surveys import qr
from tests.proxy_helpers import (
    HOST,
    NGINX,
    ROOT,
    VENV_BIN,
    Browser,
    free_port,
    start_gunicorn,
    start_nginx,
    stop,
)
from tests.survey_fixtures import make_survey

pytestmark = pytest.mark.skipif(NGINX is None, reason="nginx is not installed (make browser)")
ADMIN, PASSWORD = "manager@partnership.example", "kettle river orange"


@pytest.fixture(scope="module")
def proxied(tmp_path_factory):
    folder = tmp_path_factory.mktemp("behind-nginx")
    app_port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("QA_")}
    (folder / "qa.toml").write_text(
        f'https = true\nproxy_count = 1\nbind = "127.0.0.1:{app_port}"\n'
        "login_attempts_per_address = 3\n"
    )
    env["QA_INSTANCE"] = str(folder)
    flask = [str(VENV_BIN / "flask"), "--app", "app"]
    subprocess.run(flask + ["init"], cwd=ROOT, env=env, check=True, capture_output=True)
    subprocess.run(
        flask + ["create-admin", ADMIN],
        input=f"{PASSWORD}\n{PASSWORD}\n",
        text=True,
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    previous = db.obj
    database = make_database(str(folder / "qa.db"))
    db.initialize(database)
    with db.connection_context():
        make_survey()
    release_all(database)
    db.initialize(previous)
    env["QA_BIND"] = f"127.0.0.1:{app_port}"
    app = start_gunicorn(env)
    try:
        nginx, https_port, http_port, nginx_folder = start_nginx(app_port)
    except BaseException:
        stop(app)
        raise
    yield folder, https_port, http_port
    stop(nginx)
    stop(app)
    shutil.rmtree(nginx_folder, ignore_errors=True)


def test_survey_links_and_qr_codes_carry_the_proxys_scheme_and_host(proxied):
    folder, https_port, _ = proxied
    with sqlite3.connect(folder / "qa.db") as database:
        survey_id, link_id, code = database.execute(
            "SELECT survey_id, id, code FROM survey_link ORDER BY id LIMIT 1"
        ).fetchone()
    admin = Browser(https_port)
    status, headers, _, _ = admin.sign_in(ADMIN, PASSWORD)
    assert status == 302 and headers["Location"] in ("/", f"https://{HOST}/")
    _, _, page, _ = admin.get(f"/admin/surveys/{survey_id}/links")
    assert f"https://{HOST}/s/{code}" in page and f"http://{HOST}/s/" not in page
    status, _, _, svg = admin.get(f"/admin/surveys/links/{link_id}/qr.svg")
    assert status == 200 and svg == qr.svg(f"https://{HOST}/s/{code}")


def test_cookies_are_secure_and_edge_headers_are_sent_once(proxied):
    _, https_port, http_port = proxied
    visitor = Browser(https_port)
    status, headers, _, _ = visitor.get("/sign-in")
    session = [c for c in visitor.set_cookies if c.startswith("session=")]
    assert status == 200 and session and all("; Secure" in cookie for cookie in session)
    assert headers.get_all("Strict-Transport-Security") == ["max-age=31536000; includeSubDomains"]
    assert headers.get_all("X-Frame-Options") == ["DENY"]
    assert headers["Content-Security-Policy"]  # qa's own, passed through
    status, headers, _, _ = Browser(http_port, https=False).get("/sign-in")
    assert status == 301 and headers["Location"] == f"https://{HOST}/sign-in"


def test_sign_in_throttling_counts_each_clients_own_address(proxied):
    """login_attempts_per_address = 3: the fourth failure from one client is refused; another
    client, behind the same nginx, is not. A forged X-Forwarded-For changes nothing."""
    _, https_port, _ = proxied
    guesser = Browser(https_port, source="127.0.0.2")
    forged = {"X-Forwarded-For": "198.51.100.9"}  # nginx replaces it with the client's address
    for n in range(3):
        guesser.get("/sign-in")
        form = {"email": f"nobody{n}@example.org", "password": "wrong"}
        status, *_ = guesser.post("/sign-in", form, headers=forged if n else {})
        assert status == 200
    status, headers, text, _ = guesser.sign_in("nobody9@example.org", "wrong")
    assert status == 429 and "Too many" in text
    status, *_ = Browser(https_port, source="127.0.0.3").sign_in("nobody@example.org", "wrong")
    assert status == 200  # a wrong password, not refused
    status, *_ = guesser.sign_in(ADMIN, PASSWORD)
    assert status == 302  # and a right password still signs in from the busy address
