"""A scrutiny theme, the evidence it cites (a record another capability holds, or an uploaded
document), its findings with the evidence each rests on, and its recommendations, each an action
on the register."""

from datetime import datetime

from peewee import CharField, DateField, DateTimeField, ForeignKeyField, IntegerField, TextField

from qa.actions.models import Action
from qa.cycles.models import Cycle
from qa.db import BaseModel, VersionedModel
from qa.documents import Document
from qa.people.models import User
from qa.reviews.models import Review, Theme

STATUSES = {
    "planned": "Planned",
    "gathering": "Gathering evidence",
    "findings": "Findings",
    "reported": "Reported",
}
DOCUMENT = "document"  # the kind of evidence that is an uploaded document, not a record of qa's


class ScrutinyTheme(VersionedModel):
    cycle = ForeignKeyField(Cycle, backref="scrutiny_themes", on_delete="RESTRICT")
    title = CharField()
    question = TextField()  # the question the theme asks
    reason = TextField(default="")  # why it was chosen
    review = ForeignKeyField(Review, null=True, backref="+", on_delete="SET NULL")
    review_theme = ForeignKeyField(Theme, null=True, backref="+", on_delete="SET NULL")
    lead = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    starts_on = DateField(null=True)
    reports_on = DateField(null=True)  # when it is to report to the board
    status = CharField(default="planned")
    created_at = DateTimeField(default=datetime.now)

    def __str__(self):
        return self.title

    @property
    def status_label(self):
        return STATUSES.get(self.status, self.status)


class ScrutinyEvidence(BaseModel):
    """A piece of evidence the theme cites: a record of `kind` (an EvidenceSource) with its id,
    described live when shown, or an uploaded document (kind "document")."""

    theme = ForeignKeyField(ScrutinyTheme, backref="evidence", on_delete="CASCADE")
    kind = CharField()
    source_id = IntegerField(null=True)
    document = ForeignKeyField(Document, null=True, on_delete="CASCADE")
    note = TextField(default="")  # for a document: what it is and what it says
    added_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    added_at = DateTimeField(default=datetime.now)

    class Meta:
        indexes = ((("theme", "kind", "source_id"), False),)


class ScrutinyFinding(BaseModel):
    theme = ForeignKeyField(ScrutinyTheme, backref="findings", on_delete="CASCADE")
    text = TextField()
    added_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    added_at = DateTimeField(default=datetime.now)

    def __str__(self):
        return self.text[:60]


class ScrutinyFindingEvidence(BaseModel):
    finding = ForeignKeyField(ScrutinyFinding, backref="evidence_links", on_delete="CASCADE")
    evidence = ForeignKeyField(ScrutinyEvidence, backref="finding_links", on_delete="CASCADE")

    class Meta:
        indexes = ((("finding", "evidence"), True),)


class ScrutinyRecommendation(BaseModel):
    """A recommendation of the theme, answering one of its findings; its action on the register
    (source "scrutiny") carries who, when and how far it has got."""

    theme = ForeignKeyField(ScrutinyTheme, backref="recommendations", on_delete="CASCADE")
    finding = ForeignKeyField(
        ScrutinyFinding, null=True, backref="recommendations", on_delete="SET NULL"
    )
    text = TextField()
    action = ForeignKeyField(Action, null=True, backref="+", on_delete="SET NULL")
    added_at = DateTimeField(default=datetime.now)

    def __str__(self):
        return self.text[:60]


MODELS = [
    ScrutinyTheme,
    ScrutinyEvidence,
    ScrutinyFinding,
    ScrutinyFindingEvidence,
    ScrutinyRecommendation,
]
