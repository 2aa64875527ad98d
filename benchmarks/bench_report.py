"""The annual QA report to the board for 200 agencies, printing figures (no asserts on time).

Assembling its data and making its PDF, against the Section 11 cycle PDF (the nearest existing
report) made in the same run as a baseline.

Target: the whole PDF under 15 s for 200 agencies. The ratio to the baseline says how much the board
report adds
whatever the machine's speed; the load average says how busy the machine was.
Run: .venv/bin/python benchmarks/bench_report.py [--agencies 200] [--repeats 3]
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_section11 import build as build_section11  # noqa: E402

from qa import create_app  # noqa: E402
from qa.actions.models import Action  # noqa: E402
from qa.db import db  # noqa: E402
from qa.pdf import render_pdf  # noqa: E402
from qa.reports import annual  # noqa: E402
from qa.section11 import export  # noqa: E402


def close_some_actions(cycle, rng):
    """A realistic register: a third of this cycle's actions done (some with impact reviewed), some
    overdue."""
    ids = [a.id for a in Action.select(Action.id).where(Action.cycle == cycle)]
    done = rng.sample(ids, len(ids) // 3)
    with db.atomic():
        Action.update(
            status="done",
            completed_at=datetime.now() - timedelta(days=30),
            impact="Audit shows the change has held",
        ).where(Action.id.in_(done)).execute()
        Action.update(impact_confirmed=True, impact_reviewed_at=datetime.now()).where(
            Action.id.in_(done[: len(done) // 4])
        ).execute()
        Action.update(due=date.today() - timedelta(days=10)).where(
            Action.id.in_(rng.sample(ids, len(ids) // 10))
        ).execute()


def timed(fn, repeats):
    times, cpus = [], []
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        times.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(times), statistics.median(cpus)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--agencies", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    path = Path(tempfile.mkdtemp()) / "bench.db"
    app = create_app(
        {"DATABASE": str(path), "TESTING": True, "SECRET_KEY": "bench", "SERVER_NAME": "localhost"}
    )
    with app.test_request_context(), db.connection_context():
        _, cycle = build_section11(args.agencies, random.Random(8))
        close_some_actions(cycle, random.Random(9))
        data_wall, _ = timed(lambda: annual.build(cycle), args.repeats)
        report_wall, report_cpu = timed(
            lambda: render_pdf("pdf/annual_report.html", **annual.build(cycle)), args.repeats
        )
        base_wall, base_cpu = timed(
            lambda: render_pdf("pdf/section11_cycle.html", **export.report(cycle, date.today())),
            args.repeats,
        )
        size = len(render_pdf("pdf/annual_report.html", **annual.build(cycle)))
    print(
        f"{args.agencies} agencies, {args.repeats} repeats, load average {os.getloadavg()[0]:.1f}"
    )
    print(f"  report data (queries and assembly)  median {data_wall * 1000:8.0f} ms")
    print(
        f"  annual report PDF (data + layout)    median {report_wall:8.2f} s wall, "
        f"{report_cpu:.2f} s CPU, {size // 1024} KB  (target under 15 s)"
    )
    print(
        f"  baseline: Section 11 cycle PDF       median {base_wall:8.2f} s wall, {base_cpu:.2f} "
        "s CPU"
    )
    print(
        f"  ratio to baseline                    {report_wall / base_wall:8.2f}x wall, "
        f"{report_cpu / base_cpu:.2f}x CPU"
    )
    print(
        f"  verdict: {'within' if report_wall < 15 else 'OVER'} the 15 s target on wall time; "
        f"{'within' if report_cpu < 15 else 'OVER'} on CPU time"
    )


if __name__ == "__main__":
    main()
