"""200 survey submissions at once against gunicorn with 4 workers.

Beside a bare Flask + SQLite insert endpoint in the same run, printing figures (no asserts on time):
throughput, p50/p95/p99 latency, the ratio to the bare endpoint, and afterwards the responses lost,
duplicated and the errors (all must be zero).

Each round answers AT_ONCE visits up to the Send screen, then every visit presses Send at the same
instant
(a tenth of them twice, like a double tap), and then as many bare inserts go at once. Rounds
alternate, so a
busy machine slows both alike. A short version runs in the test suite (tests/test_load.py).

Run: .venv/bin/python benchmarks/bench_load.py [ROUNDS]   (127.0.0.1 only; bounded loops; default 5
rounds)
"""

import os
import sqlite3
import sys
import tempfile
import threading
import time
from pathlib import Path

from harness import (
    ROOT,
    Visitor,
    answer_survey,
    run_parallel,
    set_up_survey,
    start_bare,
    start_gunicorn,
    stop,
)

WORKERS, THREADS = 4, 2
AT_ONCE = 200
DOUBLE_TAP_EVERY = 10


# Every visit comes from 127.0.0.1 at once, on one link: the survey send limits
# (qa.surveys.limits) are raised so that the benchmark measures speed, not the limits.
UNLIMITED_SENDS = {"QA_SURVEY_SENDS_PER_LINK": "1000000", "QA_SURVEY_SENDS_PER_ADDRESS": "1000000"}


def all_at_once(calls):
    """Start every call on its own thread at the same instant; returns (seconds, latencies in ms,
    failures)."""
    barrier, lock = threading.Barrier(len(calls)), threading.Lock()
    latencies, failures = [], []

    def run(call):
        barrier.wait(timeout=60)
        started = time.perf_counter()
        try:
            ok = call()
        except Exception as error:  # noqa: BLE001 - counted and reported, never hidden
            ok = repr(error)
        with lock:
            latencies.append((time.perf_counter() - started) * 1000)
            if ok is not True:
                failures.append(ok)

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    return time.perf_counter() - started, latencies, failures


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def concurrent_submissions(tmp, rounds=1, at_once=AT_ONCE, with_bare=True):
    """Both servers up together; returns the figures of `rounds` alternating rounds and the counts
    stored
    (the test suite leaves the bare endpoint out: it checks what was stored, not the speed)."""
    tmp = Path(tmp)
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
    bare_process, bare_port, bare_db = (
        start_bare(tmp, WORKERS, THREADS) if with_bare else (None, None, None)
    )
    figures = {
        "send": {"seconds": 0.0, "count": 0, "latencies": []},
        "bare": {"seconds": 0.0, "count": 0, "latencies": []},
        "failures": [],
        "visits": 0,
    }
    try:
        for round_number in range(rounds):
            visitors = [Visitor(port) for _ in range(at_once)]
            _, failures = run_parallel(
                [
                    lambda v=v, n=n: answer_survey(v, code, f"r{round_number}-v{n}")
                    for n, v in enumerate(visitors)
                ]
            )
            figures["failures"] += failures
            sends = [
                lambda v=v: (lambda s: s[0] == 303 or f"status not 303: {s[0]} {s[1][:300]!r}")(
                    v.post(f"/s/{code}/send")
                )
                for v in visitors
            ]
            sends += [
                lambda v=v: v.post(f"/s/{code}/send")[0] == 303 or "second tap not 303"
                for v in visitors[::DOUBLE_TAP_EVERY]
            ]
            inserts = [
                lambda n=n: (
                    Visitor(bare_port).request("POST", "/insert", {"key": f"r{round_number}-{n}"})[
                        0
                    ]
                    == 200
                    or "bare failed"
                )
                for n in range(len(sends))
            ]
            for name, calls in (("send", sends), ("bare", inserts))[: 2 if with_bare else 1]:
                seconds, latencies, failures = all_at_once(calls)
                figures[name]["seconds"] += seconds
                figures[name]["count"] += len(calls)
                figures[name]["latencies"] += latencies
                figures["failures"] += failures
            figures["visits"] += at_once
    finally:
        stop(app_process)
        if bare_process:
            stop(bare_process)
    with sqlite3.connect(database) as con:
        figures["responses"], figures["distinct"] = con.execute(
            "SELECT (SELECT COUNT(*) FROM response WHERE survey_id = ?), "
            "(SELECT COUNT(*) FROM sent_visit)",
            (survey_id,),
        ).fetchone()
        markers = {
            row[0] for row in con.execute("SELECT value FROM answer WHERE value LIKE 'r%-v%'")
        }
    figures["markers_missing"] = figures["visits"] - len(markers)
    if bare_db:
        with sqlite3.connect(bare_db) as con:
            figures["bare_rows"] = con.execute("SELECT COUNT(*) FROM item").fetchone()[0]
    return figures


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    print(
        f"Load benchmark on {os.cpu_count()} cores (load average {os.getloadavg()[0]:.1f} before "
        "it starts); "
        f"gunicorn --workers {WORKERS} --threads {THREADS}; {rounds} rounds of {AT_ONCE} visits "
        "sending at once "
        f"(every {DOUBLE_TAP_EVERY}th twice), each followed by as many bare inserts at once"
    )
    with tempfile.TemporaryDirectory() as folder:
        result = concurrent_submissions(folder, rounds)
    rates = {}
    for name, label in (
        ("bare", "bare Flask endpoint inserting one row"),
        ("send", "survey submissions (POST /s/<code>/send)"),
    ):
        part = result[name]
        rates[name] = part["count"] / part["seconds"]
        lat = part["latencies"]
        print(
            f"  {label}: {rates[name]:6.1f}/s; latency p50 {percentile(lat, 0.5):5.0f} ms, p95 "
            f"{percentile(lat, 0.95):5.0f} ms, "
            f"p99 {percentile(lat, 0.99):5.0f} ms ({part['count']} requests)"
        )
    print(
        f"  ratio to the bare baseline: {rates['send'] / rates['bare']:.2f} (target at least 0.5)"
    )
    print(
        f"  errors: {len(result['failures'])}; visits sent: {result['visits']}; responses "
        f"stored: {result['responses']}; "
        f"lost: {result['visits'] - result['distinct']} (answers missing: "
        f"{result['markers_missing']}); "
        f"duplicated: {result['responses'] - result['distinct']}"
    )
    for failure in result["failures"][:5]:
        print(f"    error: {failure}")


if __name__ == "__main__":
    main()
