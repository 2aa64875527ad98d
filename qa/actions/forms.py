"""Forms of the action register.

Its status and evidence, a progress note, the look-back, and a new action by hand.
"""

from datetime import date

from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField
from wtforms.validators import InputRequired, Length, ValidationError

from qa.actions import queries
from qa.actions.models import PARTNERSHIP, STATUSES
from qa.forms import ChoiceField, DateInputField, VersionedForm, strip

LONG = Length(max=20000, message="This must be 20,000 characters or fewer")


class ActionForm(VersionedForm):
    status = ChoiceField(choices=list(STATUSES.items()), message="Choose the status of the action")
    evidence_of_completion = TextAreaField(filters=[strip], validators=[LONG])
    impact = TextAreaField(filters=[strip], validators=[LONG])
    cancelled_reason = TextAreaField(filters=[strip], validators=[LONG])

    def validate_cancelled_reason(self, field):
        if self.status.data == "cancelled" and not field.data:
            raise ValidationError("Say why the action was cancelled")

    def validate_evidence_of_completion(self, field):
        if self.status.data == "done" and not field.data:
            raise ValidationError("Describe the evidence that the action is done")


class NoteForm(FlaskForm):
    note = TextAreaField(
        filters=[strip],
        validators=[
            InputRequired("Write the progress note"),
            Length(max=5000, message="The note must be 5,000 characters or fewer"),
        ],
    )


class LookBackForm(VersionedForm):
    impact_confirmed = ChoiceField(
        choices=[("yes", "Yes, the change has lasted"), ("no", "No, it has not lasted")],
        message="Say whether the impact lasted",
    )
    impact_review_note = TextAreaField(
        filters=[strip], validators=[InputRequired("Say what you found"), LONG]
    )


class NewActionForm(FlaskForm):
    """An action added by hand; its choices are the active agencies and every standard."""

    agency = ChoiceField(message="Choose the agency, or partnership-wide")
    responsible_officer = ChoiceField(message="Choose the responsible officer", required=False)
    standard = ChoiceField(message="Choose a standard", required=False)
    description = TextAreaField(
        filters=[strip],
        validators=[
            InputRequired("Describe the action"),
            Length(max=2000, message="The action must be 2,000 characters or fewer"),
        ],
    )
    origin = StringField(
        filters=[strip],
        validators=[Length(max=200, message="Where it came from must be 200 characters or fewer")],
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.agency.choices = [("", "Choose an agency"), ("partnership", PARTNERSHIP)] + [
            (str(a.id), a.name) for a in queries.active_agencies()
        ]
        self.responsible_officer.choices = [("", "No responsible officer")] + [
            (str(u.id), u.name) for u in queries.officers()
        ]
        self.standard.choices = [("", "No particular standard")] + [
            (str(s.id), f"{s.code} {s.title}") for s in queries.standards()
        ]

    def validate_responsible_officer(self, field):
        if self.agency.data == "partnership" and not field.data:
            raise ValidationError("Choose the responsible officer for a partnership-wide action")

    def validate_due(self, field):
        if field.data and field.data < date.today():
            raise ValidationError("The due date must be today or in the future")
