"""What the partnership knows of a school, college or early-years setting beyond its Agency: its
entry on the public register (Get Information About Schools) and the people who sign off its
safeguarding return."""

from datetime import datetime

from peewee import CharField, DateTimeField, ForeignKeyField

from qa.db import VersionedModel
from qa.people.models import Agency

# The kinds of setting, each with its own sector and framework (section 175 for maintained
# schools and academies, section 157 for independent schools, early years, further education) and
# a lighter self-assessment for small voluntary organisations.
KINDS = {
    "school": "School",
    "independent": "Independent school",
    "early_years": "Early years setting",
    "further_education": "Further education college",
    "voluntary": "Voluntary organisation",
}


class Setting(VersionedModel):
    """One setting: an Agency with its register entry. `urn` is the register's unique reference
    number (blank for a setting not on the register, such as a voluntary organisation); a
    re-import matches on it."""

    agency = ForeignKeyField(Agency, unique=True, backref="setting", on_delete="CASCADE")
    urn = CharField(null=True, unique=True)
    kind = CharField(index=True)  # a key of KINDS
    phase = CharField(default="", index=True)  # the register's phase: Primary, Secondary, ...
    establishment_type = CharField(default="")  # Community school, Academy converter, ...
    local_authority = CharField(default="")
    locality = CharField(default="", index=True)  # the partnership's area the setting is in
    status = CharField(default="open", index=True)  # "open" or "closed" on the register
    address = CharField(default="")
    postcode = CharField(default="")
    head_name = CharField(default="")
    head_email = CharField(default="")
    chair_name = CharField(default="")  # the chair of governors (or proprietor, or trustee)
    chair_email = CharField(default="")
    imported_at = DateTimeField(default=datetime.now)

    def __str__(self):
        return self.agency.name


MODELS = [Setting]
