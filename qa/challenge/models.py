"""A ChallengeEvent is one visit to one agency in a cycle.

Its Visitors record a Finding per standard.
"""

from datetime import datetime

from peewee import CharField, DateField, DateTimeField, ForeignKeyField, IntegerField, TextField

from qa.actions.models import Action
from qa.cycles.models import Cycle
from qa.db import BaseModel, VersionedModel
from qa.frameworks.models import Standard
from qa.people.models import Agency, User

STATUSES = {
    "proposed": "Proposed",
    "scheduled": "Scheduled",
    "held": "Held",
    "agreed": "Findings agreed",
    "reported": "Reported",
    "cancelled": "Cancelled",
}
STATUS_COLOURS = {
    "proposed": "grey",
    "scheduled": "blue",
    "held": "purple",
    "agreed": "green",
    "reported": "turquoise",
    "cancelled": "red",
}
LIVE = ("proposed", "scheduled", "held", "agreed", "reported")  # everything but cancelled
OUTCOME = ("agreed", "reported")  # findings agreed: the agency lead may see them
RECORDING = ("scheduled", "held")  # visitors may write findings
ROLES = {"lead": "QA sub-group member", "peer": "Peer reviewer"}
RAG = {"R": "Red", "A": "Amber", "G": "Green"}


class ChallengeEvent(VersionedModel):
    cycle = ForeignKeyField(Cycle, backref="challenge_events", on_delete="RESTRICT")
    # One live (not cancelled) event per agency per cycle: enforced in scheduling.py, since
    # cancelled events stay on record beside the one that replaced them.
    agency = ForeignKeyField(Agency, backref="challenge_events", on_delete="RESTRICT")
    status = CharField(default="proposed", index=True)
    starts_at = DateTimeField(null=True)
    ends_at = DateTimeField(null=True)
    location = CharField(default="")  # an address, or a link for an online meeting
    selection_reason = TextField(default="")
    cancelled_reason = TextField(default="")
    # The visitors' overall summary has its own counter, so their autosave never conflicts with
    # the admin's scheduling (which `version` guards), nor the other way round.
    summary = TextField(default="")
    summary_version = IntegerField(default=1)
    summary_updated_at = DateTimeField(null=True)
    summary_updated_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    # Bumped whenever the invite's date, place, people or status changes, so calendars replace it.
    ics_sequence = IntegerField(default=0)
    created_at = DateTimeField(default=datetime.now)
    updated_at = DateTimeField(null=True)
    updated_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    agreed_at = DateTimeField(null=True)
    reported_at = DateTimeField(null=True)

    def __str__(self):
        return f"challenge event for {self.agency.name} ({self.cycle.name})"

    @property
    def status_label(self):
        return STATUSES.get(self.status, self.status)

    @property
    def status_colour(self):
        return STATUS_COLOURS.get(self.status, "grey")

    @property
    def day(self):
        return self.starts_at.date() if self.starts_at else None

    def has_taken_place(self, now=None):
        """The visit has happened: it has a date and that time has come. Findings can be marked held
        and agreed only then."""
        return self.starts_at is not None and self.starts_at <= (now or datetime.now())

    @property
    def online(self):
        return self.location.startswith(("https://", "http://"))


class Visitor(BaseModel):
    event = ForeignKeyField(ChallengeEvent, backref="visitors", on_delete="CASCADE")
    user = ForeignKeyField(User, backref="challenge_visits", on_delete="RESTRICT")
    role = CharField()  # lead (a QA sub-group member) or peer
    how = CharField(default="manual")  # auto: proposed by pairing; manual: chosen by hand
    explanation = TextField(default="")
    override_reason = TextField(default="")  # why the admin went ahead despite a clash
    agreed_at = DateTimeField(null=True)  # when this visitor confirmed the findings
    assigned_at = DateTimeField(default=datetime.now)
    assigned_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")

    class Meta:
        indexes = ((("event", "role"), True), (("event", "user"), True))

    @property
    def role_label(self):
        return ROLES.get(self.role, self.role)


class Finding(VersionedModel):
    event = ForeignKeyField(ChallengeEvent, backref="findings", on_delete="CASCADE")
    standard = ForeignKeyField(Standard, on_delete="RESTRICT")
    self_rag = CharField(default="")  # the agency's own rating, copied when the visit is held
    agreed_rag = CharField(default="")
    evidence_seen = TextField(default="")
    questions_asked = TextField(default="")
    strengths = TextField(default="")
    development = TextField(default="")
    updated_at = DateTimeField(null=True)
    updated_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")

    class Meta:
        indexes = ((("event", "standard"), True),)

    def __str__(self):
        return f"finding on {self.standard.title}"


class Recommendation(BaseModel):
    """What the visitors recommend; it becomes an Action (source 'challenge') when the findings are
    agreed."""

    finding = ForeignKeyField(Finding, backref="recommendations", on_delete="CASCADE")
    text = TextField()
    owner = CharField()
    due = DateField()
    action = ForeignKeyField(Action, null=True, backref="+", on_delete="SET NULL")
    created_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    created_at = DateTimeField(default=datetime.now)

    def __str__(self):
        return self.text[:60]


class ClashOverride(BaseModel):
    """A clash the admin saw and went ahead despite, with their reason: kept for the record."""

    event = ForeignKeyField(ChallengeEvent, backref="overrides", on_delete="CASCADE")
    clashes = TextField()  # the plain-words clashes as shown, one a line
    reason = TextField()
    by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    at = DateTimeField(default=datetime.now)

    @property
    def clash_list(self):
        return [line for line in self.clashes.splitlines() if line.strip()]


MODELS = [ChallengeEvent, Visitor, Finding, Recommendation, ClashOverride]
