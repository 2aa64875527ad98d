"""Sectors, agencies and people, with the conflicts, unavailable dates and pairing preferences
they declare."""

import secrets
from datetime import datetime

from flask_login import UserMixin
from peewee import (
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from qa.db import BaseModel, VersionedModel
from qa.frameworks.models import Framework

ROLES = {"admin": "Admin", "reviewer": "Reviewer", "agency_lead": "Agency lead"}
TITLES = {
    "dr",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "prof",
    "rev",
    "revd",
    "det",
    "insp",
    "ds",
    "di",
    "dc",
    "pc",
    "sgt",
    "cllr",
    "sir",
    "dame",
}
CONFLICT_KINDS = {
    "line-management": "Line management",
    "commissioning": "Commissioning or contract relationship",
    "family": "Family or personal relationship",
    "other": "Other",
}


class Sector(VersionedModel):
    name = CharField(unique=True)
    slug = CharField(unique=True)

    def __str__(self):
        return self.name


class Agency(VersionedModel):
    name = CharField(unique=True)
    sector = ForeignKeyField(Sector, backref="agencies", on_delete="RESTRICT")
    framework = ForeignKeyField(Framework, null=True, on_delete="SET NULL")
    active = BooleanField(default=True)
    # The council, NHS trust, police force... the agency belongs to; "" for none. Pairing never
    # sends a visitor to an agency of their own parent organisation.
    parent_organisation = CharField(default="")

    def __str__(self):
        return self.name


class User(UserMixin, VersionedModel):
    email = CharField(unique=True)
    name = CharField()
    password_hash = CharField(default="")
    role = CharField(index=True)
    agency = ForeignKeyField(Agency, null=True, backref="people", on_delete="RESTRICT")
    subgroup_member = BooleanField(default=False)
    active = BooleanField(default=True)
    max_visits = IntegerField(default=2)
    min_visits = IntegerField(default=0)  # fewest visits asked of them a cycle; pairing favours it
    # flask-login's "alternative token": changing it ends every session of this person.
    session_token = CharField(unique=True, default=lambda: secrets.token_urlsafe(32))
    created_at = DateTimeField(default=datetime.now)

    def __str__(self):
        return self.name

    def get_id(self):
        return self.session_token

    @property
    def is_active(self):
        return self.active

    @property
    def is_admin(self):
        return self.role == "admin"

    @property
    def on_subgroup(self):
        """Admins and reviewers who sit on the QA sub-group: they see the partnership-wide views;
        peer reviewers do not."""
        return self.role == "admin" or (self.role == "reviewer" and bool(self.subgroup_member))

    @property
    def first_name(self):
        """How to greet them: the first word of their name that is not a title (Dr, DS, Rev...)."""
        words = self.name.split()
        names = [w for w in words if w.rstrip(".").lower() not in TITLES]
        return (names or words or [""])[0]

    @property
    def sort_key(self):
        """How a list of people is ordered: by surname (the last word of the name), then the rest,
        so that "Dr" and "DS" do not decide the order."""
        words = self.name.split()
        return ((words or [""])[-1].lower(), self.name.lower())

    @property
    def role_label(self):
        return ROLES.get(self.role, self.role)

    def end_sessions(self):
        """Invalidate every session this person has (logout, deactivation, password change)."""
        self.session_token = secrets.token_urlsafe(32)
        User.update(session_token=self.session_token).where(User.id == self.id).execute()


class Conflict(BaseModel):
    user = ForeignKeyField(User, backref="conflicts", on_delete="CASCADE")
    agency = ForeignKeyField(Agency, backref="conflicts", on_delete="CASCADE")
    kind = CharField(default="other")
    detail = TextField(default="")
    created_at = DateTimeField(default=datetime.now)

    class Meta:
        indexes = ((("user", "agency"), True),)

    @property
    def kind_label(self):
        return CONFLICT_KINDS.get(self.kind, self.kind)


class Unavailability(BaseModel):
    user = ForeignKeyField(User, backref="unavailable_dates", on_delete="CASCADE")
    date = DateField()
    note = CharField(default="")

    class Meta:
        indexes = ((("user", "date"), True),)


class PreferredSector(BaseModel):
    """A sector a person would like to review: pairing favours such visits (a soft cost)."""

    user = ForeignKeyField(User, backref="preferred_sectors", on_delete="CASCADE")
    sector = ForeignKeyField(Sector, backref="+", on_delete="CASCADE")

    class Meta:
        indexes = ((("user", "sector"), True),)


class DatePreference(BaseModel):
    """A day a person would like to visit on (prefers) or would rather not (not prefers): unlike an
    unavailable date, pairing may still ask them, at a cost."""

    user = ForeignKeyField(User, backref="date_preferences", on_delete="CASCADE")
    date = DateField()
    prefers = BooleanField()

    class Meta:
        indexes = ((("user", "date"), True),)

    @property
    def words(self):
        return "would like to visit" if self.prefers else "would rather not visit"


MODELS = [Sector, Agency, User, Conflict, Unavailability, PreferredSector, DatePreference]
