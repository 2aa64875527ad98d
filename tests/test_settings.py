"""One settings file (issue 16): instance/qa.toml or QA_SETTINGS, environment variables over it,
`flask --app app settings` saying where each value came from, every setting documented."""

import os
import runpy
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from qa.config import SETTINGS, SettingsError, effective, from_environment

ROOT = Path(__file__).resolve().parents[1]
FLASK = [str(Path(sys.executable).parent / "flask"), "--app", "app"]


@pytest.fixture
def settings_env(monkeypatch, tmp_path):
    """No QA_ variable from outside; the instance folder is tmp_path."""
    for name in [name for name in os.environ if name.startswith("QA_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("QA_INSTANCE", str(tmp_path))
    return tmp_path


def test_the_settings_file_is_read_and_the_environment_overrides_it(settings_env, monkeypatch):
    (settings_env / "qa.toml").write_text(
        'database = "data/live.db"\nhttps = true\nproxy_count = 1\nsmtp_host = "mail.example"\n'
        'smtp_password = "hunter2 hunter2"\nidle_warning_minutes = 3\nbind = "0.0.0.0:8001"\n'
    )
    monkeypatch.setenv("QA_PROXY_COUNT", "2")
    config = from_environment()
    assert config["DATABASE"] == str(settings_env / "data" / "live.db")  # relative to the file
    assert config["SESSION_COOKIE_SECURE"] is True and config["PREFERRED_URL_SCHEME"] == "https"
    assert config["PROXY_COUNT"] == 2  # the environment wins
    assert config["SMTP_HOST"] == "mail.example" and config["SMTP_PORT"] == 587
    assert config["IDLE_WARNING"].total_seconds() == 180 and config["BIND"] == "0.0.0.0:8001"
    sources = {name: source for name, (_value, source) in effective().items()}
    assert sources["QA_DATABASE"] == "file" and sources["QA_PROXY_COUNT"] == "env"
    assert sources["QA_MAX_UPLOAD_MB"] == "default"


def test_qa_settings_names_the_file_and_a_missing_or_unknown_setting_is_refused(
    settings_env, monkeypatch, tmp_path
):
    elsewhere = tmp_path / "etc" / "qa.toml"
    elsewhere.parent.mkdir()
    elsewhere.write_text('partnership_name = "Riverside Partnership"\n')
    monkeypatch.setenv("QA_SETTINGS", str(elsewhere))
    assert from_environment()["PARTNERSHIP_NAME"] == "Riverside Partnership"
    elsewhere.write_text('databse = "typo.db"\n')
    with pytest.raises(SettingsError, match="unknown settings: databse"):
        from_environment()
    elsewhere.write_text("https = \n")
    with pytest.raises(SettingsError, match="cannot be read"):
        from_environment()
    monkeypatch.setenv("QA_SETTINGS", str(tmp_path / "missing.toml"))
    with pytest.raises(SettingsError, match="does not exist"):
        from_environment()


def test_the_settings_command_prints_each_setting_with_its_source_and_masks_secrets(settings_env):
    (settings_env / "qa.toml").write_text(
        'smtp_password = "hunter2 hunter2"\nsecret_key = "the file key"\nmax_upload_mb = 5\n'
    )
    env = {**os.environ, "QA_INSTANCE": str(settings_env), "QA_SMTP_HOST": "mail.example"}
    out = subprocess.run(
        FLASK + ["settings"], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout
    lines = {line.split()[0]: line for line in out.splitlines() if line.startswith("QA_")}
    assert set(lines) == {setting.name for setting in SETTINGS}
    assert lines["QA_MAX_UPLOAD_MB"].split()[1:] == ["5", "file"]
    assert lines["QA_SMTP_HOST"].split()[1:] == ["mail.example", "env"]
    assert lines["QA_IDLE_MINUTES"].split()[1:] == ["30", "default"]
    assert "hunter2" not in out and "the file key" not in out
    assert lines["QA_SMTP_PASSWORD"].endswith("file") and "********" in lines["QA_SMTP_PASSWORD"]


def test_a_command_without_the_environment_uses_the_settings_file_database(settings_env, tmp_path):
    """A cron job without QA_DATABASE backs up the file the settings name, not instance/qa.db."""
    live = tmp_path / "live" / "qa.db"
    (settings_env / "qa.toml").write_text(f'database = "{live}"\n')
    env = {**os.environ, "QA_INSTANCE": str(settings_env)}
    subprocess.run(FLASK + ["init"], cwd=ROOT, env=env, check=True, capture_output=True)
    assert live.exists()
    done = subprocess.run(
        FLASK + ["backup", str(tmp_path / "copy.db")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "integrity check: ok" in done.stdout


def test_a_broken_settings_file_stops_a_command_with_one_line(settings_env):
    (settings_env / "qa.toml").write_text("bogus = 1\n")
    env = {**os.environ, "QA_INSTANCE": str(settings_env)}
    done = subprocess.run(FLASK + ["init"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode != 0
    assert done.stderr.strip().splitlines() == [
        f"The settings file {settings_env / 'qa.toml'} has unknown settings: bogus"
    ]


def test_gunicorn_binds_the_address_from_the_settings(settings_env):
    (settings_env / "qa.toml").write_text('bind = "127.0.0.1:5123"\n')
    assert runpy.run_path(str(ROOT / "deploy" / "gunicorn.conf.py"))["bind"] == "127.0.0.1:5123"


def test_every_setting_is_documented_in_the_readme_and_the_example_file():
    readme = (ROOT / "README.md").read_text()
    example = (ROOT / "deploy" / "qa.toml.example").read_text()
    assert tomllib.loads(example) == {}  # every line commented: copying it changes nothing
    for setting in SETTINGS:
        assert f"`{setting.name}` (`{setting.key}`)" in readme, setting.name
        assert f"# {setting.key} = " in example, setting.key
