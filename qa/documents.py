"""Uploaded documents, kept as blobs in the one SQLite file and streamed out on download."""
import re
import unicodedata
from datetime import datetime

from flask import Response
from peewee import BlobField, CharField, DateTimeField, ForeignKeyField, IntegerField

from qa.db import BaseModel
from qa.people.models import User


class Document(BaseModel):
    filename = CharField()
    content_type = CharField()
    size = IntegerField()
    data = BlobField()
    uploaded_by = ForeignKeyField(User, null=True, on_delete="SET NULL")
    uploaded_at = DateTimeField(default=datetime.now)


def safe_filename(name: str) -> str:
    """A download name that cannot climb folders, break headers or carry markup."""
    name = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode()
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = re.sub(r"[^A-Za-z0-9._ -]+", "_", name).strip(" ._")
    return name[:120] or "document"


def send_document(document: Document) -> Response:
    """Stream a document as an attachment, never rendered inline by the browser."""
    data = bytes(document.data)

    def chunks(size=64 * 1024):
        for start in range(0, len(data), size):
            yield data[start : start + size]

    response = Response(chunks(), mimetype=document.content_type)
    response.headers["Content-Disposition"] = f'attachment; filename="{safe_filename(document.filename)}"'
    response.headers["Content-Length"] = str(len(data))
    response.headers["Cache-Control"] = "no-store"
    return response
