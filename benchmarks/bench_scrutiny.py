"""Scrutiny theme benchmark, printing figures (no asserts on time).

The demo partnership, with one of its scrutiny themes citing up to PER_KIND records of every kind
of evidence (Section 11 standards and ratings, challenge findings, survey questions, case-audit
themes, indicators, review actions): the theme's page and its report PDF, with query counts,
against the review theme report's page and PDF over the same demo, the baselines measured in the
same run.

Run: .venv/bin/python benchmarks/bench_scrutiny.py   (BENCH_SCRUTINY_PER_KIND=20 sets the number)
"""

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PER_KIND = int(os.environ.get("BENCH_SCRUTINY_PER_KIND", "20"))

from bench_voices import timed  # noqa: E402  (median of five runs, and the queries of one)


def cite_many(theme):
    """Cite up to PER_KIND records of every kind; the number cited."""
    from qa.capability import evidence_kinds
    from qa.scrutiny import queries
    from qa.scrutiny.models import ScrutinyEvidence

    cited = 0
    for kind, source in evidence_kinds().items():
        have = queries.cited(theme, kind)
        for record_id, _ in source.choices_function()(theme.cycle)[:PER_KIND]:
            if record_id not in have:
                ScrutinyEvidence.create(theme=theme, kind=kind, source_id=record_id)
        cited += len(source.choices_function()(theme.cycle)[:PER_KIND])
    return cited


def main():
    os.environ.setdefault("QA_INSTANCE", tempfile.mkdtemp())
    from qa import create_app
    from qa.db import db
    from qa.demo import load
    from qa.people.models import User
    from qa.scrutiny.models import ScrutinyTheme
    from qa.security import hash_password

    path = Path(tempfile.mkdtemp()) / "bench.db"
    app = create_app(
        {"DATABASE": str(path), "SECRET_KEY": "bench", "TESTING": True, "WTF_CSRF_ENABLED": False}
    )
    db.connect(reuse_if_open=True)
    started = time.perf_counter()
    with app.test_request_context():
        load("bench password 1")
        theme = ScrutinyTheme.get(ScrutinyTheme.status == "reported")
        with db.atomic():
            cited = cite_many(theme)
        admin = User.select().where(User.role == "admin").first()
        User.update(password_hash=hash_password("bench password 1")).where(
            User.id == admin.id
        ).execute()
    print(f"loaded the demo and cited {cited} records in {time.perf_counter() - started:.1f} s")

    client = app.test_client()
    signed = client.post("/sign-in", data={"email": admin.email, "password": "bench password 1"})
    assert signed.status_code == 302

    rows = [
        ("baseline: the review theme report page", "/reviews/report", None),
        ("the scrutiny theme's page", f"/scrutiny/{theme.id}", "/reviews/report"),
        ("baseline: the review theme report PDF", "/reviews/report.pdf", None),
        ("the scrutiny report PDF", f"/scrutiny/{theme.id}/report.pdf", "/reviews/report.pdf"),
    ]
    baselines = {}
    for label, url, against in rows:
        wall, cpu, queries = timed(lambda url=url: client.get(url))
        baselines[url] = wall
        ratio = f"  ×{wall / baselines[against]:5.1f} baseline" if against else ""
        print(f"{label:<42} wall {wall:8.1f} ms  cpu {cpu:8.1f} ms  {queries:3d} q{ratio}")
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
