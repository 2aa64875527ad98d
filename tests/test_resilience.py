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
