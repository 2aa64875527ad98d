"""Backups with SQLite's online backup API, safe while the app is writing."""

import sqlite3


def backup_to(source_path: str, target_path: str) -> str:
    """Copy the live database to target_path; returns the copy's integrity_check result."""
    source = sqlite3.connect(source_path, timeout=30)
    target = sqlite3.connect(target_path)
    try:
        with target:
            source.backup(target, pages=1024)
        return target.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        target.close()
        source.close()
