"""Reviews (rapid reviews, practice reviews and the like), the partnership's list of themes, and
what a review's actions carry beyond the action register's Action."""

from datetime import datetime

from peewee import BooleanField, CharField, DateField, DateTimeField, ForeignKeyField, TextField

from qa.actions.models import Action
from qa.db import BaseModel, VersionedModel

KINDS = {
    "rapid": "Rapid review",
    "local": "Local child safeguarding practice review",
    "national": "National child safeguarding practice review",
    "dhr": "Domestic homicide review",
    "other": "Other partnership review",
}


class Theme(VersionedModel):
    """A theme of learning the partnership keeps a list of: neglect, voice of the child, ..."""

    name = CharField(unique=True)
    active = BooleanField(default=True)

    def __str__(self):
        return self.name


class Review(VersionedModel):
    kind = CharField()
    reference = CharField(unique=True)  # never a child's name: "RR-2026-03", "Child Q"
    title = CharField(default="")
    notified_on = DateField()
    completed_on = DateField(null=True)
    published_on = DateField(null=True)
    recommendations = TextField(default="")  # one a line
    summary_url = CharField(default="")  # the published summary, https only
    planning_meeting_on = DateField(null=True)  # the action-planning meeting
    planning_attendance = TextField(default="")
    created_at = DateTimeField(default=datetime.now)

    def __str__(self):
        return self.reference

    @property
    def kind_label(self):
        return KINDS.get(self.kind, self.kind)


class ReviewTheme(BaseModel):
    review = ForeignKeyField(Review, backref="theme_links", on_delete="CASCADE")
    theme = ForeignKeyField(Theme, backref="review_links", on_delete="RESTRICT")

    class Meta:
        indexes = ((("review", "theme"), True),)


class ReviewAction(BaseModel):
    """A review's action: the register's Action (source "review") with its theme, the
    recommendation it answers, the twelve-month request and the sub-group's assurance."""

    action = ForeignKeyField(Action, unique=True, backref="review_links", on_delete="CASCADE")
    review = ForeignKeyField(Review, backref="actions", on_delete="CASCADE")
    theme = ForeignKeyField(Theme, backref="actions", on_delete="RESTRICT")
    recommendation = TextField(default="")
    assured = BooleanField(null=True)  # the sub-group's view of the evidence; None until decided
    assurance_reason = TextField(default="")
    assured_at = DateTimeField(null=True)
    dip_sampled_at = DateTimeField(null=True)  # marked for evidence checking
    dip_outcome = CharField(default="")  # "" until checked, then "confirmed" or "not_confirmed"
    dip_note = TextField(default="")


class ThemeDecision(BaseModel):
    """The sub-group's decision on how to gain assurance on a theme, for a quarter."""

    theme = ForeignKeyField(Theme, backref="decisions", on_delete="CASCADE")
    quarter_start = DateField()
    decision = CharField()  # DECISIONS in rules
    note = TextField(default="")
    decided_at = DateTimeField(default=datetime.now)

    class Meta:
        indexes = ((("theme", "quarter_start"), True),)


MODELS = [Theme, Review, ReviewTheme, ReviewAction, ThemeDecision]
