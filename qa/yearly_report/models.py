"""A cycle's yearly report, its sections in order, and the lead safeguarding partners'
sign-offs."""

from datetime import datetime

from peewee import CharField, DateField, DateTimeField, ForeignKeyField, IntegerField, TextField

from qa.cycles.models import Cycle
from qa.db import BaseModel, VersionedModel
from qa.people.models import User
from qa.yearly_report.rules import PARTNERS, SEND_WITHIN_DAYS


class YearlyReport(VersionedModel):
    """One a cycle. `version` counts changes to the dates; `content_version` every change to what
    the report says (a section's words, its title, the sections' order), which a sign-off is of."""

    cycle = ForeignKeyField(Cycle, unique=True, backref="yearly_reports", on_delete="CASCADE")
    content_version = IntegerField(default=1)
    published_on = DateField(null=True)
    sent_on = DateField(null=True)  # to the national panel and the education department
    send_within_days = IntegerField(default=SEND_WITHIN_DAYS)
    created_at = DateTimeField(default=datetime.now)

    def __str__(self):
        return f"Yearly report {self.cycle.name}"


class YearlySection(VersionedModel):
    """A section of the report: `key` names the evidence it is pre-filled with ("" for a section
    the admin added, which has none)."""

    report = ForeignKeyField(YearlyReport, backref="sections", on_delete="CASCADE")
    position = IntegerField()
    key = CharField(default="")
    title = CharField()
    narrative = TextField(default="")
    updated_at = DateTimeField(default=datetime.now)
    updated_by = ForeignKeyField(User, null=True, on_delete="SET NULL")

    def __str__(self):
        return self.title


class PartnerSignOff(BaseModel):
    """One lead safeguarding partner's sign-off of the report as it stood (`content_version`)."""

    report = ForeignKeyField(YearlyReport, backref="sign_offs", on_delete="CASCADE")
    partner = CharField()  # a key of rules.PARTNERS
    name = CharField()  # the person who signed for the partner
    job_title = CharField(default="")
    signed_on = DateField()
    content_version = IntegerField()
    recorded_by = ForeignKeyField(User, null=True, on_delete="SET NULL")
    recorded_at = DateTimeField(default=datetime.now)

    class Meta:
        indexes = ((("report", "partner"), True),)

    def __str__(self):
        return f"{PARTNERS.get(self.partner, self.partner)}: {self.name}"


MODELS = [YearlyReport, YearlySection, PartnerSignOff]
