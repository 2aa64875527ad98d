"""Migrations build the whole schema, with no drift from the models, and SQLite is set up safely."""

from qa.db import db
from qa.migrate import drift, upgrade


def test_migrations_leave_no_drift_between_models_and_schema(app):
    assert not drift(db.obj), f"models and migrations differ: {drift(db.obj)}"


def test_upgrade_again_applies_nothing(app):
    assert upgrade(db.obj) == []


def test_sqlite_runs_in_wal_with_full_sync_foreign_keys_and_busy_timeout(app):
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA synchronous").fetchone()[0] == 2
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_frameworks_are_seeded_with_nine_section_11_standards_and_a_schools_version(app):
    from qa.frameworks.models import Framework, Standard

    section11 = Framework.get(Framework.name.startswith("Section 11"))
    titles = [
        s.title
        for s in Standard.select()
        .where(Standard.framework == section11)
        .order_by(Standard.position)
    ]
    assert titles == [
        "Leadership",
        "Commitment",
        "Accountability & Governance",
        "Service Development/Review",
        "Training",
        "Supervision",
        "Safe Recruitment",
        "Interagency Working",
        "Information Sharing",
    ]
    assert all(s.guidance and s.prompts for s in Standard.select())
    schools = Framework.get(Framework.name.startswith("Schools"))
    assert 0 < Standard.select().where(Standard.framework == schools).count() < 9
