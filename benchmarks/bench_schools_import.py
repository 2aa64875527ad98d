"""Importing settings from the register at scale, printing figures (no asserts on time).

The time to preview and then import a register export of 3,000 settings (each run on a fresh
database, the file in the register's own columns with the extra ones it carries), against a
trivial baseline in the same run: reading the same file with csv.DictReader and nothing else.
Then a re-import of the same file with 300 changes and 30 closures.

Target: preview + import of 3,000 settings under 10 s (median of 3).
Run: .venv/bin/python benchmarks/bench_schools_import.py [--settings 3000] [--repeats 3]
"""

import argparse
import csv
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from qa import create_app  # noqa: E402
from qa.db import db  # noqa: E402
from qa.people.models import User  # noqa: E402
from qa.schools import importing  # noqa: E402
from qa.schools.models import Setting  # noqa: E402

COLUMNS = (
    "URN,LA (code),LA (name),EstablishmentNumber,EstablishmentName,TypeOfEstablishment (code),"
    "TypeOfEstablishment (name),EstablishmentTypeGroup (name),EstablishmentStatus (name),"
    "PhaseOfEducation (name),StatutoryLowAge,StatutoryHighAge,Street,Locality,Address3,Town,"
    "County (name),Postcode,TelephoneNum,HeadTitle (name),HeadFirstName,HeadLastName,"
    "DistrictAdministrative (name),Gender (name),ReligiousCharacter (name),SchoolCapacity"
).split(",")
KINDS = [
    ("Community school", "Primary"),
    ("Academy converter", "Secondary"),
    ("Other independent school", "Not applicable"),
    ("Local authority nursery school", "Nursery"),
    ("Further education", "16 plus"),
]
TOWNS = ["Northbrook Town", "Millbrook", "Riverside", "Ashgrove"]


def register(n, changed=0, closed=0):
    """A register export of `n` settings, the first `changed` with a new head, the next `closed`
    closed."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for i in range(n):
        kind, phase = KINDS[i % len(KINDS)]
        status = "Closed" if changed <= i < changed + closed else "Open"
        head = "Khan" if i < changed else "Lee"
        town = TOWNS[i % 4]
        writer.writerow(
            [
                200000 + i,
                "999",
                "Northbrook",
                1000 + i,
                f"Setting {i} School",
                "",
                kind,
                "",
                status,
                phase,
                "4",
                "11",
                f"{i} High Street",
                "",
                "",
                town,
                "Northshire",
                f"NB{i % 9 + 1} {i % 7 + 1}AA",
                "0160 000000",
                "Mrs",
                "Ann",
                head,
                town,
                "Mixed",
                "None",
                "420",
            ]  # fmt: skip
        )
    return out.getvalue().encode("cp1252")


def import_once(folder, data, n):
    """(seconds to preview and import `data`, settings after) on a fresh database."""
    app = create_app(
        {"DATABASE": str(Path(folder) / f"bench-{n}.db"), "SECRET_KEY": "bench", "TESTING": True}
    )
    with app.app_context(), app.test_request_context():
        db.connect(reuse_if_open=True)
        admin = User.create(email="admin@example.org", name="Admin", role="admin")
        started = time.perf_counter()
        _, plan, token = importing.preview(admin, data, "register.csv")
        importing.apply(admin, token, plan.fingerprint())
        took = time.perf_counter() - started
        return took, Setting.select().count(), app, admin


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settings", type=int, default=3000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    data = register(args.settings)
    baselines, imports = [], []
    with tempfile.TemporaryDirectory() as folder:
        for n in range(args.repeats):
            started = time.perf_counter()
            rows = list(csv.DictReader(io.StringIO(data.decode("cp1252"))))
            baselines.append(time.perf_counter() - started)
            took, count, app, admin = import_once(folder, data, n)
            imports.append(took)
            assert count == len(rows) == args.settings, (count, len(rows))
        again = register(args.settings, changed=args.settings // 10, closed=args.settings // 100)
        with app.app_context(), app.test_request_context():
            started = time.perf_counter()
            _, plan, token = importing.preview(admin, again, "register.csv")
            importing.apply(admin, token, plan.fingerprint())
            reimport = time.perf_counter() - started
            changes = (len(plan.changed), len(plan.closed))
    baseline, median = statistics.median(baselines), statistics.median(imports)
    print(f"load average while running: {os.getloadavg()[0]:.1f} (wall times grow with it)")
    print(
        f"baseline (csv.DictReader over the same {len(data) // 1024} KB file): median "
        f"{baseline * 1000:.0f} ms"
    )
    met = "PASS" if median < 10 else "MISS"
    print(
        f"preview + import of {args.settings:,} settings: median {median:.2f} s of "
        f"{args.repeats} ({', '.join(f'{t:.2f}' for t in imports)}), {median / baseline:.0f}× "
        f"baseline  [target < 10 s: {met}]"
    )
    print(f"re-import with {changes[0]} changed and {changes[1]} closed: {reimport:.2f} s")


if __name__ == "__main__":
    main()
