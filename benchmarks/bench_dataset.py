"""The data set at scale, printing figures (no asserts on time).

The scorecard for 60 indicators × 12 quarters × 10 localities with England, regional and
statistical-neighbour comparators, against a trivial page in the same run, with its SQL count;
and the board's highlight PDF against the Section 11 cycle PDF made in the same run.

Targets: scorecard median under 150 ms with a bounded number of queries.
Run: .venv/bin/python benchmarks/bench_dataset.py [--indicators 60] [--repeats 30]
"""

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_section11 import build as build_section11  # noqa: E402
from bench_section11 import built_pdf, count_queries, signed_in, timed  # noqa: E402

from qa import create_app  # noqa: E402
from qa.dataset import rules  # noqa: E402
from qa.dataset.models import Comparator, Figure, Indicator, Locality  # noqa: E402
from qa.db import db  # noqa: E402

QUARTERS, LOCALITIES = 12, 10


def build(n_indicators, rng):
    """Indicators by locality, every quarter's figures for the area and each locality, and three
    comparators a quarter."""
    periods = rules.recent(rules.last_closed(date.today()), QUARTERS)
    with db.atomic():
        places = [Locality.create(name=f"Locality {n}", position=n) for n in range(LOCALITIES)]
        for n in range(n_indicators):
            ind = Indicator.create(
                code=f"indicator-{n}",
                name=f"Indicator {n}",
                definition="Counted for the benchmark.",
                unit=("count", "rate", "percent", "days")[n % 4],
                polarity=("higher", "lower", "neither")[n % 3],
                target=50.0 if n % 3 != 2 else None,
                tolerance=5.0,
                cohort=f"Cohort {n % 6}",
                by_locality=True,
                position=n,
            )
            rows = [
                {"indicator": ind.id, "period": p, "locality": place, "value": rng.uniform(20, 80)}
                for p in periods
                for place in [None, *(loc.id for loc in places)]
            ]
            Figure.insert_many(rows).execute()
            Comparator.insert_many(
                [
                    {
                        "indicator": ind.id,
                        "period": p,
                        "area": area,
                        "value": rng.uniform(20, 80),
                        "source": "Benchmark statistics",
                    }
                    for p in periods
                    for area in ("england", "region", "neighbours")
                ]  # fmt: skip
            ).execute()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--indicators", type=int, default=60)
    parser.add_argument("--agencies", type=int, default=200, help="for the Section 11 PDF")
    parser.add_argument("--repeats", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        app = create_app(
            {"DATABASE": str(Path(folder) / "bench.db"), "SECRET_KEY": "bench", "TESTING": True}
        )
        with app.app_context():
            db.connect(reuse_if_open=True)
            started = time.perf_counter()
            admin, _ = build_section11(args.agencies, random.Random(11))
            build(args.indicators, random.Random(19))
            print(
                f"data: {args.indicators} indicators × {QUARTERS} quarters × {LOCALITIES} "
                f"localities = {Figure.select().count()} figures, "
                f"{Comparator.select().count()} comparators; Section 11: {args.agencies} "
                f"agencies (built in {time.perf_counter() - started:.1f} s)"
            )
            client = signed_in(app, admin)
            client.get("/data-set")  # warm the template cache before timing
            baseline, baseline_cpu, _ = timed(client, "/admin/cycles", args.repeats)
            card, card_cpu, response = timed(client, "/data-set", args.repeats)
            place = Locality.select().first().id
            local, _, _ = timed(client, f"/data-set?locality={place}", max(args.repeats // 3, 3))
            queries = count_queries(client, "/data-set")
            indicator, _, _ = timed(client, "/data-set/indicators/1", max(args.repeats // 3, 3))
            highlight, highlight_cpu, pdf = timed(client, "/data-set/highlight.pdf", 3)
            s11_time, s11_cpu, s11 = built_pdf(client, "/section11/report.pdf")
    print(
        f"load average while running: {os.getloadavg()[0]:.1f} (wall times grow with it; CPU "
        "times much less)"
    )
    print(
        f"baseline (the cycles list, a trivial page): median {baseline * 1000:.1f} ms wall, "
        f"{baseline_cpu * 1000:.1f} ms CPU"
    )
    met = "PASS" if card < 0.15 else "MISS"
    print(
        f"scorecard ({len(response.data) // 1024} KB): median {card * 1000:.1f} ms wall, "
        f"{card_cpu * 1000:.1f} ms CPU, {card / baseline:.1f}× baseline, {queries} SQL queries  "
        f"[target < 150 ms: {met}]"
    )
    print(f"scorecard for one locality: median {local * 1000:.1f} ms")
    print(f"one indicator's page: median {indicator * 1000:.1f} ms")
    print(
        f"highlight PDF ({len(pdf.data) // 1024} KB): median {highlight:.2f} s wall, "
        f"{highlight_cpu:.2f} s CPU; Section 11 cycle PDF ({len(s11.data) // 1024} KB): "
        f"{s11_time:.2f} s wall, {s11_cpu:.2f} s CPU; ratio {highlight / s11_time:.2f}"
    )


if __name__ == "__main__":
    main()
