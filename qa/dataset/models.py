"""Indicators, their figures by period (and locality), earlier values kept on correction,
comparators and commentary."""

from datetime import datetime

from peewee import (
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from qa.db import BaseModel, VersionedModel
from qa.people.models import Agency, Sector, User

UNITS = {
    "count": "Count",
    "rate": "Rate per 10,000 children",
    "percent": "Percentage",
    "days": "Days",
}
POLARITIES = {
    "higher": "Higher is better",
    "lower": "Lower is better",
    "neither": "Neither (shown for context)",
}
FREQUENCIES = {"quarterly": "Quarterly", "annual": "Annual (asked for January to March)"}
AREAS = {"england": "England", "region": "Region", "neighbours": "Statistical neighbours"}


class Locality(BaseModel):
    """A district of the partnership's area that some indicators are broken down by."""

    name = CharField(unique=True)
    position = IntegerField(default=0)

    def __str__(self):
        return self.name


class Indicator(VersionedModel):
    code = CharField(unique=True)  # the name used in CSV files: short, lower case
    name = CharField()
    definition = TextField()
    unit = CharField(default="count")
    polarity = CharField(default="neither")
    # Supplied by one agency, or (when none is chosen) by the lead of any agency in a sector.
    agency = ForeignKeyField(Agency, null=True, backref="+", on_delete="SET NULL")
    sector = ForeignKeyField(Sector, null=True, backref="+", on_delete="SET NULL")
    frequency = CharField(default="quarterly")
    target = FloatField(null=True)
    tolerance = FloatField(null=True)
    cohort = CharField(default="")  # the children or vulnerable group it concerns
    standard = CharField(default="")  # the standard or audit topic it relates to
    by_locality = BooleanField(default=False)
    position = IntegerField(default=0)
    active = BooleanField(default=True)
    # "Propose as a case-audit topic": kept here until the audit programme can take it.
    topic_proposal = TextField(default="")
    topic_proposed_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    topic_proposed_at = DateTimeField(null=True)
    updated_at = DateTimeField(null=True)

    def __str__(self):
        return self.name


class Figure(BaseModel):
    """One value of an indicator for a period ("2026-Q1"), for the whole area or one locality."""

    indicator = ForeignKeyField(Indicator, backref="figures", on_delete="CASCADE")
    period = CharField()
    locality = ForeignKeyField(Locality, null=True, backref="figures", on_delete="CASCADE")
    value = FloatField()
    note = TextField(default="")
    entered_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    entered_at = DateTimeField(default=datetime.now)
    version = IntegerField(default=1)  # 1 as first entered; each correction adds one

    class Meta:
        indexes = ((("indicator", "period", "locality"), False), (("period",), False))


class FigureHistory(BaseModel):
    """An earlier value of a figure, kept when it was corrected: who changed it, when and why."""

    figure = ForeignKeyField(Figure, backref="history", on_delete="CASCADE")
    version = IntegerField()
    value = FloatField()
    note = TextField(default="")
    entered_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    entered_at = DateTimeField()
    replaced_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    replaced_at = DateTimeField(default=datetime.now)
    reason = TextField()


class Comparator(BaseModel):
    """England's, the region's or the statistical neighbours' value for an indicator and period."""

    indicator = ForeignKeyField(Indicator, backref="comparators", on_delete="CASCADE")
    period = CharField()
    area = CharField()
    value = FloatField()
    source = CharField()
    published = DateField(null=True)

    class Meta:
        indexes = ((("indicator", "period", "area"), True),)


class Comment(BaseModel):
    """The sub-group's or an agency's commentary on an indicator for a period."""

    indicator = ForeignKeyField(Indicator, backref="comments", on_delete="CASCADE")
    period = CharField()
    text = TextField()
    by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    at = DateTimeField(default=datetime.now)


MODELS = [Locality, Indicator, Figure, FigureHistory, Comparator, Comment]
