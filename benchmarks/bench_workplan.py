"""The sub-group's year benchmark, printing figures (no asserts on time).

30 agencies with 3,000 actions (about half overdue), 40 reviews a year old with 600 review actions,
120 work plan items linked to reviews, surveys and the Section 11 cycle, 5 case audits under way
and a meeting next week whose agenda is built from all that is due; then the work plan page, the
progress report's page and PDF, what is due for the agenda, the meeting page (after "Add these to
the agenda"), its minutes PDF and a member's home page, with query counts. The action register's
quarterly summary over the same actions is the baseline measured in the same run.

Run: .venv/bin/python benchmarks/bench_workplan.py
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

from bench_voices import timed  # noqa: E402  (median of five runs, and the queries of one)


def build(rng):
    from qa.actions.models import Action
    from qa.case_audits.models import CaseAudit
    from qa.cycles.models import Cycle
    from qa.meetings.models import Attendance, Meeting
    from qa.people.models import Agency, Sector, User
    from qa.reviews.models import Review, ReviewAction, Theme
    from qa.security import hash_password
    from qa.surveys.models import Survey
    from qa.workplan.models import Priority, WorkPlanItem

    today = date.today()
    cycle = Cycle.create(
        name="2026-27",
        starts=date(today.year if today.month > 3 else today.year - 1, 4, 1),
        ends=date(today.year + (1 if today.month > 3 else 0), 3, 31),
        deadline=today + timedelta(days=30),
    )
    sector = Sector.create(name="Health", slug="health")
    agencies = [Agency.create(name=f"Agency {n:02d}", sector=sector) for n in range(30)]
    password = hash_password("bench password 1")
    members = [
        User.create(
            email=f"member{n}@example.org",
            name=f"Member {n}",
            role="reviewer",
            subgroup_member=True,
            agency=agency,
            password_hash=password,
        )
        for n, agency in enumerate(agencies)
    ]
    admin = User.create(
        email="admin@example.org", name="Admin", role="admin", password_hash=password
    )
    theme = Theme.create(name="Neglect")
    reviews = [
        Review.create(
            kind="rapid",
            reference=f"RR-{n:03d}",
            notified_on=today - timedelta(days=800),
            completed_on=today - timedelta(days=rng.randint(370, 600)),
        )
        for n in range(40)
    ]
    for n in range(3000):
        action = Action.create(
            agency=rng.choice(agencies),
            cycle=cycle,
            source="review" if n < 600 else "manual",
            description=f"Action {n}",
            owner="Named nurse",
            due=today + timedelta(days=rng.randint(-200, 200)),
            status=rng.choice(["open", "in_progress", "done"]),
            responsible_officer=rng.choice(members),
        )
        if n < 600:
            ReviewAction.create(action=action, review=rng.choice(reviews), theme=theme)
    surveys = [Survey.create(title=f"Survey {n}", status="open") for n in range(10)]
    for n in range(5):
        CaseAudit.create(cycle=cycle, topic=f"Audit {n}", status="gathering")
    priorities = [Priority.create(cycle=cycle, title=f"Priority {n}") for n in range(3)]
    links = [("review", r.id) for r in reviews] + [("survey", s.id) for s in surveys]
    links.append(("section11", cycle.id))
    for n in range(120):
        kind, link_id = rng.choice(links)
        WorkPlanItem.create(
            cycle=cycle,
            title=f"Item {n}",
            kind=kind,
            owner=rng.choice(members),
            quarter=rng.randint(1, 4),
            status=rng.choice(["not_started", "on_track", "at_risk", "done"]),
            priority=rng.choice(priorities),
            link_kind=kind,
            link_id=link_id,
        )
    starts = datetime.combine(today + timedelta(days=7), datetime.min.time()).replace(hour=10)
    meeting = Meeting.create(starts_at=starts, ends_at=starts + timedelta(hours=2))
    for member in members[:12]:
        Attendance.create(meeting=meeting, user=member, agency=member.agency)
    return cycle, meeting, admin, members[0]


def main():
    os.environ.setdefault("QA_INSTANCE", tempfile.mkdtemp())
    from qa import create_app
    from qa.actions import queries as action_queries
    from qa.actions import rules as action_rules
    from qa.db import db
    from qa.meetings import agenda

    path = Path(tempfile.mkdtemp()) / "bench.db"
    app = create_app(
        {"DATABASE": str(path), "SECRET_KEY": "bench", "TESTING": True, "WTF_CSRF_ENABLED": False}
    )
    db.connect(reuse_if_open=True)
    started = time.perf_counter()
    with db.atomic():
        cycle, meeting, admin, member = build(random.Random(7))
    print(f"built the year in {time.perf_counter() - started:.1f} s")

    def client(user):
        c = app.test_client()
        response = c.post("/sign-in", data={"email": user.email, "password": "bench password 1"})
        assert response.status_code == 302
        return c

    as_admin, as_member = client(admin), client(member)
    assert as_admin.post(f"/meetings/{meeting.id}/agenda/due").status_code == 302
    today = date.today()
    start, end = action_rules.quarter_of(today)

    def baseline():
        rows = action_queries.quarter_rows(start, end)
        action_rules.quarterly_counts(rows, start, end, today)

    base, _, base_queries = timed(baseline)
    print(
        f"{'baseline: the register quarterly summary':<44} wall {base:7.1f} ms  {base_queries:3d} q"
    )
    for label, action in [
        ("the work plan page (120 items)", lambda: as_admin.get(f"/work-plan?cycle={cycle.id}")),
        ("the progress report page", lambda: as_admin.get(f"/work-plan/{cycle.id}/progress")),
        ("the progress report PDF", lambda: as_admin.get(f"/work-plan/{cycle.id}/progress.pdf")),
        ("what is due for the agenda", lambda: agenda.due_on(meeting.starts_at.date())),
        ("the meeting page", lambda: as_admin.get(f"/meetings/{meeting.id}")),
        ("the minutes PDF", lambda: as_admin.get(f"/meetings/{meeting.id}/minutes.pdf")),
        ("a member's home page", lambda: as_member.get("/")),
    ]:
        wall, _, queries = timed(action)
        print(f"{label:<44} wall {wall:7.1f} ms  {queries:3d} q  ×{wall / base:5.1f} baseline")
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
