"""What the admin declares for pairing.

People never to pair, and visitors pinned while planning a cycle's pairings.
"""

from datetime import datetime

from peewee import CharField, DateTimeField, ForeignKeyField, TextField

from qa.challenge.models import ChallengeEvent
from qa.db import BaseModel
from qa.people.models import User


class NeverPair(BaseModel):
    """Two people who must never visit together, and why; stored with user_a the lower id so each
    pair is one row."""

    user_a = ForeignKeyField(User, backref="+", on_delete="CASCADE")
    user_b = ForeignKeyField(User, backref="+", on_delete="CASCADE")
    reason = TextField()
    created_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    created_at = DateTimeField(default=datetime.now)

    class Meta:
        indexes = ((("user_a", "user_b"), True),)

    def __str__(self):
        return "never pair"

    def other(self, user_id):
        return self.user_b if self.user_a_id == user_id else self.user_a


class PairingPin(BaseModel):
    """A visitor the admin fixed for an event's lead or peer while planning: proposals work round it
    until it is applied or removed.

    A pin may break a hard rule only with the admin's reason; `broken` keeps the rules it broke when
    pinned
    (HardRule names, one a line) so applying it can tell whether the world has changed since.
    """

    event = ForeignKeyField(ChallengeEvent, backref="+", on_delete="CASCADE")
    role = CharField()
    user = ForeignKeyField(User, backref="+", on_delete="CASCADE")
    reason = TextField(default="")
    broken = TextField(default="")
    by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    at = DateTimeField(default=datetime.now)

    class Meta:
        indexes = ((("event", "role"), True),)

    def __str__(self):
        return f"pinned {self.role}"

    @property
    def broken_rules(self):
        return {line for line in self.broken.splitlines() if line}


MODELS = [NeverPair, PairingPin]
