"""A board report being built in the background: which step it is on, and the finished PDF."""

from datetime import datetime

from peewee import CharField, DateTimeField, ForeignKeyField, IntegerField, TextField

from qa.cycles.models import Cycle
from qa.db import BaseModel
from qa.documents import Document
from qa.people.models import User


class ReportBuild(BaseModel):
    cycle = ForeignKeyField(Cycle, on_delete="CASCADE")
    requested_by = ForeignKeyField(User, null=True, on_delete="SET NULL")
    started_at = DateTimeField(default=datetime.now)
    finished_at = DateTimeField(null=True)
    step = IntegerField(default=0)
    steps = IntegerField(default=6)
    label = CharField(default="Waiting to start")
    status = CharField(default="building")  # building | done | failed
    error = TextField(default="")
    document = ForeignKeyField(Document, null=True, on_delete="SET NULL")


MODELS = [ReportBuild]
