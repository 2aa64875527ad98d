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

from qa.challenge.models import ChallengeEvent
from qa.cycles.models import Cycle
from qa.db import BaseModel, VersionedModel
from qa.frameworks.models import Framework
from qa.people.models import Agency, User
from qa.section11.models import Return

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


class SignOffNeeds(BaseModel):
    """The sign-offs a framework's returns need after the lead submits them, in order: "head
    chair" for section 175 and 157 (the head signs off, then the chair of governors notes it);
    no row, or blank, for a framework that needs none (the voluntary organisations' one)."""

    framework = ForeignKeyField(Framework, unique=True, backref="+", on_delete="CASCADE")
    needs = CharField(default="")  # space-separated keys of signoff_rules.ROLES, in order


class SignOff(BaseModel):
    """One person's sign-off of a return: asked of them by an emailed link, given with their name
    and the date, and withdrawn if the return's answers change after it."""

    return_ = ForeignKeyField(
        Return, column_name="return_id", backref="sign_offs", on_delete="CASCADE"
    )
    role = CharField()  # head or chair (signoff_rules.ROLES)
    email = CharField()
    asked_at = DateTimeField(default=datetime.now)
    asked_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    name = CharField(default="")  # as the signer typed it
    comment = TextField(default="")
    signed_at = DateTimeField(null=True)
    withdrawn_at = DateTimeField(null=True)
    withdrawn_reason = CharField(default="")


class Extension(BaseModel):
    """A later deadline for one setting's return in one cycle, with the reason it was given."""

    setting = ForeignKeyField(Setting, backref="extensions", on_delete="CASCADE")
    cycle = ForeignKeyField(Cycle, backref="+", on_delete="CASCADE")
    until = DateField()
    reason = TextField()
    granted_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    granted_at = DateTimeField(default=datetime.now)

    class Meta:
        indexes = ((("setting", "cycle"), True),)


class Chase(BaseModel):
    """A reminder sent about a setting's missing return: stage 1 and 2 to its lead, stage 3 the
    escalation to its head and chair of governors (chasing_rules)."""

    setting = ForeignKeyField(Setting, backref="chases", on_delete="CASCADE")
    cycle = ForeignKeyField(Cycle, backref="+", on_delete="CASCADE")
    stage = IntegerField()
    sent_on = DateField()
    sent_to = TextField(default="")

    class Meta:
        indexes = ((("setting", "cycle", "stage"), True),)


class VisitSample(BaseModel):
    """A sample of settings chosen for verification visits, with what it was drawn from, its size,
    its weights and its seed: drawn again with these, it gives the same settings."""

    cycle = ForeignKeyField(Cycle, backref="+", on_delete="CASCADE")
    size = IntegerField()
    seed = IntegerField()
    weights = CharField(default="")  # sampling.WEIGHTS keys chosen, space-separated
    chosen_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    chosen_at = DateTimeField(default=datetime.now)


class SampledSetting(BaseModel):
    """A setting in a sample, the reason it was chosen, and its visit (a challenge event)."""

    sample = ForeignKeyField(VisitSample, backref="chosen", on_delete="CASCADE")
    setting = ForeignKeyField(Setting, backref="+", on_delete="CASCADE")
    stratum = CharField()
    reason = TextField()
    event = ForeignKeyField(ChallengeEvent, null=True, backref="+", on_delete="SET NULL")


MODELS = [
    Setting,
    AccountSettings,
    AccountRequest,
    RegisterUpload,
    SignOffNeeds,
    SignOff,
    Extension,
    Chase,
    VisitSample,
    SampledSetting,
]
