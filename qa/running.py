"""Whether qa is serving a database: every serving process holds a shared lock on
`<database>.lock` (gunicorn's master from when it is ready, each process from its first request),
so `restore` can tell, by asking for the lock exclusively, that nothing is using the database.

The kernel drops the lock when a process ends, however it ends, so a crash leaves nothing stale.
"""

import fcntl
import os
from contextlib import contextmanager

_held = []  # [(lock path, fd)]: at most one, this process's


def lock_path(database: str) -> str:
    return f"{database}.lock"


def hold(database: str) -> None:
    """Mark this process as serving `database` (once; a new database releases the old one)."""
    path = lock_path(database)
    if _held and _held[0][0] == path:
        return
    release()
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(fd, fcntl.LOCK_SH)  # waits while a restore is putting the database back
    _held.append((path, fd))


def release() -> None:
    while _held:
        os.close(_held.pop()[1])


class Running(Exception):
    """A process is serving the database."""


@contextmanager
def nobody_serving(database: str):
    """Hold the database's lock exclusively for the block; Running if a server holds it."""
    fd = os.open(lock_path(database), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise Running(database) from None
        yield
    finally:
        os.close(fd)
