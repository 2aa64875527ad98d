"""Demo Section 11 returns.

Last cycle all submitted, this cycle in every state, with action plans and small real documents.
"""

import random
import struct
import zlib
from datetime import datetime, timedelta

from qa.actions.models import Action
from qa.cycles.models import Cycle
from qa.documents import Document
from qa.frameworks.models import Standard
from qa.people.models import Agency, User
from qa.section11 import queries, voices_demo
from qa.section11.models import Rating, RatingDocument, Return

LAST, THIS = "2025-26", "2026-27"
# This cycle's state for some agencies; the rest follow STATES in turn, so every state appears.
CHOSEN = {
    "Northbrook Constabulary": "submitted",
    "Northbrook Homes": "reopened",
    "Millbrook Academy": "reopened",
    "Northbrook Council Children's Services": "submitted",
    "Northbrook Integrated Care Board": "in progress",
}
STATES = ["submitted", "in progress", "not started", "submitted", "in progress", "not started"]
REOPEN_REASON = (
    "The evidence for safe recruitment refers to the 2024 audit. Please attach this year's "
    "check of the single central record."
)

DOING = {
    "1": (
        "The board's named safeguarding lead reports quarterly, and safeguarding is on the "
        "corporate risk register."
    ),
    "2": (
        "Our safeguarding statement is in every induction pack, and a children's panel reviewed "
        "our leaflets this year."
    ),
    "3": (
        "Policies were reviewed in the spring and signed off by the board; the quality committee "
        "sees a dashboard each quarter."
    ),
    "4": (
        "New services go through a safeguarding impact check, and findings from the last learning "
        "review changed our referral form."
    ),
    "5": (
        "Role-based training records are kept centrally, and managers follow up on practice three "
        "months after each course."
    ),
    "6": (
        "Front-line staff have monthly supervision with a safeguarding item, recorded on the case "
        "system."
    ),
    "7": (
        "Every appointment is checked against the safer recruitment checklist, and allegations are "
        "referred to the LADO."
    ),
    "8": (
        "Staff use the partnership's escalation procedure, and we attend every strategy meeting we "
        "are invited to."
    ),
    "9": (
        "Staff are trained on the seven golden rules of information sharing, and sharing decisions "
        "are recorded."
    ),
    "S1": (
        "The safeguarding governor meets the designated safeguarding lead each half term and "
        "reports to governors."
    ),
    "S2": (
        "The designated safeguarding lead is on the senior leadership team with two trained "
        "deputies."
    ),
    "S3": (
        "The single central record is checked each term by the business manager and the "
        "safeguarding governor."
    ),
    "S4": (
        "All staff read Keeping Children Safe in Education Part 1 in September and sign to say "
        "they understood it."
    ),
    "S5": (
        "Filtering and monitoring reports go to the designated safeguarding lead weekly; pupils "
        "learn online safety each term."
    ),
    "S6": (
        "Pupils name a trusted adult in their planners, and early help referrals are followed up "
        "within ten days."
    ),
}
BY_RAG = {
    "G": "Audit and feedback this year show this works well in practice.",
    "A": "This is in place, but our own audit found it is not consistent across every team.",
    "R": (
        "We have not been able to show this happens reliably; a recent case review highlighted "
        "gaps."
    ),
}
ACTIONS = [
    (
        "Audit a sample of 20 cases and report the findings to the safeguarding committee",
        "Head of quality",
    ),
    ("Refresh the procedure and brief every team manager on it", "Named safeguarding lead"),
    ("Add this to the induction programme and check completion monthly", "Training manager"),
]


def load(demo=None):
    """The demo returns, then the staff surveys whose answers are set beside them."""
    load_returns()
    voices_demo.load(demo)


def load_returns():
    """Add the demo returns (safe to run again: a return that exists is left as it is)."""
    cycles = {c.name: c for c in Cycle.select().where(Cycle.name.in_([LAST, THIS]))}
    if len(cycles) < 2:
        return
    active = Agency.active == True
    agencies = list(Agency.select().where(active).order_by(Agency.name))
    leads = {
        u.agency_id: u
        for u in User.select().where(User.role == "agency_lead").order_by(User.id.desc())
    }
    admin = User.select().where(User.role == "admin").order_by(User.id).first()
    files = _documents(admin)
    for index, agency in enumerate(agencies):
        rng = random.Random(agency.name)
        quality = rng.random()
        last = _rags(agency, rng, quality, None)
        _make(agency, cycles[LAST], leads.get(agency.id), "submitted", last, rng, files, admin)
        state = CHOSEN.get(agency.name, STATES[index % len(STATES)])
        if state != "not started":
            this = _rags(agency, rng, quality, last)
            if agency.name == "Northbrook Constabulary":
                # a later feature contrasts this with what staff say about supervision
                this["6"] = "G"
            _make(agency, cycles[THIS], leads.get(agency.id), state, this, rng, files, admin)


def _rags(agency, rng, quality, before):
    standards = Standard.select(Standard.code).where(
        Standard.framework == queries.framework_for(agency)
    )
    rags = {}
    for s in standards:
        if before and s.code in before:
            move = rng.random()
            order = "RAG".index(before[s.code]) + (1 if move < 0.3 else -1 if move > 0.88 else 0)
            rags[s.code] = "RAG"[max(0, min(2, order))]
        else:
            roll = rng.random() * 0.7 + quality * 0.5
            rags[s.code] = "G" if roll > 0.62 else "A" if roll > 0.3 else "R"
    return rags


def _make(agency, cycle, lead, state, rags, rng, files, admin):
    if Return.select().where((Return.agency == agency) & (Return.cycle == cycle)).exists():
        return
    submitted = state in ("submitted", "reopened")
    when = datetime.combine(cycle.starts, datetime.min.time()) + timedelta(
        days=150 + rng.randint(0, 60), hours=rng.randint(9, 16)
    )
    ret = Return.create(
        agency=agency,
        cycle=cycle,
        framework=queries.framework_for(agency),
        status=state if submitted else "draft",
        started_at=when - timedelta(days=30),
        submitted_at=when if submitted else None,
        submitted_by=lead if submitted else None,
        reopened_reason=REOPEN_REASON if state == "reopened" else "",
    )
    standards = list(
        Standard.select().where(Standard.framework == ret.framework).order_by(Standard.position)
    )
    answered = len(standards) if submitted else rng.randint(2, len(standards) - 2)
    for position, standard in enumerate(standards):
        done = position < answered
        rag = rags[standard.code] if done else ""
        evidence = (
            f"{DOING[standard.code]} {BY_RAG[rag]}" if done and standard.code in DOING else ""
        )
        if not submitted and position == answered - 1:
            # the standard they were part-way through
            rag, evidence = "", evidence.split(". ")[0] + "."
        rating = Rating.create(
            return_=ret,
            standard=standard,
            rag=rag,
            evidence=evidence,
            updated_at=when,
            updated_by=lead,
            moderation_status=_moderation(rng, submitted, rag),
            moderated_by=admin if submitted else None,
        )
        if rag in ("A", "R"):
            _actions(ret, rating, rng, cycle, when)
        if done and (standard.code in ("1", "5", "S1", "S4") or rng.random() < 0.08):
            RatingDocument.create(rating=rating, document=files[position % len(files)])


def _moderation(rng, submitted, rag):
    if not submitted or rng.random() < 0.5:
        return ""
    return "challenged" if rag == "G" and rng.random() < 0.3 else "agreed"


def _actions(ret, rating, rng, cycle, when):
    for description, owner in rng.sample(ACTIONS, 2 if rating.rag == "R" else 1):
        Action.create(
            agency=ret.agency,
            cycle=cycle,
            source="section11",
            source_id=rating.id,
            standard=rating.standard,
            description=description,
            owner=owner,
            due=cycle.ends - timedelta(days=rng.randint(10, 120)),
            created_at=when,
        )


def _documents(admin):
    """Three small, real files, made once and shared by every demo return (documents are linked, not
    copied)."""
    wanted = [
        (
            "Safeguarding policy 2025.pdf",
            "application/pdf",
            one_page_pdf("Northbrook safeguarding policy 2025 (demo)"),
        ),
        (
            "Training completion dashboard.png",
            "image/png",
            _png([(212, 53, 28), (255, 191, 71), (0, 112, 60)]),
        ),
        (
            "Board safeguarding report.pdf",
            "application/pdf",
            one_page_pdf("Board safeguarding report, quarter 2 (demo)"),
        ),
    ]
    found = []
    for name, kind, data in wanted:
        document = Document.get_or_none(Document.filename == name)
        found.append(
            document
            or Document.create(
                filename=name, content_type=kind, size=len(data), data=data, uploaded_by=admin
            )
        )
    return found


def one_page_pdf(text):
    """A one-page PDF saying `text`, written by hand (no renderer needed)."""
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << "
        b"/Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(
        b"%010d 00000 n \n" % o for o in offsets
    )
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _png(colours, width=90, height=40):
    """A tiny bar chart as a PNG: one vertical band per colour."""
    band = width // len(colours)
    row = b"\x00" + b"".join(bytes(colours[min(x // band, len(colours) - 1)]) for x in range(width))
    raw = row * height

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )
