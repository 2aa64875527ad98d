"""The SQLite database: connection per request, BaseModel, versioned (optimistic) saves."""
from datetime import datetime

from peewee import DatabaseProxy, IntegerField, Model, SqliteDatabase

db = DatabaseProxy()

PRAGMAS = {
    "journal_mode": "wal",
    "busy_timeout": 15000,
    "foreign_keys": 1,
    "synchronous": 2,  # FULL: an acknowledged write survives power loss
}


def make_database(path: str) -> SqliteDatabase:
    # IMMEDIATE by default: a write transaction takes the lock up front, so two writers queue on
    # busy_timeout instead of failing half-way with "database is locked".
    return SqliteDatabase(path, pragmas=PRAGMAS, lock_type="IMMEDIATE", timeout=15)


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

    def save_versioned(self, expected_version, **changes):
        """Apply `changes` only if nobody saved since `expected_version`; else VersionConflict."""
        cls = type(self)
        if "updated_at" in cls._meta.fields:
            changes["updated_at"] = datetime.now()
        query = cls.update(version=cls.version + 1, **changes).where(
            (cls.id == self.id) & (cls.version == int(expected_version))
        )
        if query.execute() != 1:
            raise VersionConflict(cls.get_by_id(self.id))
        for name, value in changes.items():
            setattr(self, name, value)
        self.version = int(expected_version) + 1
        return self


def get_or_404(query_or_model, *where):
    """One row or a 404, whatever the id looked like."""
    from flask import abort

    query = query_or_model.select() if isinstance(query_or_model, type) else query_or_model
    try:
        return query.where(*where).get()
    except (query.model.DoesNotExist, ValueError, TypeError, OverflowError):
        abort(404)
