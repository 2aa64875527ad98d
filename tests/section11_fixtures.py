"""Section 11 test data: last cycle and this one.

(around today), a started return, helpers to fill it in, and files to upload.
"""

import io
import zipfile
from datetime import date, timedelta
from functools import cache

import pytest

from qa.actions.models import Action
from qa.builds import service as pdf_builds
from qa.cycles.models import Cycle
from qa.documents import Document
from qa.section11 import returns
from qa.section11.models import Rating, RatingDocument, Return

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + b"\x00" * 40
EXE = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff"
    + b"\x00" * 50
    + b"This program cannot be run in DOS mode."
)
SCRIPT = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"


def office_zip(*members, folder="word/"):
    """A small, genuine-looking Office Open XML file (a .docx by default): content types and one
    part, plus (name, bytes) members."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types '
            'xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        z.writestr(
            f"{folder}{'document' if folder == 'word/' else 'workbook'}.xml",
            "<document>Safeguarding policy</document>",
        )
        for name, data in members:
            z.writestr(name, data)
    return out.getvalue()


DOCX = office_zip()
XLSX = office_zip(folder="xl/")


def plain_zip():
    """A zip with no Office folders in it: not a Word, Excel or PowerPoint file whatever it is
    called."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("notes.txt", "not a document")
    return out.getvalue()


PLAIN_ZIP = plain_zip()


@cache
def zip_bomb_docx():
    """A real .docx that packs 50 MB of zeros into about 50 KB: a zip bomb by its ratio alone."""
    return office_zip(("word/media/image1.bin", bytes(50 * 1024 * 1024)))


@cache
def many_tight_members_docx():
    """A .docx of 190 members of 1,000,000 zero bytes, each packed about 1,000:1 (190 MB declared,
    about 200 KB sent): no member reaches 1 MB, so a ratio judged only from 1 MB missed them."""
    return office_zip(*((f"word/media/image{n}.bin", bytes(1_000_000)) for n in range(190)))


def zip_declaring(size):
    """A zip of one member of 1 MB of zeros whose headers declare `size` bytes: the shape of a zip
    of that many zeros, crafted without packing them."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("zeros.bin", bytes(1024 * 1024))
    data = bytearray(out.getvalue())
    local, central = data.find(b"PK\x03\x04"), data.find(b"PK\x01\x02")
    data[local + 22 : local + 26] = size.to_bytes(4, "little")
    data[central + 24 : central + 28] = size.to_bytes(4, "little")
    assert zipfile.ZipFile(io.BytesIO(bytes(data))).infolist()[0].file_size == size
    return bytes(data)


@cache
def nested_zip_bomb_docx(name="word/embeddings/oleObject1.bin"):
    """A .docx holding, under a name that does not say so, a zip of 1 GB of zeros (as declared)."""
    return office_zip((name, zip_declaring(2**30)))


@pytest.fixture
def cycles(app):
    """Last year's cycle and this year's, which contains today so it is the current one."""
    today = date.today()
    last = Cycle.create(
        name="2025-26",
        starts=today - timedelta(days=565),
        ends=today - timedelta(days=201),
        deadline=today - timedelta(days=300),
    )
    this = Cycle.create(
        name="2026-27",
        starts=today - timedelta(days=200),
        ends=today + timedelta(days=165),
        deadline=today + timedelta(days=60),
    )
    return {"last": last, "this": this}


@pytest.fixture
def return_a(people, cycles):
    """Agency A's return for this cycle, started by its lead, nothing entered yet."""
    return returns.start(people["agency_a"], cycles["this"], people["lead_a"])


def ratings_of(ret):
    return list(Rating.select().where(Rating.return_ == ret).order_by(Rating.id))


def fill(ret, user, rag="G", evidence="We do this well; audit shows it.", actions=True):
    """Rate every standard; amber and red ones get one action unless `actions` is False."""
    for rating in ratings_of(ret):
        rating = Rating.get_by_id(rating.id)
        Rating.update(rag=rag, evidence=evidence, version=Rating.version + 1).where(
            Rating.id == rating.id
        ).execute()
        if rag in ("A", "R") and actions:
            add_action(ret, rating)
    return ratings_of(ret)


def add_action(ret, rating, status="open", description="Audit twenty cases"):
    return Action.create(
        agency=ret.agency_id,
        cycle=ret.cycle_id,
        source="section11",
        source_id=rating.id,
        standard=rating.standard_id,
        description=description,
        owner="Head of quality",
        due=date.today() + timedelta(days=30),
        status=status,
    )


def attach(rating, name="policy.pdf", data=PDF, kind="application/pdf"):
    document = Document.create(filename=name, content_type=kind, size=len(data), data=data)
    RatingDocument.create(rating=rating, document=document)
    return document


def submitted(ret, user):
    fill(ret, user)
    Return.update(status="submitted", version=Return.version + 1).where(
        Return.id == ret.id
    ).execute()
    return Return.get_by_id(ret.id)


def pdf_built(client, url):
    """Ask for a PDF made in the background: the build's page, then (once it is made) the file
    from its download link, which must be a plain download (hx-boost="false" and download)."""
    asked = client.get(url)
    assert asked.status_code == 303 and asked.location.startswith("/pdfs/"), asked.status_code
    pdf_builds.wait(int(asked.location.rsplit("/", 1)[-1]))
    page = client.get(asked.location).get_data(as_text=True)
    link = f'href="{asked.location}/download" hx-boost="false" download'
    assert "The PDF is ready" in page and link in page
    return client.get(f"{asked.location}/download")
