"""The forms of a return, and how their saved fields read in a conflict.

A rating, an improvement action, an evidence upload, submitting, reopening and moderating.
"""

from datetime import date

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import HiddenField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, Regexp, ValidationError

from qa.forms import ChoiceField, DateInputField, VersionedForm, strip
from qa.section11.rules import ACTION_LIMIT, EVIDENCE_LIMIT, MEANING, RAG

RAG_CHOICES = [(key, f"{name} – {MEANING[key]}") for key, name in RAG.items()]
MODERATION = {"": "Not reviewed yet", "agreed": "Agreed", "challenged": "Challenged"}

# The fields a conflict compares, as people call them.
RATING_LABELS = {"rag": "Rating", "evidence": "Evidence"}
MODERATION_LABELS = {"moderation_status": "Moderation", "moderation_comment": "Comment"}


def rating_words(name, value):
    """A rating field's value in a conflict: the rating as a word, blank words as "(blank)"."""
    if name == "rag":
        return {"": "(not rated)", None: "(not rated)", **RAG}.get(value, value)
    return value or "(blank)"


def moderation_words(name, value):
    """A moderation field's value in a conflict."""
    if name == "moderation_status":
        return value or "Not reviewed yet"
    return value or "(blank)"


class RatingForm(VersionedForm):
    # Blank is allowed while the return is in progress; anything but R, A or G never is.
    rag = ChoiceField(
        choices=RAG_CHOICES, message="Choose red, amber or green", required=False, default=""
    )
    evidence = TextAreaField(
        validators=[
            Length(
                max=EVIDENCE_LIMIT,
                message=f"Evidence must be {EVIDENCE_LIMIT:,} characters or fewer",
            )
        ]
    )
    # Set by "Keep my version" in a conflict: the version the person has now seen and chosen to
    # overwrite.
    resolve = HiddenField(validators=[Regexp(r"^\d{0,9}$")])

    @property
    def base_version(self):
        return int(self.resolve.data or self.version.data)


class ActionForm(FlaskForm):
    description = TextAreaField(
        filters=[strip],
        validators=[
            InputRequired("Describe the action"),
            Length(
                max=ACTION_LIMIT, message=f"The action must be {ACTION_LIMIT:,} characters or fewer"
            ),
        ],
    )
    owner = StringField(
        filters=[strip],
        validators=[
            InputRequired("Enter who owns the action (a name or a role)"),
            Length(max=150, message="The owner must be 150 characters or fewer"),
        ],
    )
    due = DateInputField(
        validators=[InputRequired("Enter the date the action is due")], noun="The due date"
    )

    def validate_due(self, field):
        if field.data and field.data < date.today():
            raise ValidationError("The due date must be today or in the future")
        if field.data and field.data.year > date.today().year + 5:
            raise ValidationError("The due date must be within five years")


class UploadForm(FlaskForm):
    document = FileField()


class SubmitForm(VersionedForm):
    pass


class ReopenForm(VersionedForm):
    reason = TextAreaField(
        filters=[strip],
        validators=[
            InputRequired("Say why the return is being reopened"),
            Length(max=2000, message="The reason must be 2,000 characters or fewer"),
        ],
    )


class ModerationForm(FlaskForm):
    moderation_status = ChoiceField(
        choices=list(MODERATION.items()),
        message="Choose agreed or challenged",
        required=False,
        default="",
    )
    moderation_comment = TextAreaField(
        filters=[strip],
        validators=[Length(max=4000, message="The comment must be 4,000 characters or fewer")],
    )
    moderation_version = HiddenField(
        validators=[InputRequired(), Regexp(r"^\d{1,9}$", message="Reload the page and try again")]
    )
