"""Forms for building surveys, their questions, links, "you said.

We did" and the survey settings.
"""

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    EmailField,
    IntegerField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import (
    Email,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    Regexp,
    ValidationError,
)

from qa.forms import ChoiceField, DateInputField, VersionedForm, optional_int, strip
from qa.surveys import kinds, languages
from qa.surveys.models import AGE_BANDS, AUDIENCES

# What each form's fields are called when someone else saved first (see editing.save_form).
SURVEY_LABELS = {
    "title": "Title",
    "audience": "Who it is for",
    "age_band": "Age band",
    "introduction": "Introduction",
    "readers": "Who will read the answers",
    "opens_on": "Opens",
    "closes_on": "Closes",
    "safety_message": "Safety message",
    "easy_read": "Easy read",
}
QUESTION_LABELS = {
    "kind": "Kind of question",
    "prompt": "Question",
    "hint": "Hint",
    "options": "Answers",
    "scale": "Answer scale",
}
TAG_LABELS = {"standard": "Standard", "positive": "Positive answers"}
STATEMENT_LABELS = {"you_said": "You said", "we_did": "We did", "published": "Published"}
SETTINGS_FIELDS = (
    "safety_message",
    "staff_safety_message",
    "retention_years",
    "mismatch_percent",
    "help_name",
    "help_phone",
    "privacy_contact",
)


class SurveyForm(VersionedForm):
    title = StringField(
        filters=[strip],
        validators=[
            InputRequired("Enter the survey's title"),
            Length(max=120, message="Title must be 120 characters or fewer"),
        ],
    )
    audience = ChoiceField(choices=list(AUDIENCES.items()), message="Choose who the survey is for")
    age_band = ChoiceField(choices=list(AGE_BANDS.items()), message="Choose an age band")
    introduction = TextAreaField(
        filters=[strip],
        validators=[Length(max=2000, message="Keep the introduction to 2,000 characters or fewer")],
    )
    readers = StringField(
        filters=[strip],
        validators=[Length(max=300, message="Keep this to 300 characters or fewer")],
    )
    opens_on = DateInputField(validators=[Optional()], noun="The opening date")
    closes_on = DateInputField(validators=[Optional()], noun="The closing date")
    safety_message = TextAreaField(
        filters=[strip],
        validators=[Length(max=600, message="Keep the safety message to 600 characters or fewer")],
    )
    easy_read = BooleanField()

    def validate_easy_read(self, field):
        if self.audience.data == "staff":
            field.data = False  # easy read is for children's screens

    def validate_age_band(self, field):
        if self.audience.data == "staff":
            # staff read as adults: the reading-age check aims at an adult reader
            field.data = "adult"

    def validate_closes_on(self, field):
        if field.data and self.opens_on.data and field.data < self.opens_on.data:
            raise ValidationError("The closing date must be on or after the opening date")


def _lines(value):
    if isinstance(value, list):
        return value
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


class QuestionForm(VersionedForm):
    kind = ChoiceField(choices=list(kinds.KINDS.items()), message="Choose a kind of question")
    prompt = TextAreaField(
        filters=[strip],
        validators=[
            InputRequired("Enter the question"),
            Length(max=300, message="Keep the question to 300 characters or fewer"),
        ],
    )
    hint = StringField(
        filters=[strip],
        validators=[Length(max=300, message="Keep the hint to 300 characters or fewer")],
    )
    answer_scale = ChoiceField(
        choices=[("", "Our own words, written below")] + kinds.SCALE_CHOICES, required=False
    )
    options = TextAreaField(filters=[lambda v: "\n".join(_lines(v))])

    def validate_options(self, field):
        if self.kind.data == "smiley" and (not field.data or self.scale):
            field.data = "\n".join(kinds.default_options("smiley", 5))
        if self.kind.data in ("yes_no", "text", "anything_else"):
            field.data = ""
        problem = kinds.options_problem(self.kind.data, _lines(field.data))
        if problem and self.kind.data in kinds.KINDS:
            raise ValidationError(problem)

    @property
    def option_list(self):
        return _lines(self.options.data)

    @property
    def scale(self):
        """(scale, points) chosen for a smiley question, or None for its own words."""
        return (
            kinds.parse_scale_choice(self.answer_scale.data) if self.kind.data == "smiley" else None
        )


class LinkForm(FlaskForm):
    label = StringField(
        filters=[strip],
        validators=[
            InputRequired("Enter where this link will be used, like Oak Primary Y6"),
            Length(max=80, message="Keep the label to 80 characters or fewer"),
        ],
    )


class StatementForm(VersionedForm):
    you_said = TextAreaField(
        filters=[strip],
        validators=[InputRequired("Enter what children and young people said"), Length(max=1000)],
    )
    we_did = TextAreaField(
        filters=[strip], validators=[InputRequired("Enter what was done"), Length(max=1000)]
    )
    published = BooleanField()


class SettingsForm(FlaskForm):
    safety_message = TextAreaField(
        filters=[strip], validators=[InputRequired("Enter the safety message"), Length(max=600)]
    )
    staff_safety_message = TextAreaField(
        filters=[strip],
        validators=[InputRequired("Enter the safety message for staff"), Length(max=600)],
    )
    retention_years = IntegerField(
        validators=[
            InputRequired("Enter how many years to keep answers"),
            NumberRange(min=1, max=10, message="Enter a number of years from 1 to 10"),
        ]
    )
    mismatch_percent = IntegerField(
        validators=[
            InputRequired("Enter the share of staff, as a percentage"),
            NumberRange(min=1, max=100, message="Enter a percentage from 1 to 100"),
        ]
    )
    help_name = StringField(filters=[strip], validators=[Length(max=100)])
    help_phone = StringField(
        filters=[strip],
        validators=[
            Length(max=20),
            Regexp(
                r"^\+?[0-9 ]*$",
                message="Enter a phone number using digits and spaces, like 01632 960 123",
            ),
        ],
    )
    privacy_contact = StringField(filters=[strip], validators=[Length(max=200)])


class TagForm(VersionedForm):
    """Which Section 11 standard a question informs, and (choose one or several) which answers count
    as positive."""

    standard = ChoiceField(
        coerce=optional_int, required=False, message="Choose a standard from the list"
    )
    positive = TextAreaField(filters=[lambda v: "\n".join(_lines(v))])

    def __init__(self, *args, question=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.question = question

    def validate_positive(self, field):
        if not self.standard.data:
            field.data = ""
            return
        if self.question.kind not in kinds.TAGGABLE:
            raise ValidationError(
                "A written answer cannot count as positive: only questions with answers to "
                "choose can inform a standard"
            )
        problem = kinds.positive_problem(
            self.question.kind, self.question.option_list, _lines(field.data)
        )
        if problem:
            raise ValidationError(problem)

    @property
    def positive_list(self):
        return (
            _lines(self.positive.data)
            if self.question.kind in ("choose_one", "choose_many")
            else []
        )


class ContactForm(FlaskForm):
    """A practitioner who would like to be contacted; every field is checked, nothing else is
    kept."""

    name = StringField(
        filters=[strip],
        validators=[
            InputRequired("Enter your name"),
            Length(max=100, message="Keep your name to 100 characters or fewer"),
        ],
    )
    email = EmailField(
        filters=[strip],
        validators=[
            InputRequired("Enter your email address"),
            Email("Enter an email address like name@example.org"),
            Length(max=254),
        ],
    )
    message = TextAreaField(
        filters=[strip],
        validators=[Length(max=1000, message="Keep your message to 1,000 characters or fewer")],
    )


class TermForm(FlaskForm):
    phrase = StringField(
        filters=[strip, lambda v: v.lower() if isinstance(v, str) else v],
        validators=[InputRequired("Enter a word or phrase"), Length(max=60)],
    )


class FlagForm(FlaskForm):
    note = TextAreaField(
        filters=[strip],
        validators=[
            InputRequired("Say what you did, following local procedures"),
            Length(max=2000),
        ],
    )


def translation_form(texts):
    """A form with a box for each text of a translation (`text_0` …, in the order of `texts`)
    and one for a note to other admins."""

    class TranslationForm(FlaskForm):
        note = StringField(filters=[strip], validators=[Length(max=300)])

        def validate(self, extra_validators=None):
            valid = super().validate(extra_validators)
            for text, field in zip(texts, self.text_fields(), strict=True):
                problem = languages.problem(text.key, field.data)
                if problem:
                    field.errors.append(problem)
                    valid = False
            return valid

        def text_fields(self):
            return [getattr(self, f"text_{index}") for index in range(len(texts))]

        def posted(self):
            """{key: translated text}, the note included."""
            given = {text.key: f.data for text, f in zip(texts, self.text_fields(), strict=True)}
            return {**given, languages.NOTE: self.note.data}

    for index in range(len(texts)):
        setattr(TranslationForm, f"text_{index}", TextAreaField(filters=[strip]))
    return TranslationForm


class ReviewersForm(FlaskForm):
    """Who the partnership names to read written answers and review flags (admins always may)."""

    reviewers = SelectMultipleField(coerce=int, validate_choice=True)
