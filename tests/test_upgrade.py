"""Upgrades (issue 16): a version number, a changelog and a licence; a database made by the
previous release's migrations (v0.9.0: 0001-0013), with data in it, is upgraded by `init` with
nothing lost and no drift between the models and the schema."""

import io
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path

from werkzeug.security import generate_password_hash

from qa import __version__
from qa.db import db, make_database, release_all
from qa.migrate import drift
from tests.conftest import Client

ROOT = Path(__file__).resolve().parents[1]
PREVIOUS = "v0.9.0"
PREVIOUS_LAST_MIGRATION = "0013_denial_counts"
PASSWORD = "kettle river orange"


def previous_migrations(folder):
    """The previous release's migrations: from its git tag when this is a clone that has it, else
    this tree's 0001-0013 (shipped migrations are never edited; the tag's copy checks that)."""
    if shutil.which("git"):
        found = subprocess.run(
            ["git", "archive", "--format=tar", PREVIOUS, "migrations"],
            cwd=ROOT,
            capture_output=True,
        )
        if found.returncode == 0:
            with tarfile.open(fileobj=io.BytesIO(found.stdout)) as archive:
                archive.extractall(folder, filter="data")
            return folder / "migrations", None
    return ROOT / "migrations", PREVIOUS_LAST_MIGRATION


def old_database(path, tmp_path):
    from playhouse.migrations import Runner

    migrations, target = previous_migrations(tmp_path)
    database = make_database(str(path))
    with database.connection_context():
        applied = Runner(database, str(migrations)).up(target=target)
    release_all(database)
    assert applied[-1] == PREVIOUS_LAST_MIGRATION
    with sqlite3.connect(path) as old:
        old.executescript(
            f"""
            INSERT INTO sector (id, version, name, slug) VALUES (1, 1, 'Health', 'health');
            INSERT INTO agency (id, version, name, sector_id, active)
                VALUES (1, 1, 'Riverside Hospitals NHS Trust', 1, 1);
            INSERT INTO cycle (id, version, name, starts, ends)
                VALUES (1, 1, '2026 to 2027', '2026-04-01', '2027-03-31');
            INSERT INTO user (id, version, email, name, password_hash, role, agency_id,
                subgroup_member, active, max_visits, session_token, created_at)
                VALUES (1, 1, 'manager@riverside.example', 'Sam Okafor',
                '{generate_password_hash(PASSWORD, method="pbkdf2:sha256:1000")}', 'admin', NULL,
                1, 1, 2, 'old-session-token', '2026-11-01 09:00:00');
            INSERT INTO action (id, version, agency_id, cycle_id, source, description, owner, due,
                status, cancelled_reason, evidence_of_completion, impact, created_at,
                impact_review_note)
                VALUES (1, 1, 1, 1, 'section11', 'Refresh the safer recruitment audit',
                'Head of quality', '2026-12-01', 'open', '', '', '', '2026-11-01 09:00:00', '');
            INSERT INTO survey (id, version, title, audience, age_band, introduction, readers,
                status, safety_message, public_code, created_at)
                VALUES (1, 1, 'How safe do you feel?', 'children', '8-12', 'Tell us.', '[]',
                'open', '', 'pub123', '2026-11-01 09:00:00');
            INSERT INTO survey_link (id, survey_id, code, label, closed, created_at)
                VALUES (1, 1, 'oak4567', 'Oak Primary Y6', 0, '2026-11-01 09:00:00');
            """
        )


def test_init_upgrades_the_previous_releases_database_with_its_data(app, tmp_path):
    path = tmp_path / "old.db"
    old_database(path, tmp_path)
    env = {k: v for k, v in os.environ.items() if not k.startswith("QA_")}
    env |= {"QA_DATABASE": str(path), "QA_INSTANCE": str(tmp_path)}
    flask = [str(Path(sys.executable).parent / "flask"), "--app", "app", "init"]
    done = subprocess.run(flask, cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0 and "schema up to date" in done.stdout, done.stderr
    with sqlite3.connect(path) as upgraded:
        assert upgraded.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert upgraded.execute("SELECT name FROM agency").fetchall() == [
            ("Riverside Hospitals NHS Trust",)
        ]
        assert upgraded.execute("SELECT description, status FROM action").fetchall() == [
            ("Refresh the safer recruitment audit", "open")
        ]
        assert upgraded.execute("SELECT code FROM survey_link").fetchall() == [("oak4567",)]
    app.config["DATABASE"] = str(path)
    db.initialize(make_database(str(path)))
    assert not drift(db.obj)  # the models and the upgraded schema agree
    assert Client(app).sign_in("manager@riverside.example", PASSWORD).status_code == 302


def test_the_version_is_a_command_and_in_the_footer_for_admins_only(app, admin_client, lead_client):
    result = app.test_cli_runner().invoke(args=["version"])
    assert result.exit_code == 0 and result.output == f"qa {__version__}\n"
    assert f"qa version {__version__}" in admin_client.get("/").get_data(as_text=True)
    assert "qa version" not in lead_client.get("/").get_data(as_text=True)
    assert "qa version" not in app.test_client().get("/sign-in").get_data(as_text=True)


def test_the_changelog_describes_this_version_and_the_licence_is_mit():
    changelog = (ROOT / "CHANGELOG.md").read_text()
    assert f"## {__version__} — " in changelog and "## 0.9.0 — " in changelog
    licence = (ROOT / "LICENSE").read_text()
    assert licence.startswith("MIT License") and "Copyright (c) 2026 the qa authors" in licence
