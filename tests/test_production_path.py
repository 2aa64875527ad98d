"""The production path end to end (issue 16), as README's "Run it for real" lays it out, in a
temporary copy of the code: a settings file, init, create-admin (the password typed twice),
qa.service's own commands (init, then gunicorn with deploy/gunicorn.conf.py) behind nginx with
deploy/nginx-qa.conf on loopback, signing in through the proxy, a backup while it runs, a restore
refused while it runs and done once it is stopped, and qa started again on the restored data."""

import os
import re
import shlex
import shutil
import sqlite3
import stat
import subprocess

import pytest

from tests.proxy_helpers import (
    NGINX,
    ROOT,
    VENV_BIN,
    Browser,
    free_port,
    start_nginx,
    stop,
    wait_for_port,
)

pytestmark = pytest.mark.skipif(NGINX is None, reason="nginx is not installed (make browser)")
ADMIN, PASSWORD = "business.manager@riverside-scp.example", "kettle river orange"


def fresh_copy(target):
    """The tracked files, as a clone has them, and .venv (what `make install` makes)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        if (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    (target / ".venv").symlink_to(VENV_BIN.parent)


def service_commands(code):
    """ExecStartPre and ExecStart of deploy/qa.service, for a copy of the code at `code`."""
    unit = (code / "deploy" / "qa.service").read_text().replace("/opt/qa", str(code))
    found = dict(re.findall(r"^(ExecStartPre|ExecStart)=(.+)$", unit, flags=re.M))
    return shlex.split(found["ExecStartPre"]), shlex.split(found["ExecStart"])


def test_the_readme_steps_from_settings_to_a_restored_backup(tmp_path):
    code, data, etc = tmp_path / "opt-qa", tmp_path / "var-lib-qa", tmp_path / "etc-qa"
    code.mkdir()
    fresh_copy(code)
    for folder in (data, etc):
        folder.mkdir(mode=0o700)
    port = free_port()
    # settings: deploy/qa.toml.example copied, with the lines README says to set
    settings = (code / "deploy" / "qa.toml.example").read_text() + (
        f'instance = "{data}"\ndatabase = "{data}/qa.db"\nbind = "127.0.0.1:{port}"\n'
        'https = true\nproxy_count = 1\npartnership_name = "Riverside Safeguarding Children '
        'Partnership"\n'
    )
    (etc / "qa.toml").write_text(settings)
    env = {k: v for k, v in os.environ.items() if not k.startswith("QA_")}
    env |= {"QA_SETTINGS": str(etc / "qa.toml")}

    def flask(*args, stdin=None, check=True):
        done = subprocess.run(
            [str(code / ".venv" / "bin" / "flask"), "--app", "app", *args],
            cwd=code,
            env=env,
            input=stdin,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0 or not check, done.stderr
        return done

    assert "Database ready" in flask("init").stdout
    created = flask("create-admin", ADMIN, "--name", "Sam Okafor", stdin=f"{PASSWORD}\n" * 2)
    assert f"Admin {ADMIN} created" in created.stdout
    assert stat.S_IMODE((data / "qa.db").stat().st_mode) == 0o600

    init, serve = service_commands(code)

    def start():
        subprocess.run(init, cwd=code, env=env, check=True, capture_output=True)
        process = subprocess.Popen(
            serve,
            cwd=code,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        wait_for_port(port, process, "qa.service's gunicorn")
        return process

    app = start()
    nginx, https_port, _, nginx_folder = start_nginx(port)
    try:
        admin = Browser(https_port)
        status, headers, _, _ = admin.sign_in(ADMIN, PASSWORD)
        assert status == 302 and "/sign-in" not in headers["Location"]
        _, _, home, _ = admin.get("/")
        assert "Riverside Safeguarding Children Partnership" in home
        assert "Sam Okafor" in home or "Sign out" in home

        backup = tmp_path / "var-backups-qa" / "qa-2026-12-03.db"
        assert "integrity check: ok" in flask("backup", str(backup)).stdout
        # a change after the backup, which the restore will undo
        with sqlite3.connect(data / "qa.db") as live:
            live.execute(
                "UPDATE user SET name = 'Changed after the backup' WHERE email = ?", (ADMIN,)
            )
        refused = flask("restore", str(backup), check=False)
        assert refused.returncode == 1 and "qa is running" in refused.stderr

        stop(app)  # sudo systemctl stop qa
        restored = flask("restore", str(backup))
        assert "integrity check: ok" in restored.stdout
        app = start()  # sudo systemctl start qa
        again = Browser(https_port)
        status, *_ = again.sign_in(ADMIN, PASSWORD)
        assert status == 302
        with sqlite3.connect(data / "qa.db") as live:
            assert live.execute("SELECT name FROM user").fetchall() == [("Sam Okafor",)]
    finally:
        stop(nginx)
        stop(app)
        shutil.rmtree(nginx_folder, ignore_errors=True)


def test_the_readme_section_is_these_steps():
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Run it for real")[1].split("\n## ")[0]
    for step in (
        "cp deploy/qa.toml.example /etc/qa/qa.toml",
        "proxy_count = 1",
        ".venv/bin/flask --app app init",
        ".venv/bin/flask --app app create-admin",
        "deploy/qa.service",
        "deploy/nginx-qa.conf",
        ".venv/bin/flask --app app backup",
        "sudo systemctl stop qa",
        ".venv/bin/flask --app app restore",
        "sudo systemctl start qa",
    ):
        assert step in section, step


def test_the_documents_stand_alone_and_show_commands_as_they_run():
    """No ../shared (a clone has none); every flask command with the venv's path."""
    import re as pattern

    for name in ("README.md", "CONTRIBUTING.md", "docs/DESIGN.md", "docs/STYLE.md"):
        text = (ROOT / name).read_text()
        assert "../shared" not in text, name
        assert not pattern.search(r"(?<!\.venv/bin/)flask --app app", text), name
