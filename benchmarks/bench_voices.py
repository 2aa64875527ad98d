"""Staff voices benchmark, printing figures (no asserts on time).

A staff survey of 10,000 responses from 30 agencies (70,000 answers), then the time to judge every
rating in the cycle (voices.queries.mismatches), one agency's Beside for its rating page, the
results page filtered to one agency, and an agency lead's page, with query counts.

Run: .venv/bin/python benchmarks/bench_voices.py   (BENCH_STAFF=10000 sets the number of responses)
"""

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
RESPONSES = int(os.environ.get("BENCH_STAFF", "10000"))
ROUNDS = 5


def timed(action):
    """Median wall time (ms) and CPU time (ms) of ROUNDS runs, and the queries of one run."""
    from qa.db import db

    real, counted = db.obj.execute_sql, [0]

    def counting(sql, params=None, *args, **kwargs):
        counted[0] += 1
        return real(sql, params, *args, **kwargs)

    db.obj.execute_sql = counting
    action()
    db.obj.execute_sql = real
    walls, cpus = [], []
    for _ in range(ROUNDS):
        w, c = time.perf_counter(), time.process_time()
        action()
        walls.append((time.perf_counter() - w) * 1000)
        cpus.append((time.process_time() - c) * 1000)
    return statistics.median(walls), statistics.median(cpus), counted[0]


def build(rng):
    """30 agencies with a submitted return each (Supervision green), the starter staff survey and
    its answers."""
    import json

    from qa.cycles.models import Cycle
    from qa.frameworks.models import Framework, Standard
    from qa.people.models import Agency, Sector, User
    from qa.section11.models import Rating, Return
    from qa.security import hash_password
    from qa.surveys import builder, kinds
    from qa.surveys.models import Answer, Question, Response, Survey, SurveyLink
    from qa.surveys.starter import STARTERS

    today = date.today()
    cycle = Cycle.create(
        name="This cycle", starts=today - timedelta(days=200), ends=today + timedelta(days=165)
    )
    sector = Sector.create(name="Health", slug="health")
    framework = Framework.get(Framework.name.startswith("Section 11"))
    standards = list(
        Standard.select().where(Standard.framework == framework).order_by(Standard.position)
    )
    agencies = [Agency.create(name=f"Agency {n:02d}", sector=sector) for n in range(30)]
    for agency in agencies:
        ret = Return.create(agency=agency, cycle=cycle, framework=framework, status="submitted")
        Rating.insert_many(
            [{"return_": ret, "standard": s, "rag": rng.choice("RAGG")} for s in standards]
        ).execute()
    lead = User.create(
        email="lead@example.org",
        name="Lead",
        role="agency_lead",
        agency=agencies[0],
        password_hash=hash_password("bench password 1"),
    )
    admin = User.create(
        email="admin@example.org", name="Admin", role="admin", password_hash=lead.password_hash
    )
    survey = Survey.create(title="Staff", audience="staff", age_band="adult", status="open")
    codes = builder.section11_standards()
    questions = [
        Question.create(
            survey=survey,
            position=n,
            kind=k,
            prompt=p,
            hint=h,
            options=json.dumps(o),
            standard=codes.get(c),
            positive=json.dumps(pos),
        )
        for n, (k, p, h, o, c, pos) in enumerate(STARTERS["staff"]["questions"], start=1)
    ]
    link = SurveyLink.create(survey=survey, label="Everywhere")
    for start in range(0, RESPONSES, 500):
        rows = [
            {
                "survey": survey,
                "link": link,
                "submitted_on": today,
                "age_band": "adult",
                "agency": rng.choice(agencies),
                "agency_answer": "listed",
                "role_group": "health",
            }
            for n in range(start, min(RESPONSES, start + 500))
        ]
        Response.insert_many(rows).execute()
    ids = [r for (r,) in Response.select(Response.id).tuples()]
    answers = []
    for response_id in ids:
        for q in questions:
            options = [v for v, _ in kinds.choices(q.kind, q.option_list)] or ["More time"]
            answers.append(
                {"response": response_id, "question": q.id, "value": rng.choice(options)}
            )
        if len(answers) > 5000:
            Answer.insert_many(answers).execute()
            answers = []
    if answers:
        Answer.insert_many(answers).execute()
    return cycle, agencies, survey, admin, lead


def main():
    os.environ.setdefault("QA_INSTANCE", tempfile.mkdtemp())
    from qa import create_app
    from qa.db import db
    from qa.section11 import voices
    from qa.section11.models import Rating, Return

    path = Path(tempfile.mkdtemp()) / "bench.db"
    app = create_app(
        {"DATABASE": str(path), "SECRET_KEY": "bench", "TESTING": True, "WTF_CSRF_ENABLED": False}
    )
    db.connect(reuse_if_open=True)
    started = time.perf_counter()
    with db.atomic():
        cycle, agencies, survey, admin, lead = build(random.Random(7))
    print(
        f"built {RESPONSES} staff responses from {len(agencies)} agencies in "
        f"{time.perf_counter() - started:.1f} s"
    )
    rating = Rating.select(Rating, Return).join(Return).where(Return.agency == agencies[0]).first()

    def client(user):
        c = app.test_client()
        assert (
            c.post(
                "/sign-in", data={"email": user.email, "password": "bench password 1"}
            ).status_code
            == 302
        )
        return c

    as_admin, as_lead = client(admin), client(lead)
    for label, action in [
        ("every rating in the cycle judged (mismatches)", lambda: voices.mismatches(cycle)),
        ("one rating's Beside (heatmap drill-down)", lambda: voices.for_rating(rating)),
        (
            "results page, one agency",
            lambda: as_admin.get(f"/admin/surveys/{survey.id}/results?agency={agencies[0].id}"),
        ),
        ("results page, everyone", lambda: as_admin.get(f"/admin/surveys/{survey.id}/results")),
        ("agency lead's staff survey page", lambda: as_lead.get("/staff-survey")),
    ]:
        wall, cpu, queries = timed(action)
        print(f"{label:<48} wall {wall:7.1f} ms  cpu {cpu:7.1f} ms  {queries:3d} queries")
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
