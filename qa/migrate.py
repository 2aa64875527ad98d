"""Schema migrations: numbered files in migrations/, applied in order by playhouse.migrations."""

import fcntl
import os

from playhouse.migrations import Runner, template
from playhouse.schema_diff import diff_models

from qa.config import ROOT

MIGRATIONS = ROOT / "migrations"


def upgrade(database):
    """Apply every pending migration; returns the names applied.

    A lock file beside the database makes server processes that start together take turns,
    so two workers never try to apply the same migration at once.
    """
    lock_path = f"{database.database}.migrate-lock"
    with os.fdopen(os.open(lock_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            with database.connection_context():
                return Runner(database, str(MIGRATIONS)).up()
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def drift(database):
    """What the models have that the migrated schema lacks (falsy when they match)."""
    from qa.models import ALL

    with database.connection_context():
        return diff_models(database, ALL)


def new_migration(database, name):
    """Write the next numbered migration file from the drift between models and schema."""
    found = drift(database)
    if not found:
        return None
    return Runner(database, str(MIGRATIONS)).create(name, body=template(found))
