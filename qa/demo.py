"""The demo partnership: Northbrook, a fictional place, made by every capability's demo loader."""

import secrets
from dataclasses import dataclass, field
from pathlib import Path

from qa.capability import demo_loaders
from qa.db import db
from qa.security import hash_password


@dataclass
class Demo:
    """What the loaders share: the demo accounts' password hash, and the sign-ins made so far."""

    password_hash: str
    logins: list = field(default_factory=list)


def load(password=None):
    """Create or refresh the demo partnership; returns ([(role, agency, email)], password)."""
    password = password or secrets.token_urlsafe(12)
    # one hash for every demo account: fast, and fine for a demo
    demo = Demo(hash_password(password))
    with db.atomic("IMMEDIATE"):
        for load_capability in demo_loaders():
            load_capability(demo)
    return demo.logins, password


def saved_logins(path, database, people):
    """What make run prints for a database that already has people: the demo sign-ins saved when
    the demo was loaded into this same database, or why there are none to show."""
    path = Path(path)
    if path.exists():
        first, _, rest = path.read_text().partition("\n")
        if first == f"Database: {database}":
            return rest
    return (
        f"{database} already has {people} {'person' if people == 1 else 'people'}: the demo is "
        "not loaded into it, and its sign-ins are whatever its admin made."
    )
