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
    shown to; it is
    empty only when the browser had lost its session cookie altogether (see
    qa.auth.login.keep_form).
    """

    token = CharField(unique=True)
    owner = ForeignKeyField(User, null=True, on_delete="CASCADE")
    method = CharField(default="POST")
    path = TextField()
    fields = TextField()  # JSON list of [name, value] pairs
    at = DateTimeField(default=datetime.now)


MODELS = [LoginAttempt, KeptForm]
