"""Commands: init, demo (idempotent, prints its sign-ins), create-admin, backup."""

import sqlite3

from qa.people.models import Agency, User


def test_init_applies_migrations_and_says_where(app):
    result = app.test_cli_runner().invoke(args=["init"])
    assert result.exit_code == 0 and "Database ready" in result.output


def test_demo_loads_a_realistic_partnership_and_prints_one_line_per_sign_in(app, monkeypatch):
    app.config["DEMO_PASSWORD"] = "demo password for tests"
    result = app.test_cli_runner().invoke(args=["demo"])
    assert result.exit_code == 0, result.output
    assert "demo password for tests" in result.output
    lines = [line for line in result.output.splitlines() if "@" in line]
    assert len(lines) == User.select().count() >= 55
    roles = {line.split()[0] for line in lines}
    assert {"admin", "reviewer", "agency"} <= roles
    assert Agency.select().count() >= 28
    assert User.select().where(User.subgroup_member == True).count() >= 12
    reviewers = [line.split()[1] for line in lines if line.split()[0] == "reviewer"]
    # which reviewers see the partnership-wide pages
    assert set(reviewers) == {"(sub-group)", "(peer)"}


def test_demo_is_idempotent(app):
    app.config["DEMO_PASSWORD"] = "demo password for tests"
    runner = app.test_cli_runner()
    runner.invoke(args=["demo"])
    counts = (Agency.select().count(), User.select().count())
    assert runner.invoke(args=["demo"]).exit_code == 0
    assert (Agency.select().count(), User.select().count()) == counts


def test_demo_without_a_set_password_prints_a_random_one_that_works(app):
    from tests.conftest import Client

    app.config["DEMO_PASSWORD"] = None
    output = app.test_cli_runner().invoke(args=["demo"]).output
    password = output.split("Password for every demo sign-in: ")[1].split()[0]
    assert len(password) >= 12
    assert Client(app).sign_in("admin@northbrook-scp.example", password).status_code == 302


def test_create_admin_refuses_a_weak_password(app, monkeypatch):
    # the password is asked twice (hidden); the runner types it on stdin
    command = ["create-admin", "boss@example.org"]
    result = app.test_cli_runner().invoke(args=command, input="short\nshort\n")
    assert result.exit_code != 0 and User.select().count() == 0
    typed = "kettle river orange\nkettle river orange\n"
    assert app.test_cli_runner().invoke(args=command, input=typed).exit_code == 0
    assert User.get(User.email == "boss@example.org").role == "admin"


def test_backup_copies_everything_and_checks_the_copy(app, people, tmp_path):
    target = tmp_path / "backup.db"
    result = app.test_cli_runner().invoke(args=["backup", str(target)])
    assert result.exit_code == 0 and "integrity check: ok" in result.output
    copy = sqlite3.connect(target)
    assert copy.execute("SELECT COUNT(*) FROM agency").fetchone()[0] == 2
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
