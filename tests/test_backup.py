"""Backup and restore (issue 16): no silent overwrite, missing folders made, copies 0600, a
restore that checks the copy, refuses while qa serves the database and keeps what it replaces;
the files and folders qa makes are this account's only."""

import os
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

from qa import running
from qa.db import db, release_all
from qa.people.models import Agency

ROOT = Path(__file__).resolve().parents[1]


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def backup(app, *args):
    return app.test_cli_runner().invoke(args=["backup", *map(str, args)])


def test_a_backup_never_overwrites_without_force_and_is_0600(app, people, tmp_path):
    target = tmp_path / "qa-backup.db"
    assert backup(app, target).exit_code == 0 and mode(target) == 0o600
    Agency.create(name="Added after the first backup", sector=people["agency_a"].sector)
    result = backup(app, target)
    assert (
        result.exit_code == 1 and "already exists" in result.output and "--force" in (result.output)
    )
    with sqlite3.connect(target) as copy:  # the first backup is untouched
        assert copy.execute("SELECT COUNT(*) FROM agency").fetchone()[0] == 2
    result = backup(app, target, "--force")
    assert result.exit_code == 0, result.output
    with sqlite3.connect(target) as copy:
        assert copy.execute("SELECT COUNT(*) FROM agency").fetchone()[0] == 3
    assert mode(target) == 0o600 and not (tmp_path / "qa-backup.db.partial").exists()


def test_a_missing_folder_is_made_0700_and_an_impossible_one_is_one_line(app, people, tmp_path):
    target = tmp_path / "backups" / "2026" / "qa.db"
    result = backup(app, target)
    assert result.exit_code == 0, result.output
    assert f"Made the folder {target.parent}" in result.output
    assert mode(target.parent) == 0o700 and mode(target) == 0o600
    (tmp_path / "a-file").write_text("")
    result = backup(app, tmp_path / "a-file" / "sub" / "qa.db")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.strip().splitlines() == [
        f"Error: Cannot make the folder {tmp_path / 'a-file' / 'sub'}: Not a directory"
    ]


def test_restore_puts_a_backup_back_and_keeps_the_database_as_it_was(app, people, tmp_path):
    copy = tmp_path / "copy.db"
    assert backup(app, copy).exit_code == 0
    Agency.create(name="Made after the backup", sector=people["agency_a"].sector)
    live = Path(app.config["DATABASE"])
    assert Path(f"{live}-wal").exists()  # the live database's own log, not the backup's
    result = app.test_cli_runner().invoke(args=["restore", str(copy)])
    assert result.exit_code == 0, result.output
    assert "integrity check: ok" in result.output
    kept = Path(result.output.split("is kept at ")[1].split()[0])
    assert not Agency.select().where(Agency.name == "Made after the backup").exists()
    assert Agency.select().count() == 2 and mode(live) == 0o600
    release_all(db.obj)
    with sqlite3.connect(kept) as before:  # with its -wal beside it, the old database is whole
        names = [row[0] for row in before.execute("SELECT name FROM agency")]
    assert "Made after the backup" in names


def test_restore_refuses_while_qa_serves_the_database(app, people, tmp_path):
    copy = tmp_path / "copy.db"
    assert backup(app, copy).exit_code == 0
    Agency.create(name="Made after the backup", sector=people["agency_a"].sector)
    assert app.test_client().get("/healthz").status_code == 200  # this process now serves it
    try:
        result = app.test_cli_runner().invoke(args=["restore", str(copy)])
        assert result.exit_code == 1 and "qa is running" in result.output
        assert "sudo systemctl stop qa" in result.output and "Nothing was changed" in result.output
        assert Agency.select().where(Agency.name == "Made after the backup").exists()
    finally:
        running.release()
    assert app.test_cli_runner().invoke(args=["restore", str(copy)]).exit_code == 0


def test_a_gunicorn_server_holds_the_lock_from_its_start(tmp_path):
    """Before any request: gunicorn's master takes the lock when it is ready."""
    from tests.proxy_helpers import free_port

    env = {**os.environ, "QA_INSTANCE": str(tmp_path), "QA_DATABASE": str(tmp_path / "qa.db")}
    port = free_port()
    gunicorn = Path(sys.executable).parent / "gunicorn"
    server = subprocess.Popen(
        [str(gunicorn), "-c", "deploy/gunicorn.conf.py", "--bind", f"127.0.0.1:{port}", "app:app"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(300):
            try:
                with running.nobody_serving(str(tmp_path / "qa.db")):
                    pass
            except running.Running:
                break
            time.sleep(0.1)
        else:
            raise AssertionError("gunicorn never held the database's lock")
    finally:
        server.terminate()
        server.wait(timeout=30)
    with running.nobody_serving(str(tmp_path / "qa.db")):
        pass  # and it let go when it stopped


def test_restore_refuses_a_damaged_backup_or_another_file(app, people, tmp_path):
    damaged = tmp_path / "damaged.db"
    assert backup(app, damaged).exit_code == 0
    data = bytearray(damaged.read_bytes())
    data[4096 * 2 : 4096 * 2 + 512] = b"\xff" * 512  # a page of the copy overwritten
    damaged.write_bytes(bytes(data))
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as elsewhere:
        elsewhere.execute("CREATE TABLE notes (text)")
    for path, why in (
        (damaged, "is not a sound backup"),
        (other, "not one of qa's"),
        (tmp_path / "missing.db", "is not a file"),
    ):
        result = app.test_cli_runner().invoke(args=["restore", str(path)])
        assert result.exit_code == 1 and why in result.output, result.output
        assert "Nothing was changed" in result.output
    assert Agency.select().count() == 2


def test_the_files_and_folders_qa_makes_are_this_accounts_only(tmp_path):
    instance = tmp_path / "new" / "instance"
    env = {k: v for k, v in os.environ.items() if not k.startswith("QA_")}
    env["QA_INSTANCE"] = str(instance)
    flask = [str(Path(sys.executable).parent / "flask"), "--app", "app"]
    subprocess.run(flask + ["init"], cwd=ROOT, env=env, check=True, capture_output=True)
    assert mode(instance) == 0o700
    assert mode(instance / "qa.db") == 0o600 and mode(instance / "secret_key") == 0o600
    (instance / "qa.db").chmod(0o644)  # made by an earlier version
    subprocess.run(flask + ["init"], cwd=ROOT, env=env, check=True, capture_output=True)
    assert mode(instance / "qa.db") == 0o600


def test_purge_deletes_failed_sign_in_records_older_than_a_day(app):
    """They hold a client's address: kept only as long as the throttle needs them."""
    from datetime import datetime, timedelta

    from qa.auth.models import LoginAttempt

    LoginAttempt.create(key="address:203.0.113.7", at=datetime.now() - timedelta(hours=25))
    LoginAttempt.create(key="address:203.0.113.8")
    result = app.test_cli_runner().invoke(args=["purge"])
    assert "Deleted 1 records of failed sign-ins older than a day." in result.output
    assert [a.key for a in LoginAttempt.select()] == ["address:203.0.113.8"]
