"""Static checks run with the suite: ruff, ruff format, the 100-column rule, bandit, pinning."""

import re
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


def test_ruff_format_would_change_nothing():
    result = subprocess.run(
        [BIN / "ruff", "format", "--check", "qa", "tests", "benchmarks", "app.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-3000:]


def test_lines_are_at_most_100_columns_and_the_rule_is_on():
    settings = (ROOT / "ruff.toml").read_text()
    assert "line-length = 100" in settings and "E501" not in settings
    result = subprocess.run(
        [BIN / "ruff", "check", "--select", "E501", "qa", "tests", "benchmarks", "app.py"],
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


def test_every_page_title_is_words_not_markup():
    """A page's <title> is what a screen reader announces first and the tab shows: a table once
    slipped into the case audits' title block and was read out as the page's name."""
    templates = Path(__file__).resolve().parents[1] / "templates"
    for path in templates.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for title in re.findall(r"{% block title %}(.*?){% endblock %}", text, re.S):
            words = re.sub(r"{[{%#].*?[}%#]}", "", title, flags=re.S)
            assert "<" not in words and "\n" not in words.strip(), path
