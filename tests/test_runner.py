"""make run and make serve (issue 16): the demo is loaded when the database has no people, not when
a file is missing; serve never loads it; both listen where the settings say."""

import os
import stat
import subprocess
from pathlib import Path

from qa.people.models import User

ROOT = Path(__file__).resolve().parents[1]


def demo_if_empty(app):
    return app.test_cli_runner().invoke(args=["demo", "--if-empty"])


def test_the_demo_is_loaded_into_a_database_with_no_people_and_its_sign_ins_kept(app, tmp_path):
    app.config.update(INSTANCE=str(tmp_path), DEMO_PASSWORD="demo password for tests")
    result = demo_if_empty(app)
    assert result.exit_code == 0 and "Demo partnership ready" in result.output
    saved = tmp_path / "demo-logins.txt"
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert saved.read_text().splitlines()[0] == f"Database: {app.config['DATABASE']}"
    people = User.select().count()
    again = demo_if_empty(app)  # the second make run: nothing loaded, the same sign-ins shown
    assert again.exit_code == 0 and User.select().count() == people
    assert again.output == result.output


def test_a_database_with_people_gets_no_demo_and_no_sign_ins_that_do_not_exist(
    app, people, tmp_path
):
    (tmp_path / "demo-logins.txt").write_text(
        "Database: /somewhere/else/qa.db\n  admin   (partnership)   admin@northbrook-scp.example\n"
    )
    app.config["INSTANCE"] = str(tmp_path)
    before = User.select().count()
    result = demo_if_empty(app)
    assert result.exit_code == 0 and User.select().count() == before
    assert "northbrook-scp.example" not in result.output
    assert f"already has {before} people: the demo is not loaded" in result.output


def test_an_empty_database_gets_the_demo_even_when_an_old_sign_ins_file_exists(app, tmp_path):
    """The bug: with another QA_DATABASE, make run printed 59 sign-ins that did not exist."""
    (tmp_path / "demo-logins.txt").write_text("Database: /old/qa.db\n  stale sign-ins\n")
    app.config.update(INSTANCE=str(tmp_path), DEMO_PASSWORD="demo password for tests")
    result = demo_if_empty(app)
    assert "stale sign-ins" not in result.output and User.select().count() >= 55
    assert User.get(User.email == "admin@northbrook-scp.example").active


def make_dry_run(target):
    env = {**os.environ, "MAKEFLAGS": ""}
    done = subprocess.run(
        ["make", "-n", "-o", ".venv/.installed", target],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def test_make_run_asks_the_database_and_make_serve_loads_no_demo():
    run, serve = make_dry_run("run"), make_dry_run("serve")
    assert "demo --if-empty" in run and "demo-logins.txt" not in run
    assert "demo" not in serve and "init" in serve
    for recipe in (run, serve):
        assert "gunicorn --config deploy/gunicorn.conf.py app:app" in recipe
        assert "settings --get QA_BIND" in recipe and "umask 077" in recipe
