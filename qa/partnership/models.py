"""The partnership's own settings: one row, made when an admin first saves the settings page."""

from peewee import CharField, DateTimeField, ForeignKeyField, IntegerField

from qa.db import VersionedModel
from qa.people.models import User

DEFAULT_TIME_ZONE = "Europe/London"


class PartnershipSettings(VersionedModel):
    name = CharField()
    # Shown in the header in place of a logo; the name when blank.
    header_text = CharField(default="")
    contact_email = CharField(default="")
    contact_phone = CharField(default="")
    time_zone = CharField(default=DEFAULT_TIME_ZONE)
    # How long a case audit is kept after its cycle ends (its cases, returns and meeting; the
    # actions it raised stay on the register). Separate from survey answers' own setting.
    case_audit_years = IntegerField(default=7)
    updated_at = DateTimeField(null=True)
    updated_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")

    def __str__(self):
        return "the partnership's settings"

    @property
    def header(self):
        """What the header shows: its own text, else the partnership's name."""
        return self.header_text or self.name

    @classmethod
    def saved(cls, default_name):
        """The saved row, or (before the first save) an unsaved one named `default_name`."""
        return cls.select().order_by(cls.id).first() or cls(
            name=default_name, time_zone=DEFAULT_TIME_ZONE
        )


MODELS = [PartnershipSettings]
