"""The heatmap: agencies × standards for one framework and cycle.

With last year's change and counts per standard, in six queries.
"""

from dataclasses import dataclass, field

from peewee import JOIN

from qa.db import db
from qa.frameworks.models import Standard
from qa.people.models import Agency, Sector
from qa.section11 import queries, rules
from qa.section11.models import Rating, Return


class Cell:
    """One agency's rating of one standard, with its change since last year worked out once (a
    heatmap has thousands)."""

    __slots__ = (
        "rating_id",
        "rag",
        "before",
        "moderation",
        "evidence",
        "comment",
        "change",
        "arrow",
        "text",
        "shown",
    )

    def __init__(self, rating_id, rag, before, moderation="", evidence="", comment=""):
        self.rating_id, self.rag, self.before = rating_id, rag, before
        self.moderation, self.evidence, self.comment = moderation, evidence, comment
        self.change = rules.change(before, rag)
        self.arrow = rules.CHANGE_ARROW.get(self.change, "")
        self.text = rules.cell_text(rag, self.change, before)
        self.shown = f"{rag} {self.arrow}".strip()  # what the cell shows: its letter and arrow


@dataclass
class HeatRow:
    agency_id: int
    agency: str
    sector: str
    return_id: int | None
    status: str | None
    submitted_at: object
    cells: list = field(default_factory=list)  # one Cell (or None: no return) per standard

    @property
    def state(self):
        # A return that exists counts as started here; the overview counts answers for the finer
        # view.
        return rules.return_state(self.status, True)


@dataclass
class Heatmap:
    cycle: object
    previous: object
    framework: object
    standards: list
    rows: list

    def column(self, index):
        return [row.cells[index] for row in self.rows]

    @property
    def counts(self):
        return [
            rules.counts(c.rag if c else "" for c in self.column(i))
            for i in range(len(self.standards))
        ]

    @property
    def changes(self):
        return [
            rules.change_counts(c.change if c else None for c in self.column(i))
            for i in range(len(self.standards))
        ]


def agencies_on(framework, sector_id=None, among=None):
    """Active agencies that rate themselves against `framework` (no framework set means Section
    11), in the sector given and among the agencies of the query `among` (a capability's own
    choice of agencies: the schools' heatmap narrows by phase and locality)."""
    on_framework = Agency.framework == framework.id
    if framework.id == getattr(queries.section11_framework(), "id", None):
        on_framework = on_framework | Agency.framework.is_null()
    query = Agency.select(Agency.id).where(on_framework & (Agency.active == True))
    if sector_id:
        query = query.where(Agency.sector == sector_id)
    if among is not None:
        query = query.where(Agency.id.in_(among))
    return query


def build(cycle, framework, sector_id=None, with_evidence=False, submitted_only=False, among=None):
    """The heatmap of a framework's agencies in a cycle, compared with the cycle before.

    `submitted_only`: ratings only from submitted returns (what the board is told), so a draft's
    ratings never count; its agency's row still shows, labelled in progress, with no ratings.
    """
    standards = list(
        Standard.select()
        .where(Standard.framework == framework)
        .order_by(Standard.position, Standard.id)
    )
    previous = queries.previous_cycle(cycle)
    cycles = [cycle.id] + ([previous.id] if previous else [])
    chosen = agencies_on(framework, sector_id, among)
    agencies = (
        Agency.select(
            Agency.id,
            Agency.name,
            Sector.name.alias("sector_name"),
            Return.id.alias("return_id"),
            Return.status,
            Return.submitted_at,
        )
        .join(Sector)
        .switch(Agency)
        .join(Return, JOIN.LEFT_OUTER, on=(Return.agency == Agency.id) & (Return.cycle == cycle.id))
        .where(Agency.id.in_(chosen))
        .order_by(Agency.name)
        .dicts()
    )
    columns = [
        Return.agency,
        Return.cycle,
        Standard.code,
        Rating.id,
        Rating.rag,
        Rating.moderation_status,
    ] + ([Rating.evidence, Rating.moderation_comment] if with_evidence else [])
    ratings = (
        Rating.select(*columns)
        .join(Return)
        .switch(Rating)
        .join(Standard)
        .where(Return.cycle.in_(cycles) & Return.agency.in_(chosen))
    )
    if submitted_only:
        ratings = ratings.where(Return.status == "submitted")
    # Plain rows straight from the cursor: thousands of them, all ints and text, need no conversion.
    found = {
        (agency, cycle_id, code): rest
        for agency, cycle_id, code, *rest in db.execute(ratings).fetchall()
    }
    this_id, before_id, codes = (
        cycle.id,
        previous.id if previous else None,
        [s.code for s in standards],
    )
    rows = []
    for a in agencies:
        row = HeatRow(
            a["id"], a["name"], a["sector_name"], a["return_id"], a["status"], a["submitted_at"]
        )
        for code in codes:
            now = found.get((a["id"], this_id, code))
            before = found.get((a["id"], before_id, code))
            row.cells.append(
                Cell(*now[:2], before[1] if before else None, *now[2:]) if now else None
            )
        rows.append(row)
    return Heatmap(cycle, previous, framework, standards, rows)
