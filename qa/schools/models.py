"""What the partnership knows of a school, college or early-years setting beyond its Agency: its
entry on the public register (Get Information About Schools) and the people who sign off its
safeguarding return."""

from datetime import datetime

from peewee import (
    BlobField,
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from qa.db import BaseModel, VersionedModel
from qa.people.models import Agency, User

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
    # Email domains (one a line, like "oakhill.sch.uk") whose owners are given an account when
    # they ask for one, without waiting for an admin.
    allowed_domains = TextField(default="")

    def __str__(self):
        return self.agency.name


class AccountSettings(VersionedModel):
    """The partnership's rules for settings' own accounts: one row, made on the first save."""

    # Email domains allowed for every setting (a council's or a trust's), one a line.
    allowed_domains = TextField(default="")
    # Whether settings' accounts end each year some days after the deadline for returns.
    accounts_expire = BooleanField(default=False)
    days_after_deadline = IntegerField(default=30)


class AccountRequest(BaseModel):
    """A designated safeguarding lead asking for an account for their setting.

    `status`: "pending" (waiting for an admin), "approved" (by an admin, or "automatic" by the
    email's domain) or "refused". An approved request makes (or renews) an agency lead's account
    and a one-time link to set its password: only the link's hash is kept."""

    setting = ForeignKeyField(Setting, backref="account_requests", on_delete="CASCADE")
    name = CharField()
    email = CharField(index=True)
    status = CharField(default="pending", index=True)
    how = CharField(default="")  # "admin" or "automatic" once approved
    asked_at = DateTimeField(default=datetime.now, index=True)
    address = CharField(default="", index=True)  # a keyed hash of the client's address
    decided_at = DateTimeField(null=True)
    decided_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    decided_on = DateField(null=True)  # the account's year starts here (see rules.expires_on)
    user = ForeignKeyField(User, null=True, backref="account_requests", on_delete="SET NULL")
    link_hash = CharField(null=True, unique=True)
    link_expires = DateTimeField(null=True)


class RegisterUpload(BaseModel):
    """A register file uploaded and previewed, kept until it is imported (or a day passes), so
    the preview and the import read the same file. Only its uploader may import it."""

    token = CharField(unique=True)
    owner = ForeignKeyField(User, on_delete="CASCADE")
    filename = CharField(default="")
    data = BlobField()
    at = DateTimeField(default=datetime.now, index=True)


MODELS = [Setting, AccountSettings, AccountRequest, RegisterUpload]
