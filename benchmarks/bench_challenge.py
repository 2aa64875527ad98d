"""Challenge events, printing figures (no asserts on time).

The board's PDF for five agreed events, one event's PDF, the findings page and one autosave, each
against a baseline rendered in the same run.

Targets: the cycle's challenge report for 5 events under 3 s (so no progress page is needed);
findings page under 150 ms;
an autosave under 50 ms. Baselines: a one-page PDF through the same render_pdf (xhtml2pdf's fixed
cost) and a trivial page.
Run: .venv/bin/python benchmarks/bench_challenge.py [--repeats 5]
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
from qa.challenge.models import ChallengeEvent, Finding, Visitor  # noqa: E402
from qa.cycles.models import Cycle  # noqa: E402
from qa.db import db  # noqa: E402
from qa.demo import load  # noqa: E402
from qa.pdf import html_to_pdf  # noqa: E402
from qa.people.models import User  # noqa: E402

ONE_PAGE = "<html><body><h1>Baseline</h1><p>One page, one paragraph.</p></body></html>"


def signed_in(app, user):
    client = app.test_client()
    with client.session_transaction() as session:
        session.update({"_user_id": user.session_token, "_fresh": True, "seen": time.time()})
    return client


def median(fn, repeats):
    """Median wall-clock and CPU seconds of fn()."""
    walls, cpus = [], []
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def get(client, path):
    def fetch():
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        return response

    return fetch


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        app = create_app(
            {
                "DATABASE": str(Path(folder) / "bench.db"),
                "SECRET_KEY": "bench",
                "TESTING": True,
                "WTF_CSRF_ENABLED": False,
            }
        )
        db.connect(reuse_if_open=True)
        started = time.perf_counter()
        # only for building: requests below each need their own context (flask-login keeps the user
        # in g)
        with app.app_context():
            load("bench password 1")
        last = Cycle.get(Cycle.name == "2025-26")
        events = ChallengeEvent.select().where(ChallengeEvent.cycle == last).count()
        findings = Finding.select().join(ChallengeEvent).where(ChallengeEvent.cycle == last).count()
        print(
            f"data: the demo partnership, {events} agreed events in {last.name} with {findings} "
            f"findings (built in {time.perf_counter() - started:.1f} s)"
        )
        client = signed_in(app, User.get(User.role == "admin"))
        one = ChallengeEvent.select().where(ChallengeEvent.cycle == last).first()
        # warm fonts and templates before timing
        client.get(f"/challenge/cycles/{last.id}/report.pdf")
        pdf_base, _ = median(lambda: html_to_pdf(ONE_PAGE), args.repeats)
        page_base, _ = median(get(client, "/admin/cycles"), args.repeats * 4)
        report, report_cpu = median(
            get(client, f"/challenge/cycles/{last.id}/report.pdf"), args.repeats
        )
        single, _ = median(get(client, f"/challenge/events/{one.id}/report.pdf"), args.repeats)

        upcoming = (
            ChallengeEvent.select()
            .join(Visitor)
            .where(ChallengeEvent.status == "scheduled")
            .first()
        )
        visiting = signed_in(app, Visitor.get(Visitor.event == upcoming).user)
        findings_page, _ = median(
            get(visiting, f"/challenge/events/{upcoming.id}/findings"), args.repeats * 4
        )
        finding = Finding.select().where(Finding.event == upcoming).first()
        drafts = iter(range(10_000))

        def autosave():
            current = Finding.get_by_id(finding.id)
            response = visiting.post(
                f"/challenge/findings/{finding.id}/fields/evidence_seen",
                data={
                    "evidence_seen": f"Evidence seen, draft {next(drafts)}",
                    "base-evidence_seen": current.evidence_seen,
                    "version": current.version,
                },
                headers={"HX-Request": "true"},
            )
            assert response.status_code == 200 and b"Saved at" in response.data, (
                response.status_code
            )

        save, _ = median(autosave, args.repeats * 4)
        db.close()
    print(
        f"load average while running: {os.getloadavg()[0]:.1f} (wall times grow with it; CPU "
        "times much less)"
    )
    print(
        f"baseline one-page PDF: median {pdf_base * 1000:.0f} ms; baseline trivial page: median "
        f"{page_base * 1000:.1f} ms"
    )
    print(
        f"cycle report PDF, {events} events: median {report:.2f} s wall, {report_cpu:.2f} s CPU, "
        f"{report / pdf_base:.0f}× the one-page PDF  "
        f"[target < 3 s: wall {'PASS' if report < 3 else 'MISS'}, CPU "
        f"{'PASS' if report_cpu < 3 else 'MISS'}]"
    )
    print(f"one event's PDF: median {single:.2f} s, {single / pdf_base:.0f}× the one-page PDF")
    print(
        f"findings page (9 standards): median {findings_page * 1000:.1f} ms, "
        f"{findings_page / page_base:.1f}× the trivial page  "
        f"[target < 150 ms: {'PASS' if findings_page < 0.15 else 'MISS'}]"
    )
    print(
        f"autosave of one field: median {save * 1000:.1f} ms, {save / page_base:.1f}× the "
        f"trivial page  [target < 50 ms: {'PASS' if save < 0.05 else 'MISS'}]"
    )


if __name__ == "__main__":
    main()
