"""Crash and backup safety under a write load, printing figures (no asserts on time).

1. Kill the server with SIGKILL in the middle of survey submissions, ROUNDS times (default 50):
after each
   kill, PRAGMA integrity_check must be ok and every submission the server acknowledged must be
stored.
2. Take `flask --app app backup` while submissions are being written: the copy passes
integrity_check,
   opens, and holds every submission acknowledged before the backup began.

Run: .venv/bin/python benchmarks/bench_crash.py [ROUNDS]   (127.0.0.1 only; bounded loops)
"""

import random
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from harness import (
    ROOT,
    VENV_BIN,
    Visitor,
    answer_survey,
    kill,
    send,
    set_up_survey,
    start_gunicorn,
)

CLIENTS = 8


# Every visit comes from 127.0.0.1 at once, on one link: the survey send limits
# (qa.surveys.limits) are raised so that the benchmark measures speed, not the limits.
UNLIMITED_SENDS = {"QA_SURVEY_SENDS_PER_LINK": "1000000", "QA_SURVEY_SENDS_PER_ADDRESS": "1000000"}


def _env(database, tmp):
    return {
        "QA_DATABASE": str(database),
        "QA_SECRET_KEY": "bench",
        "QA_INSTANCE": str(tmp),
        **UNLIMITED_SENDS,
    }


def _load(port, code, acknowledged, stop_at, lock, prefix):
    """Clients answering and sending until told to stop; acknowledged markers are collected."""

    def client(n):
        count = 0
        while time.monotonic() < stop_at[0] and count < 500:
            count += 1
            marker = f"{prefix}-{n}-{count}"
            visitor = Visitor(port)
            try:
                answer_survey(visitor, code, marker)
                if send(visitor, code, timeout=10):
                    with lock:
                        acknowledged.append((time.monotonic(), marker))
            except Exception:  # noqa: BLE001 - a request cut off by the kill is expected, and not acknowledged
                return

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    return threads


def stored_markers(database):
    con = sqlite3.connect(database, timeout=30)
    try:
        return {row[0] for row in con.execute("SELECT value FROM answer")}
    finally:
        con.close()


def integrity(database):
    con = sqlite3.connect(database, timeout=30)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()


def crash_rounds(rounds, tmp, seed=11):
    """Returns a list of (round, acknowledged, missing, integrity) after SIGKILLs mid-load."""
    rng = random.Random(seed)
    database = Path(tmp) / "crash.db"
    code, _ = set_up_survey(database)
    results = []
    for number in range(rounds):
        process, port = start_gunicorn("app:app", _env(database, tmp), ROOT, workers=2, threads=4)
        acknowledged, lock, stop_at = [], threading.Lock(), [time.monotonic() + 30]
        threads = _load(port, code, acknowledged, stop_at, lock, f"r{number}")
        deadline = time.monotonic() + 20
        while len(acknowledged) < 3 and time.monotonic() < deadline:  # let some writes land first
            time.sleep(0.05)
        time.sleep(rng.uniform(0.0, 0.4))  # then kill at a random moment, mid-write
        kill(process)
        stop_at[0] = 0
        for thread in threads:
            thread.join(timeout=30)
        stored = stored_markers(database)
        missing = [marker for _, marker in acknowledged if marker not in stored]
        results.append((number, len(acknowledged), len(missing), integrity(database)))
    return results


def backup_during_load(tmp):
    """Returns (acknowledged before the backup began, of those missing in the copy, copy integrity,
    exit code)."""
    database, copy = Path(tmp) / "live.db", Path(tmp) / "backup.db"
    code, _ = set_up_survey(database)
    process, port = start_gunicorn("app:app", _env(database, tmp), ROOT, workers=2, threads=4)
    acknowledged, lock, stop_at = [], threading.Lock(), [time.monotonic() + 60]
    try:
        threads = _load(port, code, acknowledged, stop_at, lock, "b")
        deadline = time.monotonic() + 30
        while len(acknowledged) < 10 and time.monotonic() < deadline:
            time.sleep(0.05)
        began = time.monotonic()
        with lock:
            before = [marker for at, marker in acknowledged if at <= began]
        done = subprocess.run(
            [str(VENV_BIN / "flask"), "--app", "app", "backup", str(copy)],
            cwd=ROOT,
            env={**_env(database, tmp), "PATH": str(VENV_BIN)},
            capture_output=True,
            text=True,
            timeout=120,
        )
        time.sleep(0.5)  # the load goes on after the backup too
    finally:
        stop_at[0] = 0
        kill(process)
    for thread in threads:
        thread.join(timeout=30)
    in_copy = stored_markers(copy)
    missing = [marker for marker in before if marker not in in_copy]
    return len(before), len(missing), integrity(copy), done.returncode


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        results = crash_rounds(rounds, tmp)
        seconds = time.perf_counter() - started
        acknowledged = sum(r[1] for r in results)
        missing = sum(r[2] for r in results)
        bad = [r for r in results if r[3] != "ok"]
        print(
            f"SIGKILL mid-write: {rounds} rounds in {seconds:.0f} s; {acknowledged} submissions "
            f"acknowledged, {missing} missing after the kills; "
            f"integrity_check ok in {rounds - len(bad)} of {rounds} rounds"
        )
    with tempfile.TemporaryDirectory() as tmp:
        before, missing, check, code = backup_during_load(tmp)
        print(
            f"backup during writes: exit {code}; copy integrity_check {check}; {before} "
            f"acknowledged before it began, {missing} missing in the copy"
        )


if __name__ == "__main__":
    main()
