"""Uploaded documents: received from a form, kept as blobs in the one SQLite file.

And streamed out on download.
"""

import re
import unicodedata
from datetime import datetime

from flask import Response, current_app, g, request
from peewee import BlobField, CharField, DateTimeField, ForeignKeyField, IntegerField
from werkzeug.http import parse_options_header
from werkzeug.sansio.multipart import Data, Epilogue, Field, File, MultipartDecoder, NeedData
from werkzeug.wsgi import get_input_stream

from qa.db import BaseModel
from qa.people.models import User
from qa.uploads import MAX_NAME, UploadRefused, check_upload, shorten_name, too_large_text


class Document(BaseModel):
    filename = CharField()
    content_type = CharField()
    size = IntegerField()
    data = BlobField()
    uploaded_by = ForeignKeyField(User, null=True, on_delete="SET NULL")
    uploaded_at = DateTimeField(default=datetime.now)


def safe_filename(name: str, limit: int | None = MAX_NAME) -> str:
    """A download name that cannot climb folders, break headers or carry markup, cut to `limit`
    characters with its extension kept (None: not cut)."""
    name = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode()
    # "Childrens", not "Children_s"
    name = name.replace("\\", "/").rsplit("/", 1)[-1].replace("'", "")
    name = re.sub(r"[^A-Za-z0-9._ -]+", "_", name).strip(" ._")
    name = name or "document"
    return shorten_name(name, limit) if limit else name


def takes_upload(view):
    """Mark a route that receives a file with `received`: a request over the server's hard limit
    (MAX_CONTENT_LENGTH,
    refused unread before the route is reached) is then answered by the route itself, its access
    checks and all, with
    `received` refusing the file, so the message sits beside the field on the route's own page (see
    qa.errors). Its CSRF token is checked first, from the header or the start of the body (see
    upload_token)."""
    view.takes_upload = True
    return view


def upload_token(scan=64 * 1024):
    """The CSRF token of a post over the server's limit, whose body is never parsed whole: the
    header htmx sends (X-CSRFToken), else the csrf_token field if it lies within the first `scan`
    bytes of the multipart body (the upload forms put it first); None when there is none.

    qa.errors checks it before such a post reaches its route (the usual check, reading the whole
    form, was refused the body)."""
    for header in current_app.config.get("WTF_CSRF_HEADERS", ["X-CSRFToken", "X-CSRF-Token"]):
        if request.headers.get(header):
            return request.headers[header]
    mimetype, options = parse_options_header(request.headers.get("Content-Type", ""))
    if mimetype != "multipart/form-data" or not options.get("boundary"):
        return None
    head = get_input_stream(request.environ, max_content_length=None).read(scan)
    decoder = MultipartDecoder(options["boundary"].encode(), max_form_memory_size=scan)
    decoder.receive_data(head)
    name, value = None, b""
    try:
        while not isinstance(event := decoder.next_event(), (NeedData, Epilogue)):
            if isinstance(event, (Field, File)):
                name, value = event.name, b""
            elif isinstance(event, Data) and name == "csrf_token":
                value += event.data
                if not event.more_data:
                    return value.decode("utf-8", "replace")
    except ValueError:  # not multipart after all
        return None
    return None


def received(field="document"):
    """The file posted in `field` as (safe name, content type, bytes); raises UploadRefused, in
    words for the person
    uploading, when none was chosen, when check_upload refuses it, or when the request was over the
    server's limit."""
    limit = current_app.config["MAX_UPLOAD_BYTES"]
    if g.get("too_large"):
        raise UploadRefused(too_large_text(limit))
    upload = request.files.get(field)
    if not upload or not upload.filename:
        raise UploadRefused("Select a file to upload")
    # the type is judged on the whole name, then the name is shortened keeping its extension
    name, data = safe_filename(upload.filename, limit=None), upload.stream.read(limit + 1)
    content_type = check_upload(name, data, limit)
    return shorten_name(name), content_type, data


def send_document(document: Document) -> Response:
    """Stream a document as an attachment, never rendered inline by the browser."""
    data = bytes(document.data)

    def chunks(size=64 * 1024):
        for start in range(0, len(data), size):
            yield data[start : start + size]

    response = Response(chunks(), mimetype=document.content_type)
    response.headers["Content-Disposition"] = (
        f'attachment; filename="{safe_filename(document.filename)}"'
    )
    response.headers["Content-Length"] = str(len(data))
    response.headers["Cache-Control"] = "no-store"
    return response
