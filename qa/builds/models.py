"""A PDF being built in the background for one person, and the finished file."""

from datetime import datetime

from peewee import CharField, DateTimeField, ForeignKeyField, TextField

from qa.db import BaseModel
from qa.documents import Document
from qa.people.models import User


class PdfBuild(BaseModel):
    kind = CharField()  # which PDF: "section11_cycle", "section11_return", ...
    key = CharField()  # of what: the cycle's or the return's id
    title = CharField()  # the file's name, as the page and the download call it
    requested_by = ForeignKeyField(User, on_delete="CASCADE")
    started_at = DateTimeField(default=datetime.now)
    finished_at = DateTimeField(null=True)
    status = CharField(default="building")  # building | done | failed
    error = TextField(default="")
    document = ForeignKeyField(Document, null=True, on_delete="SET NULL")


MODELS = [PdfBuild]
