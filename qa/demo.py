"""The demo partnership: Northbrook, a fictional place, made by every capability's demo loader."""

import secrets
from dataclasses import dataclass, field

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
