"""Section 11 at scale, printing figures (no asserts on time).

The heatmap page and the board's cycle PDF for 200 agencies × 9 standards × 5 cycles, against a
trivial page rendered in the same run, with the heatmap's SQL count.

Targets: heatmap median under 100 ms with a bounded number of queries; cycle PDF under 15 s.
Run: .venv/bin/python benchmarks/bench_section11.py [--agencies 200] [--repeats 30]
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

from qa import create_app  # noqa: E402
from qa.actions.models import Action  # noqa: E402
from qa.builds import service as pdf_builds  # noqa: E402
from qa.cycles.models import Cycle  # noqa: E402
from qa.db import db  # noqa: E402
from qa.frameworks.models import Standard  # noqa: E402
from qa.people.models import Agency, Sector, User  # noqa: E402
from qa.section11.models import Rating, Return  # noqa: E402
from qa.section11.queries import section11_framework  # noqa: E402

CYCLES = 5
EVIDENCE = (
    "Policies were reviewed in the spring and signed off by the board; the quality committee "
    "sees a dashboard each quarter. " * 3
)


def build(n_agencies, rng):
    """Agencies, five yearly cycles ending with the current one, and a return with every standard
    rated in each."""
    framework = section11_framework()
    standards = list(
        Standard.select().where(Standard.framework == framework).order_by(Standard.position)
    )
    today = date.today()
    with db.atomic():
        sectors = [Sector.create(name=f"Sector {n}", slug=f"sector-{n}") for n in range(9)]
        Agency.insert_many(
            [{"name": f"Agency {n:03d}", "sector": sectors[n % 9].id} for n in range(n_agencies)]
        ).execute()
        agencies = list(Agency.select())
        cycles = []
        for back in range(CYCLES - 1, -1, -1):
            starts = today - timedelta(days=200 + 365 * back)
            cycles.append(
                Cycle.create(
                    name=f"{starts.year}-{str(starts.year + 1)[2:]}",
                    starts=starts,
                    ends=starts + timedelta(days=364),
                    deadline=starts + timedelta(days=270),
                )
            )
        for cycle in cycles:
            Return.insert_many(
                [
                    {
                        "agency": a.id,
                        "cycle": cycle.id,
                        "framework": framework.id,
                        "status": "submitted",
                        "submitted_at": datetime.now(),
                    }
                    for a in agencies
                ]
            ).execute()
            ids = {
                r.agency_id: r.id
                for r in Return.select(Return.id, Return.agency).where(Return.cycle == cycle)
            }
            rows = [
                {
                    "return_": ids[a.id],
                    "standard": s.id,
                    "rag": rng.choice("RAAGGG"),
                    "evidence": EVIDENCE,
                    "moderation_status": rng.choice(["", "agreed", "challenged"]),
                }
                for a in agencies
                for s in standards
            ]
            for start in range(0, len(rows), 500):
                Rating.insert_many(rows[start : start + 500]).execute()
            concerns = (
                Rating.select(Rating.id, Rating.standard, Return.agency)
                .join(Return)
                .where((Return.cycle == cycle) & Rating.rag.in_(["R", "A"]))
                .dicts()
            )
            actions = [
                {
                    "agency": c["agency"],
                    "cycle": cycle.id,
                    "source": "section11",
                    "source_id": c["id"],
                    "standard": c["standard"],
                    "description": "Audit twenty cases and report to the board",
                    "owner": "Head of quality",
                    "due": cycle.ends,
                }
                for c in concerns
            ]
            for start in range(0, len(actions), 500):
                Action.insert_many(actions[start : start + 500]).execute()
        admin = User.create(
            email="admin@example.org", name="Bench Admin", role="admin", subgroup_member=True
        )
    return admin, cycles[-1]


def signed_in(app, user):
    client = app.test_client()
    with client.session_transaction() as session:
        session.update({"_user_id": user.session_token, "_fresh": True, "seen": time.time()})
    return client


def timed(client, path, repeats):
    """Median wall-clock and CPU seconds of GET `path` (CPU time shows the cost when other work
    shares the machine)."""
    walls, cpus = [], []
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        response = client.get(path)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
        assert response.status_code == 200, (path, response.status_code)
    return statistics.median(walls), statistics.median(cpus), response


def built_pdf(client, path):
    """Wall and CPU seconds from asking for a PDF made in the background to its download (the
    build runs on a thread of this process, so its CPU time counts), and the download."""
    wall, cpu = time.perf_counter(), time.process_time()
    asked = client.get(path)
    assert asked.status_code == 303 and asked.location.startswith("/pdfs/"), asked.status_code
    pdf_builds.wait(int(asked.location.rsplit("/", 1)[-1]))
    response = client.get(f"{asked.location}/download")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    return time.perf_counter() - wall, time.process_time() - cpu, response


def count_queries(client, path):
    real, counter = db.obj.execute_sql, [0]

    def counted(*args, **kwargs):
        counter[0] += 1
        return real(*args, **kwargs)

    db.obj.execute_sql = counted
    try:
        client.get(path)
    finally:
        db.obj.execute_sql = real
    return counter[0]


def _verdict(met):
    return "PASS" if met else "MISS"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agencies", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        app = create_app(
            {"DATABASE": str(Path(folder) / "bench.db"), "SECRET_KEY": "bench", "TESTING": True}
        )
        with app.app_context():
            db.connect(reuse_if_open=True)
            started = time.perf_counter()
            admin, cycle = build(args.agencies, random.Random(11))
            print(
                f"data: {args.agencies} agencies × 9 standards × {CYCLES} cycles = "
                f"{Rating.select().count()} ratings, "
                f"{Action.select().count()} actions (built in "
                f"{time.perf_counter() - started:.1f} s)"
            )
            client = signed_in(app, admin)
            client.get("/section11/heatmap")  # warm the template cache before timing
            baseline, baseline_cpu, _ = timed(client, "/admin/cycles", args.repeats)
            heatmap, heatmap_cpu, response = timed(client, "/section11/heatmap", args.repeats)
            overview, _, _ = timed(client, "/section11/overview", max(args.repeats // 3, 3))
            queries = count_queries(client, "/section11/heatmap")
            csv_time, _, _ = timed(client, "/section11/export.csv", 3)
            pdf_time, pdf_cpu, pdf = built_pdf(client, "/section11/report.pdf")
    print(
        f"load average while running: {os.getloadavg()[0]:.1f} (wall times grow with it; CPU "
        "times much less)"
    )
    print(
        f"baseline (the cycles list, a trivial page): median {baseline * 1000:.1f} ms wall, "
        f"{baseline_cpu * 1000:.1f} ms CPU"
    )
    print(
        f"heatmap ({len(response.data) // 1024} KB): median {heatmap * 1000:.1f} ms wall, "
        f"{heatmap_cpu * 1000:.1f} ms CPU, "
        f"{heatmap / baseline:.1f}× baseline, {queries} SQL queries  [target < 100 ms: wall "
        f"{_verdict(heatmap < 0.1)}, CPU {_verdict(heatmap_cpu < 0.1)}]"
    )
    print(f"overview: median {overview * 1000:.1f} ms")
    print(f"ratings CSV: median {csv_time * 1000:.0f} ms")
    print(
        f"cycle PDF ({len(pdf.data) // 1024} KB): {pdf_time:.2f} s wall, {pdf_cpu:.2f} s CPU  "
        f"[target < 15 s: wall {_verdict(pdf_time < 15)}, CPU {_verdict(pdf_cpu < 15)}]"
    )


if __name__ == "__main__":
    main()
