"""Short versions of the crash and backup scripts.

A SIGKILLed server loses nothing it acknowledged, and a backup taken during writes is whole.
(`benchmarks/bench_crash.py` runs 50 kills.)
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from bench_crash import backup_during_load, crash_rounds  # noqa: E402


def test_sigkill_mid_write_keeps_every_acknowledged_submission_and_a_sound_file(tmp_path):
    results = crash_rounds(2, tmp_path)
    assert all(acknowledged > 0 for _, acknowledged, _, _ in results)
    assert [(missing, check) for _, _, missing, check in results] == [(0, "ok"), (0, "ok")]


def test_backup_during_writes_is_sound_and_holds_what_came_before(tmp_path):
    before, missing, check, exit_code = backup_during_load(tmp_path)
    assert exit_code == 0 and check == "ok"
    assert before >= 10 and missing == 0


def test_a_flood_of_refusals_makes_a_few_counted_audit_lines_beside_a_childs_survey(app, people):
    """50 refused requests from one lead, from five browsers at once, while a child answers a
    survey: the audit trail gains one "denied" line (two if a minute turns) whose counts add up to
    50, and the child's answers are saved."""
    import threading

    from peewee import fn

    from qa.audit import AuditEvent
    from qa.surveys.models import Answer, Response
    from tests.conftest import Client
    from tests.survey_fixtures import Child, make_survey

    survey = make_survey()
    child = Child(app, survey.links.first().code)
    leads = [Client(app) for _ in range(5)]
    for lead in leads:
        assert lead.sign_in(people["lead_a"].email).status_code == 302
    codes, lock = [], threading.Lock()

    def refused(lead):
        for _ in range(10):
            code = lead.get("/admin/agencies").status_code
            with lock:
                codes.append(code)

    def answers():
        child.start()
        child.answer(1, "3")
        child.send()

    threads = [threading.Thread(target=refused, args=(lead,)) for lead in leads]
    threads.append(threading.Thread(target=answers))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    denied = AuditEvent.select().where(AuditEvent.verb == "denied")
    total = denied.select(fn.SUM(AuditEvent.times)).scalar()
    print(f"50 refusals: {denied.count()} audit line(s), counting {total}")
    assert codes == [403] * 50
    assert denied.count() <= 2 and total == 50
    assert Response.select().count() == 1 and Answer.select().count() == 1
    admin = Client(app)
    admin.sign_in(people["admin"].email)
    assert "denied 50 times within a minute" in admin.get("/admin/audit").get_data(as_text=True)
