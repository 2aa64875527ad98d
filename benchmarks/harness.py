"""Shared pieces for load and crash scripts.

Gunicorn on 127.0.0.1, a cookie-keeping visitor, a thread pool, and a ready survey. Every loop here
is bounded; nothing talks to anything but this machine.
"""

import http.client
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
VENV_BIN = Path(sys.executable).parent


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(target, env, chdir, workers=4, threads=2):
    port = free_port()
    process = subprocess.Popen(
        [
            str(VENV_BIN / "gunicorn"),
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--bind",
            f"127.0.0.1:{port}",
            "--chdir",
            str(chdir),
            "--log-level",
            "warning",
            "--preload",
            target,
        ],
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    for _ in range(300):  # up to 30 s to start
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return process, port
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("gunicorn did not start: " + process.stderr.read().decode()[-2000:])


def stop(process):
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=20)


def kill(process):
    """SIGKILL the whole server (master and workers) at once: no chance to tidy up."""
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=20)


class Visitor:
    """One browser: its own session cookie and form token; a fresh connection per request."""

    def __init__(self, port):
        self.port, self.cookie, self.token = port, "", ""

    def request(self, method, path, form=None, headers=None, timeout=60):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        body = urlencode(form, doseq=True) if form is not None else None
        sent = {"Cookie": self.cookie, **(headers or {})}
        if body is not None:
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        conn.request(method, path, body=body, headers=sent)
        response = conn.getresponse()
        data = response.read()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie" and value.startswith("session="):
                self.cookie = value.split(";", 1)[0]
        conn.close()
        found = re.search(rb'name="csrf_token" value="([^"]+)"', data)
        if found:
            self.token = found.group(1).decode()
        return response.status, data

    def post(self, path, form=None, **kwargs):
        return self.request("POST", path, {"csrf_token": self.token, **(form or {})}, **kwargs)


def run_parallel(jobs, clients=16):
    """Run callables on `clients` threads; returns (seconds, failures)."""
    jobs, lock, failures = list(jobs), threading.Lock(), []

    def worker():
        while True:
            with lock:
                if not jobs:
                    return
                job = jobs.pop()
            try:
                job()
            except Exception as error:  # noqa: BLE001 - counted and reported, never hidden
                failures.append(repr(error))

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    return time.perf_counter() - started, failures


def set_up_survey(database):
    """An open eight-question survey with one link; returns (code, survey id)."""
    from qa import create_app
    from qa.db import db
    from qa.surveys import builder
    from qa.surveys.models import Survey, SurveyLink

    app = create_app({"DATABASE": str(database), "SECRET_KEY": "bench"})
    with app.test_request_context(), db.connection_context():
        survey = builder.create_starter("8-12")
        Survey.update(status="open").where(Survey.id == survey.id).execute()
        return SurveyLink.create(survey=survey, label="School hall").code, survey.id


def answer_survey(visitor, code, marker):
    """A child's whole visit up to the Send screen, with `marker` as the free-text answer."""
    visitor.request("GET", f"/s/{code}")
    assert visitor.post(f"/s/{code}")[0] == 303
    assert visitor.post(f"/s/{code}/1", {"answer": "3", "go": "next"})[0] == 303
    assert visitor.post(f"/s/{code}/8", {"answer": marker, "go": "next"})[0] == 303


def send(visitor, code, timeout=60):
    """Press Send; True when the server acknowledged it (a redirect to the thank-you screen)."""
    status, _ = visitor.post(f"/s/{code}/send", timeout=timeout)
    return status == 303


# The bare baseline: one Flask endpoint that inserts one SQLite row, with the app's own pragmas and
# a
# connection per request, as a minimal app would. Served by gunicorn as `harness:bare_app`.
def _bare_app():
    from flask import Flask, request

    from qa.db import PRAGMAS

    app = Flask("bare")
    path = os.environ["BENCH_BARE_DB"]

    @app.post("/insert")
    def insert():
        con = sqlite3.connect(path, timeout=15, isolation_level=None)
        for name, value in PRAGMAS.items():
            con.execute(f"PRAGMA {name} = {value}")
        con.execute("BEGIN IMMEDIATE")
        con.execute("INSERT INTO item (key) VALUES (?)", (request.form["key"],))
        con.execute("COMMIT")
        con.close()
        return "ok"

    return app


if os.environ.get("BENCH_BARE_DB"):
    bare_app = _bare_app()


def start_bare(tmp, workers=4, threads=2):
    """The bare endpoint under gunicorn on a fresh file; returns (process, port, database path)."""
    database = Path(tmp) / "bare.db"
    con = sqlite3.connect(database)
    con.execute("PRAGMA journal_mode = wal")
    con.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE)")
    con.close()
    process, port = start_gunicorn(
        "harness:bare_app",
        {"BENCH_BARE_DB": str(database)},
        Path(__file__).parent,
        workers,
        threads,
    )
    return process, port, database
