"""Forms of the yearly report: a section's title and words, a new section, a partner's sign-off,
and the publication and sending dates."""

from flask_wtf import FlaskForm
from wtforms import HiddenField, IntegerField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange, Optional, ValidationError

from qa.forms import ChoiceField, DateInputField, VersionedForm, strip
from qa.yearly_report.rules import PARTNERS

TITLE = [
    InputRequired("Enter the section's title"),
    Length(max=150, message="The title must be 150 characters or fewer"),
]


class SectionForm(VersionedForm):
    title = StringField(filters=[strip], validators=TITLE)
    narrative = TextAreaField(
        filters=[strip],
        validators=[Length(max=30000, message="The text must be 30,000 characters or fewer")],
    )


class NewSectionForm(FlaskForm):
    title = StringField(filters=[strip], validators=TITLE)


class SignOffForm(FlaskForm):
    seen = HiddenField()  # the report's content version the partner saw
    partner = ChoiceField(
        choices=[("", "Choose the partner"), *PARTNERS.items()],
        message="Choose the lead safeguarding partner who is signing",
    )
    name = StringField(
        filters=[strip],
        validators=[
            InputRequired("Enter the name of the person who signed"),
            Length(max=120, message="The name must be 120 characters or fewer"),
        ],
    )
    job_title = StringField(
        filters=[strip],
        validators=[Length(max=150, message="The job title must be 150 characters or fewer")],
    )
    signed_on = DateInputField(
        validators=[InputRequired("Enter the date they signed")], noun="The date they signed"
    )


class DatesForm(VersionedForm):
    published_on = DateInputField(validators=[Optional()], noun="The publication date")
    sent_on = DateInputField(validators=[Optional()], noun="The date it was sent")
    send_within_days = IntegerField(
        validators=[
            InputRequired("Enter the number of days allowed for sending it"),
            NumberRange(1, 90, message="The number of days must be between 1 and 90"),
        ]
    )

    def __init__(self, *args, report=None, signed_off=False, **kwargs):
        super().__init__(*args, obj=report, **kwargs)
        self.signed_off = signed_off
        self.published_before = report.published_on if report else None

    def validate_published_on(self, field):
        if field.data and field.data != self.published_before and not self.signed_off:
            raise ValidationError(
                "Record the sign-off of all three lead safeguarding partners before the "
                "publication date"
            )

    def validate_sent_on(self, field):
        if field.data and not self.published_on.data:
            raise ValidationError("Enter the publication date before the date it was sent")
        if field.data and self.published_on.data and field.data < self.published_on.data:
            raise ValidationError("The date it was sent must be on or after the publication date")
