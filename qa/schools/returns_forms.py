"""The schools pages' forms: a later deadline for one setting, a sign-off, a sample for visits."""

from datetime import date

from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange, Optional, ValidationError

from qa.forms import ChoiceField, DateInputField, strip


class ExtensionForm(FlaskForm):
    setting = ChoiceField(coerce=str, message="Choose the setting")
    until = DateInputField(
        validators=[InputRequired("Enter the new deadline")], noun="The new deadline"
    )

    def validate_until(self, field):
        if field.data and field.data < date.today():
            raise ValidationError("The new deadline must be today or later")

    reason = TextAreaField(
        filters=[strip],
        validators=[
            InputRequired("Enter why the deadline is extended"),
            Length(max=2000, message="Keep the reason to 2,000 characters"),
        ],
    )


class SignForm(FlaskForm):
    name = StringField(
        filters=[strip],
        validators=[
            InputRequired("Enter your full name"),
            Length(max=200, message="Keep your name to 200 characters"),
        ],
    )
    confirm = BooleanField(validators=[InputRequired("Confirm that you have read the return")])
    comment = TextAreaField(
        filters=[strip],
        validators=[Optional(), Length(max=2000, message="Keep the comment to 2,000 characters")],
    )


class SampleForm(FlaskForm):
    size = IntegerField(
        validators=[
            InputRequired("Enter how many settings to visit, as a number"),
            NumberRange(1, 50, "Enter a number of settings from 1 to 50"),
        ]
    )
    rag = BooleanField()
    no_return = BooleanField()
    seed = IntegerField(
        validators=[Optional(), NumberRange(0, 999_999_999, "Enter a seed from 0 to 999999999")]
    )


NEEDS = {
    "": "No sign-off: the return is complete once submitted",
    "head": "Signed off by the head",
    "head chair": "Signed off by the head, then noted by the chair of governors",
}


class NeedsForm(FlaskForm):
    framework = ChoiceField(coerce=str, message="Choose the framework")
    needs = ChoiceField(
        coerce=str,
        choices=list(NEEDS.items()),
        required=False,
        message="Choose which sign-offs its returns need",
    )
