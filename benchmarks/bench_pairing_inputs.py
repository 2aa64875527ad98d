"""Pairing against the database, printing figures (no asserts on time).

Solver inputs built from the demo cycle, the whole proposal (inputs, solve, explanations, swap
lists), and the preview page, each beside a baseline from the same run.

Targets: inputs under 50 ms in ten queries or fewer; the preview page under 300 ms. Baselines: one
query listing every
visitor-eligible person (what any people page pays) and a trivial signed-in page.
Run: .venv/bin/python benchmarks/bench_pairing_inputs.py [--repeats 7]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from qa import create_app  # noqa: E402
from qa.challenge.models import ChallengeEvent, Visitor  # noqa: E402
from qa.cycles.models import Cycle  # noqa: E402
from qa.db import db  # noqa: E402
from qa.demo import load  # noqa: E402
from qa.pairing import inputs, planning  # noqa: E402
from qa.people.models import Agency, Sector, User  # noqa: E402

TARGETS = {"inputs": 0.050, "preview page": 0.300}


def median(fn, repeats):
    """Median wall-clock and CPU seconds of fn(), and its last result."""
    walls, cpus, result = [], [], None
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        result = fn()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus), result


def queries_of(fn):
    real, count = db.obj.execute_sql, [0]

    def counted(*args, **kwargs):
        count[0] += 1
        return real(*args, **kwargs)

    db.obj.execute_sql = counted
    try:
        fn()
    finally:
        db.obj.execute_sql = real
    return count[0]


def signed_in(app, user):
    client = app.test_client()
    with client.session_transaction() as session:
        session.update({"_user_id": user.session_token, "_fresh": True, "seen": time.time()})
    return client


def get(client, path):
    def fetch():
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        return response

    return fetch


def line(name, wall, cpu, extra=""):
    target = TARGETS.get(name)
    verdict = (
        ""
        if target is None
        else f"  target {target * 1000:.0f} ms: wall {'PASS' if wall <= target else 'MISS'}, "
        f"CPU {'PASS' if cpu <= target else 'MISS'}"
    )
    print(f"  {name:<28} {wall * 1000:8.1f} ms wall {cpu * 1000:8.1f} ms CPU{extra}{verdict}")


def measure(cycle, label, base_wall, repeats):
    data, plan = inputs.build(cycle), planning.propose(cycle)
    print(
        f"Demo cycle {cycle.name}, {label}: {len(data.events)} event(s) to pair, "
        f"{len(data.people)} people; {len(plan.paired)} paired, "
        f"solver {plan.proposal.status} in {plan.proposal.solve_seconds * 1000:.1f} ms"
    )
    wall, cpu, _ = median(lambda: inputs.build(cycle), repeats)
    line(
        "inputs",
        wall,
        cpu,
        f" ({queries_of(lambda: inputs.build(cycle))} queries, {wall / base_wall:.0f}x baseline)",
    )
    wall, cpu, _ = median(lambda: planning.propose(cycle), repeats)
    line(
        "proposal, explained",
        wall,
        cpu,
        f" ({queries_of(lambda: planning.propose(cycle))} queries)",
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        app = create_app(
            {"DATABASE": os.path.join(folder, "bench.db"), "SECRET_KEY": "bench", "TESTING": True}
        )
        with app.app_context():
            db.connect(reuse_if_open=True)
            load("benchmark password")
            cycle = Cycle.get(Cycle.name == "2026-27")
            admin = User.get(User.role == "admin")
            print(
                f"CPUs: {os.cpu_count()}, load average: "
                f"{', '.join(f'{x:.1f}' for x in os.getloadavg())}"
            )

            def everyone():
                return list(
                    User.select(User, Agency, Sector)
                    .join(Agency)
                    .join(Sector)
                    .where(User.role.in_(inputs.VISITING_ROLES))
                )

            base_wall, base_cpu, _ = median(everyone, args.repeats)
            line("baseline: people query", base_wall, base_cpu)
            measure(cycle, "as loaded", base_wall, args.repeats)
            with db.atomic() as transaction:
                Visitor.delete().where(
                    Visitor.event.in_(
                        ChallengeEvent.select(ChallengeEvent.id).where(
                            ChallengeEvent.cycle == cycle
                        )
                    )
                ).execute()
                measure(cycle, "every visitor removed", base_wall, args.repeats)
                transaction.rollback()
        client = signed_in(app, admin)
        home_wall, home_cpu, _ = median(get(client, "/"), args.repeats)
        line("baseline: home page", home_wall, home_cpu)
        wall, cpu, _ = median(get(client, f"/pairing/cycles/{cycle.id}"), args.repeats)
        line("preview page", wall, cpu, f" ({wall / home_wall:.1f}x baseline)")


if __name__ == "__main__":
    main()
