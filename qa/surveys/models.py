"""Surveys, their questions and links, the anonymous responses and answers, flags and "you said.

We did".
"""

import json
import secrets
from datetime import date, datetime

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
from qa.frameworks.models import Standard
from qa.people.models import Agency, User
from qa.surveys import rules

AUDIENCES = {"children": "Children and young people", "staff": "Staff"}
AGE_BANDS = {
    "8-12": "8 to 12 years",
    "13-17": "13 to 17 years",
    "8-17": "8 to 17 years (they choose)",
    "adult": "Adults",
}
STATUSES = {"draft": "Draft", "open": "Open", "closed": "Closed"}
DEFAULT_SAFETY_MESSAGE = (
    "If you are worried about your safety, talk to an adult you trust, "
    "or call Childline on 0800 1111. It is free and they will listen."
)
DEFAULT_STAFF_SAFETY_MESSAGE = (
    "If you are worried about a child, follow your agency's safeguarding procedures. "
    "If a child is in immediate danger, call 999."
)


def new_code():
    return rules.new_code()


def this_hour(now=None):
    """The time to the hour, no finer: what drafts and sent visits keep."""
    return (now or datetime.now()).replace(minute=0, second=0, microsecond=0)


class SurveySettings(BaseModel):
    """The partnership's survey settings: one row."""

    safety_message = TextField(default=DEFAULT_SAFETY_MESSAGE)
    retention_years = IntegerField(default=3)
    staff_safety_message = TextField(default=DEFAULT_STAFF_SAFETY_MESSAGE)
    # A green rating is flagged when fewer than this share of the agency's own staff answer
    # positively.
    mismatch_percent = IntegerField(default=50)
    # Where a child can get help near them, shown beside Childline and 999 on children's screens.
    help_name = CharField(default="")
    help_phone = CharField(default="")
    # Who a child (or a parent) can ask about the privacy notice.
    privacy_contact = CharField(default="")

    @classmethod
    def current(cls):
        return cls.get_or_none() or cls(
            safety_message=DEFAULT_SAFETY_MESSAGE,
            retention_years=3,
            staff_safety_message=DEFAULT_STAFF_SAFETY_MESSAGE,
            mismatch_percent=50,
        )


class Survey(VersionedModel):
    title = CharField()
    audience = CharField(default="children")
    age_band = CharField(default="8-12")
    introduction = TextField(default="")
    readers = TextField(default="")
    opens_on = DateField(null=True)
    closes_on = DateField(null=True)
    status = CharField(default="draft", index=True)
    safety_message = TextField(default="")  # blank: the partnership's message from SurveySettings
    public_code = CharField(unique=True, default=new_code)  # its public "you said, we did" page
    created_at = DateTimeField(default=datetime.now)
    # A picture beside each answer and an "I don't understand" answer on every question.
    easy_read = BooleanField(default=False)

    def __str__(self):
        return self.title

    @property
    def status_label(self):
        return STATUSES.get(self.status, self.status)

    @property
    def audience_label(self):
        return AUDIENCES.get(self.audience, self.audience)

    @property
    def age_band_label(self):
        return AGE_BANDS.get(self.age_band, self.age_band)

    def accepting(self, today=None):
        return rules.accepting(self.status, self.opens_on, self.closes_on, today or date.today())

    @property
    def for_staff(self):
        return self.audience == "staff"

    def safety_text(self):
        settings = SurveySettings.current()
        return self.safety_message.strip() or (
            settings.staff_safety_message if self.for_staff else settings.safety_message
        )


class Question(VersionedModel):
    survey = ForeignKeyField(Survey, backref="questions", on_delete="CASCADE")
    position = IntegerField()
    kind = CharField()
    prompt = TextField()
    hint = TextField(default="")
    options = TextField(default="[]")  # JSON list of labels
    # A smiley question's answer scale (kinds.SCALES: "safe", "happy", "agree", "often"), whose
    # words for the survey's age band are its options; "" when the builder wrote its own words.
    scale = CharField(default="")
    # A stable identity kept when a survey is copied, so this year's answers compare with last
    # year's.
    key = CharField(default=lambda: secrets.token_hex(6))
    standard = ForeignKeyField(Standard, null=True, on_delete="SET NULL")
    # JSON list of the choose-one/choose-several answers that count as positive for the standard
    # (see kinds.positive_values).
    positive = TextField(default="[]")

    class Meta:
        indexes = ((("survey", "key"), True),)

    def __str__(self):
        return self.prompt[:60]

    @property
    def option_list(self):
        return json.loads(self.options or "[]")

    @property
    def positive_list(self):
        return json.loads(self.positive or "[]")


class SurveyLink(BaseModel):
    survey = ForeignKeyField(Survey, backref="links", on_delete="CASCADE")
    code = CharField(unique=True, default=new_code)
    label = CharField()
    closed = BooleanField(default=False)
    created_at = DateTimeField(default=datetime.now)

    def __str__(self):
        return self.label


class Response(BaseModel):
    """One anonymous set of answers: no name, address, device or time of day, only the date.

    Nothing from the visitor's cookie either: a second send of the same visit is caught by
    SentVisit, which holds no response.
    """

    survey = ForeignKeyField(Survey, backref="responses", on_delete="CASCADE")
    link = ForeignKeyField(SurveyLink, null=True, backref="responses", on_delete="SET NULL")
    submitted_on = DateField(default=date.today, index=True)
    age_band = CharField(default="")
    # Staff surveys: the agency chosen from the list, or none with agency_answer "other" or
    # "not-said".
    agency = ForeignKeyField(Agency, null=True, backref="+", on_delete="SET NULL")
    agency_answer = CharField(default="")
    role_group = CharField(default="")
    # The language the child answered in ("" for English): answers are the same either way.
    language = CharField(default="")
    # typed in by a member of staff from a paper form; never who typed it
    paper = BooleanField(default=False)


class Answer(BaseModel):
    response = ForeignKeyField(Response, backref="answers", on_delete="CASCADE")
    question = ForeignKeyField(Question, backref="answers", on_delete="CASCADE")
    value = TextField()

    class Meta:
        indexes = ((("response", "question", "value"), True),)


class NotUnderstood(BaseModel):
    """An "I don't understand" on an easy-read question: counted apart from the answers, so it is
    never a point on a scale, a share or a written answer."""

    response = ForeignKeyField(Response, backref="not_understood", on_delete="CASCADE")
    question = ForeignKeyField(Question, backref="not_understood", on_delete="CASCADE")

    class Meta:
        indexes = ((("response", "question"), True),)


class Translation(BaseModel):
    """One text of a survey in another language: a question, an answer or a word on the screens.

    `key` names the text (qa.surveys.languages.text_keys); `english` is the English it was written
    from, so a translation of words changed since shows as missing.
    """

    survey = ForeignKeyField(Survey, backref="translations", on_delete="CASCADE")
    language = CharField()
    key = CharField()
    english = TextField(default="")
    text = TextField(default="")

    class Meta:
        indexes = ((("survey", "language", "key"), True),)


class Flag(BaseModel):
    """A free-text answer with words that may mean a child is at risk, for the QA officer to follow
    up."""

    answer = ForeignKeyField(Answer, unique=True, backref="flags", on_delete="CASCADE")
    phrases = CharField(default="")
    reviewed = BooleanField(default=False)
    note = TextField(default="")
    reviewed_by = ForeignKeyField(User, null=True, on_delete="SET NULL")
    reviewed_at = DateTimeField(null=True)


class FlagReviewer(BaseModel):
    """A person the partnership names to read written answers and review flagged ones (admins
    always may)."""

    user = ForeignKeyField(User, unique=True, backref="flag_reviewer", on_delete="CASCADE")


class YouSaidWeDid(VersionedModel):
    survey = ForeignKeyField(Survey, backref="statements", on_delete="CASCADE")
    you_said = TextField()
    we_did = TextField()
    published = BooleanField(default=False)
    created_at = DateTimeField(default=datetime.now)

    def __str__(self):
        return self.you_said[:60]

    @classmethod
    def published_of(cls, survey):
        """The survey's published statements, oldest first: what its public page shows."""
        return cls.select().where((cls.survey == survey) & cls.published).order_by(cls.created_at)


class SafeguardingTerm(BaseModel):
    phrase = CharField(unique=True)

    def __str__(self):
        return self.phrase


class SurveyBurst(BaseModel):
    """Many responses sent on one link within a few minutes (qa.surveys.limits), for the admin to
    look at and perhaps discard: the range of their ids, never a time of day."""

    link = ForeignKeyField(SurveyLink, backref="bursts", on_delete="CASCADE")
    on = DateField(default=date.today)
    first_response = IntegerField()
    last_response = IntegerField()
    discarded = BooleanField(default=False)


class SurveyDraft(BaseModel):
    """The answers of a visit in progress, keyed by a random visit key held only in the visitor's
    session."""

    visit_key = CharField(unique=True)
    link = ForeignKeyField(SurveyLink, on_delete="CASCADE")
    answers = TextField(default="{}")  # JSON {question id: [values]}
    age_band = CharField(default="")
    # JSON {"agency": ..., "role_group": ...}: a staff visit's "about your work" screen
    about = TextField(default="{}")
    # to the hour only (see this_hour): an abandoned draft does not tell when a child stopped
    updated_at = DateTimeField(default=lambda: this_hour(), index=True)


class SentVisit(BaseModel):
    """A hash of the visit key of a visit whose answers were sent, so sending twice (a double tap
    racing in two workers) makes one response.

    Deliberately no link to the Response, and kept under a day (visits.purge_drafts): after that
    nothing joins a cookie to the answers.
    """

    key_hash = CharField(unique=True)
    sent_at = DateTimeField(default=lambda: this_hour(), index=True)  # to the hour only


class ContactRequest(BaseModel):
    """A practitioner who asked to be contacted. Deliberately no link to their Response: the answers
    stay anonymous."""

    survey = ForeignKeyField(Survey, backref="contact_requests", on_delete="CASCADE")
    name = CharField()
    email = CharField()
    message = TextField(default="")
    # a date, not a time: nothing to match against a response
    created_on = DateField(default=date.today)


MODELS = [
    SurveySettings,
    Survey,
    Question,
    SurveyLink,
    Response,
    Answer,
    NotUnderstood,
    Translation,
    Flag,
    FlagReviewer,
    YouSaidWeDid,
    SafeguardingTerm,
    SurveyDraft,
    SentVisit,
    SurveyBurst,
    ContactRequest,
]
