"""A CaseAudit is one topic's audit: its cases, each agency's return on each case, the meeting.

A Case is known only by a pseudonymous reference. Each agency involved in a case completes one
CaseReturn, grading each of the audit's domains (DomainGrade) and writing a Signs of Safety–style
summary; the auditors then agree a grade per domain (AgreedGrade) and the themes.
"""

from datetime import datetime

from peewee import (
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from qa import lifecycle
from qa.actions.models import Action
from qa.case_audits import rules
from qa.cycles.models import Cycle
from qa.db import BaseModel, VersionedModel
from qa.people.models import Agency, User


class CaseAudit(VersionedModel):
    cycle = ForeignKeyField(Cycle, backref="case_audits", on_delete="RESTRICT")
    topic = CharField()
    reason = TextField(default="")  # why this topic was chosen
    # what it came from: a learning review, a data-set indicator, a board priority, ...
    reason_source = CharField(default="")
    cases_chosen_by = DateField(null=True)
    returns_due = DateField(null=True)
    meeting_on = DateField(null=True)
    board_on = DateField(null=True)
    status = CharField(default="planned")
    domains = TextField(default="\n".join(rules.DEFAULT_DOMAINS))  # one a line
    method = TextField(default="")
    summary = TextField(default="")  # the agreed summary, shown in the table of audits
    good_practice = TextField(default="")
    updated_at = DateTimeField(null=True)
    updated_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")

    def __str__(self):
        return f"the {self.topic} case audit"

    @property
    def status_label(self):
        return rules.STATUSES.get(self.status, self.status)

    @property
    def domain_list(self):
        return rules.domains_from(self.domains)

    @property
    def met(self):
        return self.status in rules.AFTER_MEETING


class Case(VersionedModel):
    audit = ForeignKeyField(CaseAudit, backref="cases", on_delete="CASCADE")
    reference = CharField()
    locality = CharField(default="")
    criteria = TextField(default="")
    children = IntegerField(default=1)
    good_practice = TextField(default="")  # agreed at the meeting
    meeting_notes = TextField(default="")
    created_at = DateTimeField(default=datetime.now)

    class Meta:
        indexes = ((("audit", "reference"), True),)

    def __str__(self):
        return f"case {self.reference}"


class CaseAgency(BaseModel):
    """An agency involved with a case: it owes a return on it."""

    case = ForeignKeyField(Case, backref="involved", on_delete="CASCADE")
    agency = ForeignKeyField(Agency, backref="+", on_delete="CASCADE")

    class Meta:
        indexes = ((("case", "agency"), True),)


class NamedAuditor(BaseModel):
    """Someone named to audit cases for their agency in one audit (besides its lead)."""

    audit = ForeignKeyField(CaseAudit, backref="auditors", on_delete="CASCADE")
    user = ForeignKeyField(User, backref="+", on_delete="CASCADE")

    class Meta:
        indexes = ((("audit", "user"), True),)


class CaseReturn(VersionedModel):
    """One agency's single-agency audit of one case."""

    case = ForeignKeyField(Case, backref="returns", on_delete="CASCADE")
    agency = ForeignKeyField(Agency, backref="+", on_delete="CASCADE")
    status = CharField(default=lifecycle.DRAFT)
    worked_well = TextField(default="")
    worried_about = TextField(default="")
    needs_to_happen = TextField(default="")
    updated_at = DateTimeField(null=True)
    updated_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    submitted_at = DateTimeField(null=True)
    submitted_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    reopened_reason = TextField(default="")

    class Meta:
        indexes = ((("case", "agency"), True),)

    def __str__(self):
        return f"{self.agency.name}'s audit of {self.case}"

    @property
    def editable(self):
        return lifecycle.can_change(self.status)

    @property
    def status_label(self):
        return lifecycle.STATUSES.get(self.status, self.status)


class DomainGrade(VersionedModel):
    return_ = ForeignKeyField(
        CaseReturn, column_name="return_id", backref="grades", on_delete="CASCADE"
    )
    position = IntegerField(default=0)
    domain = CharField()
    grade = CharField(default="")  # '' (not graded yet) or a key of rules.GRADES
    justification = TextField(default="")
    updated_at = DateTimeField(null=True)
    updated_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")

    class Meta:
        indexes = ((("return_", "domain"), True),)

    def __str__(self):
        return f"{self.domain} in {self.return_}"


class AgreedGrade(VersionedModel):
    """The auditors' agreed multi-agency grade for one domain of one case."""

    case = ForeignKeyField(Case, backref="agreed", on_delete="CASCADE")
    domain = CharField()
    grade = CharField(default="")
    note = TextField(default="")

    class Meta:
        indexes = ((("case", "domain"), True),)


class AuditTheme(BaseModel):
    """A theme the auditors saw across cases: a strength or a concern."""

    audit = ForeignKeyField(CaseAudit, backref="themes", on_delete="CASCADE")
    name = CharField()
    kind = CharField(default="concern")  # strength or concern

    class Meta:
        indexes = ((("audit", "name"), True),)


class CaseTheme(BaseModel):
    case = ForeignKeyField(Case, backref="themes", on_delete="CASCADE")
    theme = ForeignKeyField(AuditTheme, backref="cases", on_delete="CASCADE")

    class Meta:
        indexes = ((("case", "theme"), True),)


class AuditAttendance(BaseModel):
    """Whether an agency was at the auditors' meeting."""

    audit = ForeignKeyField(CaseAudit, backref="attendance", on_delete="CASCADE")
    agency = ForeignKeyField(Agency, backref="+", on_delete="CASCADE")
    attended = BooleanField(default=True)

    class Meta:
        indexes = ((("audit", "agency"), True),)


class AuditRecommendation(BaseModel):
    """A recommendation of the audit: for one agency (it becomes an action in the register) or
    partnership-wide (no agency)."""

    audit = ForeignKeyField(CaseAudit, backref="recommendations", on_delete="CASCADE")
    text = TextField()
    agency = ForeignKeyField(Agency, null=True, backref="+", on_delete="SET NULL")
    action = ForeignKeyField(Action, null=True, backref="+", on_delete="SET NULL")
    created_at = DateTimeField(default=datetime.now)


MODELS = [
    CaseAudit,
    Case,
    CaseAgency,
    NamedAuditor,
    CaseReturn,
    DomainGrade,
    AgreedGrade,
    AuditTheme,
    CaseTheme,
    AuditAttendance,
    AuditRecommendation,
]
