"""Backups with SQLite's online backup API, safe while the app is writing, and restoring one.

Copies are 0600 in folders made 0700: they hold everything, personal data included.
"""

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from qa.config import private_folder
from qa.running import nobody_serving

SIDE_FILES = ("-wal", "-shm", "-journal")


class BackupError(Exception):
    """A backup or restore that cannot go ahead; says why in one line."""


def private_file(path) -> Path:
    """Make sure the file exists and is readable by this account only (0600)."""
    path = Path(path)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    os.close(fd)
    if path.stat().st_uid == os.getuid():
        path.chmod(0o600)
    return path


def _copy(source_path, target_path) -> str:
    """SQLite's online backup of source into a new 0600 file; returns the copy's integrity_check."""
    private_file(target_path)
    source = sqlite3.connect(source_path, timeout=30)
    target = sqlite3.connect(target_path)
    try:
        with target:
            source.backup(target, pages=1024)
        return target.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        target.close()
        source.close()


def backup_to(source_path: str, target_path: str, force: bool = False, echo=print) -> str:
    """Copy the live database to target_path (0600; a missing folder is made, 0700); returns the
    copy's integrity_check result. An existing file is replaced only with force, and only once the
    new copy is whole."""
    target = Path(target_path)
    if target.is_dir():
        raise BackupError(f"{target} is a folder: give the backup's file name, e.g. {target}/qa.db")
    if target.exists() and not force:
        raise BackupError(f"{target} already exists: choose another name, or add --force")
    if not target.parent.exists():
        try:
            private_folder(target.parent)
        except OSError as error:
            raise BackupError(f"Cannot make the folder {target.parent}: {error.strerror}") from None
        echo(f"Made the folder {target.parent} (readable by this account only)")
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        result = _copy(source_path, partial)
    except (OSError, sqlite3.Error) as error:
        partial.unlink(missing_ok=True)
        raise BackupError(f"Cannot write {target}: {error}") from None
    os.replace(partial, target)
    return result


def check(path) -> str:
    """A backup's integrity_check result, or why it is not a qa database."""
    if not Path(path).is_file():
        return f"{path} is not a file"
    try:
        copy = sqlite3.connect(path)
        try:
            result = copy.execute("PRAGMA integrity_check").fetchone()[0]
            tables = {row[0] for row in copy.execute("SELECT name FROM sqlite_master")}
        finally:
            copy.close()
    except sqlite3.Error as error:
        return f"not an SQLite database ({error})"
    if result == "ok" and "user" not in tables:
        return "an SQLite database, but not one of qa's (it has no user table)"
    return result


def restore_from(backup_path: str, database: str, echo=print) -> Path:
    """Put a checked backup in place of the database, with nothing serving it. The database as it
    was (with its -wal and -shm, which belong to it and must never meet the restored file) is
    moved aside first; returns where it was kept."""
    result = check(backup_path)
    if result != "ok":
        raise BackupError(f"{backup_path} is not a sound backup: {result}. Nothing was changed.")
    live = Path(database)
    with nobody_serving(database):
        kept = live.with_name(f"{live.name}.before-restore-{datetime.now():%Y%m%d-%H%M%S}")
        if live.exists():
            for suffix in ("", *SIDE_FILES):
                side = Path(f"{live}{suffix}")
                if side.exists():
                    os.replace(side, f"{kept}{suffix}")
        partial = live.with_name(live.name + ".restoring")
        partial.unlink(missing_ok=True)
        result = _copy(backup_path, partial)
        if result != "ok":  # the copy went wrong: put the database back as it was
            partial.unlink()
            for suffix in ("", *SIDE_FILES):
                if Path(f"{kept}{suffix}").exists():
                    os.replace(f"{kept}{suffix}", f"{live}{suffix}")
            raise BackupError(f"The restored copy failed its integrity check: {result}")
        os.replace(partial, live)
    echo(f"Restored {backup_path} to {live}; integrity check: ok")
    if Path(kept).exists():
        echo(f"The database as it was is kept at {kept}")
    return kept
