"""Survey benchmarks, printing figures (no asserts on time).

Submissions per second under gunicorn against a bare one-row Flask insert in the same run, with lost
and duplicated responses counted afterwards; the first screen's bytes on the wire as served (gzip);
and the results page for a survey of 5,000 responses.

Run: .venv/bin/python benchmarks/bench_surveys.py   (127.0.0.1 only; every loop is bounded and stops
by itself); `... bench_surveys.py first-screen` prints the first screen's bytes alone.
"""

import gzip
import http.client
import os
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
VENV_BIN = Path(sys.executable).parent
WORKERS, THREADS, CLIENTS = 4, 2, 16
VISITS = int(os.environ.get("BENCH_VISITS", "600"))
DOUBLE_TAP_EVERY = 10  # every tenth visit sends twice at once, like a double tap
BARE_INSERTS = int(os.environ.get("BENCH_BARE", "3000"))
# Every visit comes from 127.0.0.1 at once, on one link: the survey send limits
# (qa.surveys.limits) are raised so that the benchmark measures speed, not the limits.
UNLIMITED_SENDS = {"QA_SURVEY_SENDS_PER_LINK": "1000000", "QA_SURVEY_SENDS_PER_ADDRESS": "1000000"}


# Helpers: the shared harness
# ------------------------------------------------------------------------------------
from harness import Visitor, set_up_survey, start_bare, start_gunicorn, stop  # noqa: E402
from harness import run_parallel as _run_parallel  # noqa: E402


def run_parallel(jobs, clients=CLIENTS):
    return _run_parallel(jobs, clients)


def submissions_against_bare(tmp, rounds=3):
    """Both servers up at once; bare inserts and survey submissions timed in alternating rounds, so
    a
    busy machine slows both alike and the ratio stays fair."""
    database = tmp / "qa.db"
    code, survey_id = set_up_survey(database)
    app_process, port = start_gunicorn(
        "app:app",
        {
            "QA_DATABASE": str(database),
            "QA_SECRET_KEY": "bench",
            "QA_INSTANCE": str(tmp),
            **UNLIMITED_SENDS,
        },
        ROOT,
        WORKERS,
        THREADS,
    )
    bare_process, bare_port, _ = start_bare(tmp, WORKERS, THREADS)
    figures = {"bare_seconds": 0.0, "bare_count": 0, "send_seconds": 0.0, "sends": 0}
    try:
        visitors = [Visitor(port) for _ in range(VISITS)]

        def prepare(v):
            def job():
                v.request("GET", f"/s/{code}")
                assert v.post(f"/s/{code}")[0] == 303
                assert v.post(f"/s/{code}/1", {"answer": "3", "go": "next"})[0] == 303
                assert (
                    v.post(f"/s/{code}/6", {"answer": ["A teacher", "A friend"], "go": "next"})[0]
                    == 303
                )
                assert (
                    v.post(f"/s/{code}/8", {"answer": "Thank you for asking", "go": "next"})[0]
                    == 303
                )

            return job

        seconds, figures["failures"] = run_parallel([prepare(v) for v in visitors])
        figures["screens_per_second"] = VISITS * 5 / seconds

        def insert(n):
            def job():
                assert Visitor(bare_port).request("POST", "/insert", {"key": f"k{n}"})[0] == 200

            return job

        def send(v):
            def job():
                status, _ = v.post(f"/s/{code}/send")
                assert status == 303, status

            return job

        per_round, bare_per_round = VISITS // rounds, BARE_INSERTS // rounds
        for r in range(rounds):
            seconds, failures = run_parallel(
                [insert(n) for n in range(r * bare_per_round, (r + 1) * bare_per_round)]
            )
            figures["bare_seconds"] += seconds
            figures["bare_count"] += bare_per_round
            figures["failures"] += failures
            chunk = visitors[r * per_round : (r + 1) * per_round]
            jobs = [send(v) for v in chunk] + [send(v) for v in chunk[::DOUBLE_TAP_EVERY]]
            seconds, failures = run_parallel(jobs)
            figures["send_seconds"] += seconds
            figures["sends"] += len(jobs)
            figures["failures"] += failures
        figures["visits_sent"] = per_round * rounds
    finally:
        stop(app_process)
        stop(bare_process)
    con = sqlite3.connect(database)
    figures["responses"], figures["distinct"] = con.execute(
        "SELECT (SELECT COUNT(*) FROM response WHERE survey_id = ?), "
        "(SELECT COUNT(*) FROM sent_visit)",
        (survey_id,),
    ).fetchone()
    figures["answers"] = con.execute("SELECT COUNT(*) FROM answer").fetchone()[0]
    con.close()
    return figures


# 2. First screen size
# -------------------------------------------------------------------------------------------
RESOURCE = re.compile(rb'<(?:link|script|img)\b[^>]*?\b(?:href|src)="(/[^"]+)"')
CSS_URL = re.compile(rb'url\(["\']?(/[^"\')]+)')


def served(port, path):
    """(header bytes, body bytes as sent, body as read) of one GET asking for gzip, as a browser
    does; the body's bytes are those on the wire (compressed, before any chunk framing)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("GET", path, headers={"Accept-Encoding": "gzip"})
    response = conn.getresponse()
    sent = response.read()
    headers = sum(len(f"{name}: {value}\r\n") for name, value in response.getheaders())
    encoding = response.getheader("Content-Encoding", "")
    conn.close()
    return (
        headers + len(f"HTTP/1.1 {response.status} {response.reason}\r\n\r\n"),
        sent,
        (gzip.decompress(sent) if encoding == "gzip" else sent),
        encoding,
    )


def first_screen(tmp):
    """Every resource a browser loads for a child's first screen, from the real server (gunicorn),
    asking for gzip: the page, then what it links (stylesheets, icon, scripts, images), then what
    the stylesheets link."""
    database = tmp / "size.db"
    code, _ = set_up_survey(database)
    process, port = start_gunicorn(
        "app:app",
        {"QA_DATABASE": str(database), "QA_SECRET_KEY": "bench", "QA_INSTANCE": str(tmp)},
        ROOT,
        1,
        1,
    )
    try:
        rows, queue, seen = [], [f"/s/{code}"], set()
        while queue:
            path = queue.pop(0)
            if path in seen:
                continue
            seen.add(path)
            headers, sent, data, encoding = served(port, path)
            name = "HTML" if path.startswith("/s/") else path.rsplit("/", 1)[-1]
            rows.append((name, len(data), len(sent), headers, encoding or "none"))
            links = RESOURCE.findall(data) if name == "HTML" else CSS_URL.findall(data)
            queue += [link.decode().split("?")[0] for link in links]
    finally:
        stop(process)
    return rows


# 3. Results page with 5,000 responses
# -----------------------------------------------------------------------------
def results_page(tmp):
    import random

    from qa import create_app
    from qa.db import db
    from qa.people.models import User
    from qa.security import hash_password
    from qa.surveys import builder
    from qa.surveys.models import Answer, Question, Response, SurveyLink

    database = tmp / "results.db"
    app = create_app({"DATABASE": str(database), "SECRET_KEY": "bench", "WTF_CSRF_ENABLED": False})
    rng = random.Random(5000)
    with app.test_request_context(), db.connection_context():
        survey = builder.create_starter("13-17")
        links = [SurveyLink.create(survey=survey, label=f"Setting {n}") for n in range(6)]
        questions = list(Question.select().where(Question.survey == survey))
        from qa.surveys import kinds

        with db.atomic():
            for n in range(5000):
                response = Response.create(survey=survey, link=rng.choice(links), age_band="13-17")
                rows = []
                for q in questions:
                    options = [v for v, _ in kinds.choices(q.kind, q.option_list)] or [
                        "Some words about my school"
                    ]
                    picks = (
                        rng.sample(options, k=min(2, len(options)))
                        if q.kind == "choose_many"
                        else [rng.choice(options)]
                    )
                    rows += [
                        {"response": response, "question": q, "value": v}
                        for v in picks
                        if rng.random() > 0.1
                    ]
                Answer.insert_many(rows).execute()
        User.create(
            email="bench@example.org",
            name="Bench",
            role="admin",
            password_hash=hash_password("bench password 123"),
        )
        survey_id = survey.id
    client = app.test_client()
    client.post("/sign-in", data={"email": "bench@example.org", "password": "bench password 123"})
    times = []
    for _ in range(25):
        started = time.perf_counter()
        response = client.get(f"/admin/surveys/{survey_id}/results")
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200 and b"5000 responses" in response.data
    return statistics.median(times), max(times)


def print_first_screen(tmp):
    rows = first_screen(tmp)
    print(
        "  first screen, every resource the browser loads, from gunicorn asking for gzip "
        "(bytes: unpacked / body on the wire / headers, encoding):"
    )
    for name, raw, wire, headers, encoding in rows:
        print(f"    {name:<32} {raw:8d} {wire:8d} {headers:6d}  {encoding}")
    wire, headers = sum(r[2] for r in rows), sum(r[3] for r in rows)
    print(
        f"    {'total':<32} {sum(r[1] for r in rows):8d} {wire:8d} {headers:6d}  "
        f"{len(rows)} requests; bodies on the wire {wire} bytes (target under 25 KB = 25600), "
        f"{wire + headers} with headers"
    )


def main():
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        if sys.argv[1:] == ["first-screen"]:
            print_first_screen(tmp)
            return
        print(
            f"Surveys benchmark on {os.cpu_count()} cores (load average {os.getloadavg()[0]:.1f} "
            f"before it starts); gunicorn --workers {WORKERS} --threads {THREADS}; {CLIENTS} "
            "concurrent clients"
        )
        result = submissions_against_bare(tmp)
        bare_rate, rate, sent = (
            result["bare_count"] / result["bare_seconds"],
            result["sends"] / result["send_seconds"],
            result["visits_sent"],
        )
        print(
            f"  bare Flask endpoint inserting one row: {bare_rate:7.1f} inserts/s "
            f"({result['bare_count']} inserts)"
        )
        print(
            f"  survey submissions (POST /s/<code>/send): {rate:7.1f} submissions/s "
            f"({result['sends']} sends of {sent} visits, "
            f"every {DOUBLE_TAP_EVERY}th sent twice at once)"
        )
        print(
            f"  ratio to the bare baseline: {rate / bare_rate:.2f} (target at least 0.5; three "
            "alternating rounds)"
        )
        print(
            f"  errors: {len(result['failures'])}; responses stored: {result['responses']} for "
            f"{sent} visits sent; "
            f"lost: {sent - result['distinct']}; duplicated: "
            f"{result['responses'] - result['distinct']}; "
            f"answers: {result['answers']} (expected {sent * 4})"
        )
        print(
            f"  (preparing the visits ran {result['screens_per_second']:.1f} screens/s: start "
            "and three answers each)"
        )
        for failure in result["failures"][:5]:
            print(f"    error: {failure}")
        print_first_screen(tmp)
        median, worst = results_page(tmp)
        print(
            f"  results page, survey of 5,000 responses: median {median:.0f} ms, worst "
            f"{worst:.0f} ms of 25 (target median under 150 ms)"
        )


if __name__ == "__main__":
    main()
