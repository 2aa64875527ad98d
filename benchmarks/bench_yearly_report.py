"""Yearly report benchmark, printing figures (no asserts on time).

The whole demo partnership (loaded as `flask demo` does), then the yearly report's evidence, its
page and its PDF, with query counts; the board's annual report page over the same data is the
baseline measured in the same run (it gathers most of the same figures).

Run: .venv/bin/python benchmarks/bench_yearly_report.py
"""

import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench_voices import timed  # noqa: E402  (median of five runs, and the queries of one)


def main():
    os.environ.setdefault("QA_INSTANCE", tempfile.mkdtemp())
    from qa import create_app
    from qa import demo as whole_demo
    from qa.db import db
    from qa.people.models import User
    from qa.yearly_report import queries
    from qa.yearly_report.models import YearlyReport

    path = Path(tempfile.mkdtemp()) / "bench.db"
    app = create_app(
        {"DATABASE": str(path), "SECRET_KEY": "bench", "TESTING": True, "WTF_CSRF_ENABLED": False}
    )
    db.connect(reuse_if_open=True)
    started = time.perf_counter()
    _, password = whole_demo.load()
    print(f"built the demo in {time.perf_counter() - started:.1f} s")
    admin = User.select().where(User.role == "admin").order_by(User.id).first()
    c = app.test_client()
    response = c.post("/sign-in", data={"email": admin.email, "password": password})
    assert response.status_code == 302
    report = YearlyReport.get()
    cycle = report.cycle

    base, _, base_queries = timed(lambda: c.get(f"/reports/annual?cycle={cycle.id}"))
    print(
        f"{'baseline: the board annual report page':<44} wall {base:7.1f} ms  {base_queries:3d} q"
    )
    with app.test_request_context():
        wall, _, n = timed(lambda: queries.contents(report, date.today()))
    print(
        f"{'yearly report: evidence of every section':<44} wall {wall:7.1f} ms  {n:3d} q"
        f"  ×{wall / base:5.2f} baseline"
    )
    for label, url in [
        ("yearly report: its page", f"/yearly-report?cycle={cycle.id}"),
        ("yearly report: its PDF", f"/yearly-report/{cycle.id}/pdf"),
    ]:
        wall, _, n = timed(lambda url=url: c.get(url))
        print(f"{label:<44} wall {wall:7.1f} ms  {n:3d} q  ×{wall / base:5.2f} baseline")
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
