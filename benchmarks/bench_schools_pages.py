"""Schools at scale, printing figures (no asserts on time).

The schools overview (completion by phase and locality, the non-returners) and the schools heatmap
(summaries first; and narrowed to one phase and locality, with each setting's rows) for 3,000
settings' returns in this cycle and the last, against a trivial page in the same run, with each
page's SQL count (bounded: the same for 300 settings as for 3,000).

Target: each page under 150 ms median with a bounded number of queries.
Run: .venv/bin/python benchmarks/bench_schools_pages.py [--settings 3000] [--repeats 20]
"""

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.bench_section11 import count_queries, signed_in, timed  # noqa: E402
from qa import create_app  # noqa: E402
from qa.cycles.models import Cycle  # noqa: E402
from qa.db import db  # noqa: E402
from qa.frameworks.models import Framework, Standard  # noqa: E402
from qa.people.models import Agency, Sector, User  # noqa: E402
from qa.schools.models import Chase, Setting  # noqa: E402
from qa.section11.models import Rating, Return  # noqa: E402

PHASES = ["Primary"] * 6 + ["Secondary"] * 2 + ["Nursery", "Special", "16 plus"]
LOCALITIES = ["North", "South", "East", "West", "Central", "Coast", "Valley", "Town"]
EVIDENCE = "Checked at the governors' safeguarding review; training logs and records seen."


def build(n, rng):
    """n settings on the schools framework, a return from four in five this cycle and from all last
    cycle, every standard rated, and a reminder for each non-returner."""
    framework = Framework.get(Framework.name == "Schools (Education Act 2002 s157/s175)")
    standards = list(Standard.select().where(Standard.framework == framework))
    today = date.today()
    with db.atomic():
        sector = Sector.create(name="Education", slug="education")
        Agency.insert_many(
            [
                {"name": f"School {k:04d}", "sector": sector.id, "framework": framework.id}
                for k in range(n)
            ]
        ).execute()
        agencies = list(Agency.select().order_by(Agency.id))
        Setting.insert_many(
            [
                {
                    "agency": a.id,
                    "urn": str(100000 + k),
                    "kind": "school",
                    "phase": rng.choice(PHASES),
                    "locality": rng.choice(LOCALITIES),
                    "head_email": f"head{k}@example.org",
                    "chair_email": f"chair{k}@example.org",
                }
                for k, a in enumerate(agencies)
            ]
        ).execute()
        last = Cycle.create(
            name="2025-26",
            starts=today - timedelta(days=565),
            ends=today - timedelta(days=201),
            deadline=today - timedelta(days=300),
        )
        this = Cycle.create(
            name="2026-27",
            starts=today - timedelta(days=200),
            ends=today + timedelta(days=165),
            deadline=today + timedelta(days=10),
        )
        for cycle, share in ((last, 1.0), (this, 0.8)):
            chosen = [a for a in agencies if rng.random() < share]
            for start in range(0, len(chosen), 500):
                Return.insert_many(
                    [
                        {
                            "agency": a.id,
                            "cycle": cycle.id,
                            "framework": framework.id,
                            "status": "submitted",
                            "submitted_at": datetime.now(),
                        }
                        for a in chosen[start : start + 500]
                    ]
                ).execute()
            ids = [r.id for r in Return.select(Return.id).where(Return.cycle == cycle)]
            rows = [
                {"return_": r, "standard": s.id, "rag": rng.choice("RAAGGGG"), "evidence": EVIDENCE}
                for r in ids
                for s in standards
            ]
            for start in range(0, len(rows), 500):
                Rating.insert_many(rows[start : start + 500]).execute()
        returned = {r.agency_id for r in Return.select().where(Return.cycle == this)}
        Chase.insert_many(
            [
                {"setting": s.id, "cycle": this.id, "stage": 1, "sent_on": today}
                for s in Setting.select()
                if s.agency_id not in returned
            ]
        ).execute()
        admin = User.create(
            email="admin@example.org", name="Bench Admin", role="admin", subgroup_member=True
        )
    return admin, framework


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settings", type=int, default=3000)
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as folder:
        app = create_app(
            {"DATABASE": str(Path(folder) / "bench.db"), "SECRET_KEY": "bench", "TESTING": True}
        )
        with app.app_context():
            db.connect(reuse_if_open=True)
            started = time.perf_counter()
            admin, framework = build(args.settings, random.Random(175))
            print(
                f"data: {args.settings} settings, {Return.select().count()} returns over two "
                f"cycles, {Rating.select().count()} ratings (built in "
                f"{time.perf_counter() - started:.1f} s)"
            )
            client = signed_in(app, admin)
            narrowed = f"/schools/heatmap?phase=Secondary&locality=North&framework={framework.id}"
            pages = [
                ("overview", "/schools/"),
                ("heatmap, summaries", "/schools/heatmap"),
                ("heatmap, one phase and locality", narrowed),
            ]
            for _, path in pages:
                client.get(path)  # warm the template cache before timing
            baseline, baseline_cpu, _ = timed(client, "/admin/cycles", args.repeats)
            for name, path in pages:
                wall, cpu, response = timed(client, path, args.repeats)
                results.append((name, wall, cpu, len(response.data), count_queries(client, path)))
    print(f"load average while running: {os.getloadavg()[0]:.1f} (wall times grow with it)")
    print(
        f"baseline (the cycles list, a trivial page): median {baseline * 1000:.1f} ms wall, "
        f"{baseline_cpu * 1000:.1f} ms CPU"
    )
    for name, wall, cpu, size, queries in results:
        verdict = "PASS" if wall < 0.15 else "MISS"
        print(
            f"{name} ({size // 1024} KB): median {wall * 1000:.1f} ms wall, {cpu * 1000:.1f} ms "
            f"CPU, {wall / baseline:.1f}× baseline, {queries} SQL queries  [target < 150 ms: "
            f"{verdict}]"
        )


if __name__ == "__main__":
    main()
