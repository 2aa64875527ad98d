"""Reading children's written answers for disclosures, printing figures (no asserts on time).

The first read in a process (it loads the English word list, done at start-up by the app's warm-up),
then a short answer and a 1,000-character answer, the longest a child may write.

Target: a 1,000-character answer under 50 ms, so flagging adds little to a child's send.
Run: .venv/bin/python benchmarks/bench_disclosure.py [--repeats 50]
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from qa.surveys import disclosure  # noqa: E402

SHORT = "my uncle touches me at night and i want to kill my self"
LONG = (
    "i like school and my friends are nice but sometimes i feel sad at home when mum is out " * 12
)[:1000]


def timed(text, repeats):
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        disclosure.scan(text)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), max(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=50)
    repeats = parser.parse_args().repeats
    started = time.perf_counter()
    disclosure.load()
    print(f"first read (loads the word lists): {(time.perf_counter() - started) * 1000:.0f} ms")
    for name, text in (("short answer", SHORT), ("1,000-character answer", LONG)):
        median, worst = timed(text, repeats)
        print(f"{name}: median {median:.1f} ms, worst {worst:.1f} ms over {repeats}")


if __name__ == "__main__":
    main()
