"""The SQLite database: connection per request, BaseModel, versioned (optimistic) saves."""

from datetime import datetime

from peewee import DatabaseProxy, IntegerField, Model
from playhouse.pool import PooledSqliteDatabase

db = DatabaseProxy()

PRAGMAS = {
    "journal_mode": "wal",
    "busy_timeout": 15000,
    "foreign_keys": 1,
    "synchronous": 2,  # FULL: an acknowledged write survives power loss
}


def make_database(path: str) -> PooledSqliteDatabase:
    """The app's database: a connection per request, taken from a small pool of this process's own.

    IMMEDIATE by default: a write transaction takes the lock up front, so two writers queue on
    busy_timeout instead of failing half-way with "database is locked". The pool saves opening the
    file
    and reading the schema on every request (about 1 ms each); a pooled connection is used by one
    thread
    at a time, and `release_all` empties the pool before gunicorn forks, so no connection crosses
    into a worker.
    """
    return PooledSqliteDatabase(
        path,
        pragmas=PRAGMAS,
        lock_type="IMMEDIATE",
        check_same_thread=False,
        max_connections=32,
        stale_timeout=600,
        timeout=15,
    )


def release_all(database) -> None:
    """Close this process's idle pooled connections (before a fork, and when a test is done with its
    file)."""
    if not database.is_closed():
        database.close()
    database.close_all()


class BaseModel(Model):
    class Meta:
        database = db
        legacy_table_names = False


class VersionConflict(Exception):
    """A save was based on a stale version; `current` is the record as it is now."""

    def __init__(self, current):
        super().__init__(f"{type(current).__name__} {current.id} changed since it was opened")
        self.current = current


class VersionedModel(BaseModel):
    """A record people edit: every save bumps `version`, and a stale save is refused."""

    version = IntegerField(default=1)

    def save_versioned(self, expected_version, counter="version", **changes):
        """Apply `changes` only if nobody saved since `expected_version`; else VersionConflict.

        `counter` is the version column: a record with two separately edited parts (a rating and
        its moderation) keeps one for each.
        """
        cls, column = type(self), getattr(type(self), counter)
        if counter == "version" and "updated_at" in cls._meta.fields:
            changes["updated_at"] = datetime.now()
        query = cls.update({column: column + 1}, **changes).where(
            (cls.id == self.id) & (column == int(expected_version))
        )
        if query.execute() != 1:
            raise VersionConflict(cls.get_by_id(self.id))
        for name, value in changes.items():
            setattr(self, name, value)
        setattr(self, counter, int(expected_version) + 1)
        return self


class Prepared:
    """A statement whose SQL peewee writes once per process; each use binds fresh values.

    For the few statements on the hottest path (every screen of a child's survey), where building
    the SQL
    costs more than running it. `build(*values)` returns the peewee query and must use each value
    exactly
    once, in order (checked the first time). Values are bound as they are, so pass what the column
    stores
    (ids, text, ISO dates), not model instances.
    """

    def __init__(self, build, arity=1):
        self.build, self.arity, self._sql = build, arity, None

    def sql(self) -> str:
        if self._sql is None:
            marks = tuple(f"\x00value{n}" for n in range(self.arity))
            sql, params = self.build(*marks).sql()
            if tuple(params) != marks:
                raise ValueError(
                    f"a prepared statement must use its {self.arity} values once each, in order: "
                    f"{params}"
                )
            self._sql = sql
        return self._sql

    def execute(self, *values):
        """Run it; returns the cursor (for `lastrowid` or `rowcount`)."""
        return db.execute_sql(self.sql(), values)

    def rows(self, model, *values) -> list:
        """The selected rows as `model` instances."""
        return list(model.raw(self.sql(), *values))

    def first(self, model, *values):
        found = self.rows(model, *values)
        return found[0] if found else None
