"""Failed sign-in attempts (for throttling across processes) and forms kept when a session ended."""

from datetime import datetime

from peewee import CharField, DateTimeField, ForeignKeyField, TextField

from qa.db import BaseModel
from qa.people.models import User


class LoginAttempt(BaseModel):
    """One failed attempt, keyed by account and by address, so every server process sees the
    count."""

    key = CharField(index=True)
    at = DateTimeField(default=datetime.now, index=True)


class KeptForm(BaseModel):
    """What someone had typed when their session or token ran out, so nothing is lost.

    `owner` is who was signed in on that browser when it was posted, and the only person it is ever
    shown to (rows from before every kept form had an owner are never shown to anyone). `browser`
    is the random id the browser's session carries and `address` a keyed hash of the client's
    address (never the address itself): both only to cap how many are kept (see
    qa.auth.login.keep_form). Kept a day, then purged by `flask purge`.
    """

    token = CharField(unique=True)
    owner = ForeignKeyField(User, null=True, on_delete="CASCADE")
    method = CharField(default="POST")
    path = TextField()
    fields = TextField()  # JSON list of [name, value] pairs
    at = DateTimeField(default=datetime.now, index=True)
    browser = CharField(default="", index=True)
    address = CharField(default="", index=True)


MODELS = [LoginAttempt, KeptForm]
