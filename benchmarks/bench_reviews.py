"""Learning-from-reviews benchmark, printing figures (no asserts on time).

40 reviews with 3,000 review actions across 30 agencies (a third partnership-wide) and 10 themes,
then the quarterly review theme report's figures, its page and its PDF, the twelve-month requests
and their emails, and a lead's home page, with query counts; the action register's own quarterly
summary over the same actions is the baseline measured in the same run.

Run: .venv/bin/python benchmarks/bench_reviews.py   (BENCH_REVIEW_ACTIONS=3000 sets the number)
"""

import os
import random
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
ACTIONS = int(os.environ.get("BENCH_REVIEW_ACTIONS", "3000"))

from bench_voices import timed  # noqa: E402  (median of five runs, and the queries of one)


def build(rng):
    from qa.actions.models import Action
    from qa.cycles.models import Cycle
    from qa.people.models import Agency, Sector, User
    from qa.reviews.models import Review, ReviewAction, Theme
    from qa.security import hash_password

    today = date.today()
    cycle = Cycle.create(
        name="This cycle", starts=today - timedelta(days=200), ends=today + timedelta(days=165)
    )
    sector = Sector.create(name="Health", slug="health")
    agencies = [Agency.create(name=f"Agency {n:02d}", sector=sector) for n in range(30)]
    password = hash_password("bench password 1")
    leads = [
        User.create(
            email=f"lead{n}@example.org",
            name=f"Lead {n}",
            role="agency_lead",
            agency=agency,
            password_hash=password,
        )
        for n, agency in enumerate(agencies)
    ]
    admin = User.create(
        email="admin@example.org", name="Admin", role="admin", password_hash=password
    )
    themes = [Theme.create(name=f"Theme {n}") for n in range(10)]
    reviews = [
        Review.create(
            kind=rng.choice(["rapid", "local"]),
            reference=f"RR-{n:03d}",
            notified_on=today - timedelta(days=700),
            completed_on=today - timedelta(days=rng.randint(100, 600)),
        )
        for n in range(40)
    ]
    for n in range(ACTIONS):
        partnership = n % 3 == 0
        done = rng.random() < 0.5
        created = datetime.now() - timedelta(days=rng.randint(30, 500))
        action = Action.create(
            agency=None if partnership else rng.choice(agencies),
            responsible_officer=rng.choice(leads) if partnership else None,
            cycle=cycle,
            source="review",
            description=f"Review action {n}",
            owner="Named nurse",
            due=today + timedelta(days=rng.randint(-200, 200)),
            status="done" if done else rng.choice(["open", "in_progress"]),
            completed_at=created + timedelta(days=20) if done else None,
            impact="Practice changed" if done and rng.random() < 0.5 else "",
            created_at=created,
        )
        review = rng.choice(reviews)
        Action.update(source_id=review.id).where(Action.id == action.id).execute()
        ReviewAction.create(
            action=action,
            review=review,
            theme=rng.choice(themes),
            assured=True if done and rng.random() < 0.3 else None,
            assured_at=datetime.now() - timedelta(days=5),
        )
    return cycle, admin, leads[0]


def main():
    os.environ.setdefault("QA_INSTANCE", tempfile.mkdtemp())
    from qa import create_app
    from qa.actions import queries as action_queries
    from qa.actions import rules as action_rules
    from qa.db import db
    from qa.reviews import report, requests

    path = Path(tempfile.mkdtemp()) / "bench.db"
    app = create_app(
        {"DATABASE": str(path), "SECRET_KEY": "bench", "TESTING": True, "WTF_CSRF_ENABLED": False}
    )
    db.connect(reuse_if_open=True)
    started = time.perf_counter()
    with db.atomic():
        _, admin, lead = build(random.Random(7))
    print(f"built {ACTIONS} review actions in {time.perf_counter() - started:.1f} s")

    def client(user):
        c = app.test_client()
        response = c.post("/sign-in", data={"email": user.email, "password": "bench password 1"})
        assert response.status_code == 302
        return c

    as_admin, as_lead = client(admin), client(lead)
    today = date.today()
    start, end = action_rules.quarter_of(today)

    def baseline():
        rows = action_queries.quarter_rows(start, end)
        action_rules.quarterly_counts(rows, start, end, today)

    base, _, base_queries = timed(baseline)
    print(
        f"{'baseline: the register quarterly summary':<48} wall {base:7.1f} ms  {base_queries:3d} q"
    )
    for label, action in [
        ("review theme report figures", lambda: report.gather(start, end, today)),
        ("review theme report page", lambda: as_admin.get("/reviews/report")),
        ("review theme report PDF", lambda: as_admin.get("/reviews/report.pdf")),
        ("twelve-month requests due", lambda: requests.due(today)),
        ("twelve-month request emails", lambda: requests.messages(today)),
        ("a lead's home page", lambda: as_lead.get("/")),
        ("the admin's home page", lambda: as_admin.get("/")),
    ]:
        wall, _, queries = timed(action)
        print(f"{label:<48} wall {wall:7.1f} ms  {queries:3d} q  ×{wall / base:5.1f} baseline")
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
