"""Time the pairing solver on realistic random instances against a greedy baseline run alongside
it."""

# Run: python benchmarks/bench_pairing.py [--repeats N] [--seed S] [--compare-full]
# Prints wall-clock medians and PASS/MISS against the targets; never fails on time (machines
# differ, and a busy machine inflates every figure, so the load average is printed too).

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from qa.pairing.data import Context, Event, Person  # noqa: E402
from qa.pairing.problem import greedy_assignment, prepare, score  # noqa: E402
from qa.pairing.solver import propose  # noqa: E402

SECTORS = [
    "health", "early-years", "police", "youth-justice", "probation",
    "childrens-social-care", "education", "housing", "voluntary",
]  # fmt: skip

# (name, events, candidates, agencies, days the events spread over, target seconds)
CASES = [
    ("usual: 5 events x 60 candidates", 5, 60, 20, 3, 0.050),
    ("large: 50 events x 300 candidates", 50, 300, 45, 25, 1.0),
    ("region: 200 events x 1,200 candidates", 200, 1200, 120, 60, 5.0),
]


def build_instance(n_events, n_people, n_agencies, n_days, rng):
    """A partnership-shaped instance: a few events a day, most people free, some busy or
    conflicted."""
    agencies = [(f"A{i}", rng.choice(SECTORS)) for i in range(n_agencies)]
    start = date(2027, 3, 1)
    days = [start + timedelta(days=7 * (d // 5) + d % 5) for d in range(n_days)]  # weekdays only
    people = [_person(pid, agencies, days, rng) for pid in range(n_people)]
    events = []
    for eid in range(n_events):
        agency_id, sector = rng.choice(agencies)
        events.append(Event(eid, agency_id, f"Agency {agency_id}", sector, rng.choice(days)))
    ids = [p.id for p in people]
    agency_ids = [a for a, _ in agencies]
    context = Context(
        never_pair=[tuple(rng.sample(ids, 2)) for _ in range(n_people // 10)],
        last_cycle_pairs=[tuple(rng.sample(ids, 2)) for _ in range(n_people // 5)],
        existing_peer_visits=[tuple(rng.sample(agency_ids, 2)) for _ in range(n_agencies // 2)],
    )
    return events, people, context


def _person(pid, agencies, days, rng):
    agency_id, sector = rng.choice(agencies)
    is_lead = rng.random() < 0.3
    is_peer = not is_lead or rng.random() < 0.5
    first_timer = rng.random() < 0.2
    return Person(
        id=pid,
        name=f"Person {pid}",
        agency_id=agency_id,
        sector=sector,
        is_lead_eligible=is_lead,
        is_peer_eligible=is_peer,
        max_visits=rng.choice([2, 2, 2, 3]),
        visits_this_cycle=rng.choice([0, 0, 0, 1, 1, 2]),
        visits_last_three_cycles=0 if first_timer else rng.randint(0, 5),
        previous_visits_total=0 if first_timer else rng.randint(1, 12),
        unavailable_dates=frozenset(d for d in days if rng.random() < 0.1),
        conflict_agency_ids=frozenset(rng.choice(agencies)[0] for _ in range(rng.randint(0, 2))),
        busy_dates=frozenset(d for d in days if rng.random() < 0.03),
        visited_agency_ids=frozenset(
            rng.choice(agencies)[0] for _ in range(0 if first_timer else rng.randint(0, 4))
        ),
    )


def median_seconds(fn, repeats, cpu=None):
    """Median wall-clock seconds (and, if a list is passed as cpu, median process CPU seconds)."""
    times, cpu_times = [], []
    for _ in range(repeats):
        started, started_cpu = time.perf_counter(), time.process_time()
        result = fn()
        times.append(time.perf_counter() - started)
        cpu_times.append(time.process_time() - started_cpu)
    if cpu is not None:
        cpu.append(statistics.median(cpu_times))
    return statistics.median(times), result


def run_case(
    name, n_events, n_people, n_agencies, n_days, target, repeats, seed, compare_full=False
):
    rng = random.Random(seed)
    instances = [build_instance(n_events, n_people, n_agencies, n_days, rng) for _ in range(3)]
    print(
        f"\n{name} (target {target * 1000:.0f} ms; median of {repeats} runs on each of "
        f"{len(instances)} instances)"
    )
    for number, (events, people, context) in enumerate(instances, start=1):
        prep_s, _ = median_seconds(lambda: prepare(events, people, context), repeats)
        greedy_s, greedy = median_seconds(
            lambda: greedy_assignment(events, people, context), repeats
        )
        cpu = []
        solve_s, proposal = median_seconds(lambda: propose(events, people, context), repeats, cpu)
        greedy_paired = sum(
            1 for lead, peer in greedy.values() if lead is not None and peer is not None
        )
        greedy_cost = sum(
            sum(items.values()) for items in score(events, people, context, greedy).values()
        )
        verdict = "PASS" if solve_s <= target else "MISS"
        if proposal.gap is None:
            gap = "gap unknown"
        else:
            gap = f"lower bound {proposal.lower_bound}, gap {proposal.gap:.2%}"
            verdict += ", within 1%" if proposal.gap <= 0.01 else ", gap OVER 1%"
        print(
            f"  #{number}: propose {solve_s * 1000:7.1f} ms (CPU {cpu[0] * 1000:6.1f} ms)  "
            f"[{verdict}]  {proposal.status}, "
            f"{proposal.paired_count}/{len(events)} paired, cost {proposal.total_cost}, {gap}"
            f" ({proposal.solver_status})\n"
            f"       baseline: candidate lists {prep_s * 1000:6.1f} ms, greedy "
            f"{greedy_s * 1000:6.1f} ms "
            f"({greedy_paired}/{len(events)} paired, cost {greedy_cost}); "
            f"propose/greedy = {solve_s / greedy_s:.1f}x"
        )
        if compare_full:
            full_s, full = median_seconds(
                lambda: propose(events, people, context, reduce=False), repeats
            )
            same = (full.paired_count, full.total_cost) == (
                proposal.paired_count,
                proposal.total_cost,
            )
            print(
                f"       full model, no pruning: {full_s * 1000:7.1f} ms, {full.status}, "
                f"cost {full.total_cost} ({'same optimum' if same else 'DIFFERENT OPTIMUM'})"
            )


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--only", help="run only the cases whose name starts with this")
    parser.add_argument("--seed", type=int, default=2027)
    parser.add_argument(
        "--compare-full", action="store_true", help="also time the unpruned model (slow)"
    )
    args = parser.parse_args()
    print(f"CPUs: {os.cpu_count()}, load average: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    for case in CASES:
        if args.only and not case[0].startswith(args.only):
            continue
        run_case(*case, repeats=args.repeats, seed=args.seed, compare_full=args.compare_full)


if __name__ == "__main__":
    main()
