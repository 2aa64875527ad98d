"""Short version of benchmarks/bench_load.py.

200 visits press Send at the same instant (a tenth of them twice) against gunicorn with 4 workers,
and nothing is lost, duplicated or refused. Speed is the benchmark's business.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from bench_load import concurrent_submissions  # noqa: E402


def test_two_hundred_submissions_at_once_lose_nothing_duplicate_nothing_and_all_succeed(tmp_path):
    result = concurrent_submissions(tmp_path, rounds=1, at_once=200, with_bare=False)
    assert result["failures"] == []
    assert result["send"]["count"] == 220  # 200 visits, every tenth pressing Send twice
    assert (result["responses"], result["distinct"], result["markers_missing"]) == (200, 200, 0)
