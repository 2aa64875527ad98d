"""Failed sign-in attempts (for throttling across processes) and forms kept when a session ended."""
from datetime import datetime

from peewee import CharField, DateTimeField, TextField

from qa.db import BaseModel


class LoginAttempt(BaseModel):
    """One failed attempt, keyed by account and by address, so every server process sees the count."""

    key = CharField(index=True)
    at = DateTimeField(default=datetime.now, index=True)


class KeptForm(BaseModel):
    """What someone had typed when their session or token ran out, so nothing is lost."""

    token = CharField(unique=True)
    method = CharField(default="POST")
    path = TextField()
    fields = TextField()  # JSON list of [name, value] pairs
    at = DateTimeField(default=datetime.now)
