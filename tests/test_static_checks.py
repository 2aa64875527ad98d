"""Static checks run with the suite: ruff is clean and bandit finds nothing of high severity."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def test_ruff_finds_nothing():
    result = subprocess.run(
        [BIN / "ruff", "check", "qa", "tests", "benchmarks", "app.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-3000:]


def test_bandit_finds_no_high_severity_issue():
    result = subprocess.run(
        [BIN / "bandit", "-q", "-r", "qa", "-lll"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout[-3000:]


def test_every_requirement_is_pinned():
    lines = [
        line.strip()
        for line in (ROOT / "requirements.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines and all("==" in line for line in lines), [
        line for line in lines if "==" not in line
    ]
