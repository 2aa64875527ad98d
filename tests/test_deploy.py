"""deploy/ (issue 16): the systemd units are valid and run commands qa has; each timer has its
service; nginx's upload limit sits just above qa's own."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
UNITS = sorted(DEPLOY.glob("qa*.service")) + sorted(DEPLOY.glob("qa*.timer"))


def test_every_timer_starts_a_service_there_is_and_every_service_runs_a_real_command(app):
    names = {unit.name for unit in UNITS}
    assert {"qa.service", "qa-backup.timer", "qa-purge.timer", "qa-reminders.timer"} <= names
    for timer in DEPLOY.glob("*.timer"):
        assert timer.name.replace(".timer", ".service") in names
    commands = set(app.cli.list_commands(None))
    for service in DEPLOY.glob("*.service"):
        text = service.read_text()
        assert "Environment=QA_SETTINGS=/etc/qa/qa.toml" in text and "UMask=0077" in text
        for command in re.findall(r"flask --app app (\S+)", text):
            assert command in commands, (service.name, command)
    assert "--config deploy/gunicorn.conf.py app:app" in (DEPLOY / "qa.service").read_text()


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze is not installed")
def test_systemd_accepts_the_units(tmp_path):
    venv = Path(sys.executable).parent
    for unit in UNITS:
        text = unit.read_text().replace("/opt/qa/.venv/bin", str(venv))
        (tmp_path / unit.name).write_text(text.replace("/opt/qa", str(ROOT)))
    done = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", *sorted(map(str, tmp_path.iterdir()))],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and done.stderr.strip() == "", done.stderr


def test_nginx_takes_a_little_more_than_qa_so_qa_answers_an_oversized_upload_itself(app):
    site = (DEPLOY / "nginx-qa.conf").read_text()
    megabytes = int(re.search(r"client_max_body_size (\d+)m;", site).group(1))
    assert 0 < megabytes * 1024 * 1024 - app.config["MAX_CONTENT_LENGTH"] <= 1024 * 1024
