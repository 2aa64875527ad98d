"""Forms for frameworks and their standards."""

from wtforms import IntegerField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from qa.forms import VersionedForm, strip


class FrameworkForm(VersionedForm):
    name = StringField(
        filters=[strip],
        validators=[
            InputRequired("Enter the framework's name"),
            Length(max=150, message="Name must be 150 characters or fewer"),
        ],
    )
    description = TextAreaField(
        filters=[strip],
        validators=[
            Optional(),
            Length(max=2000, message="Description must be 2000 characters or fewer"),
        ],
    )


class StandardForm(VersionedForm):
    code = StringField(
        filters=[strip],
        validators=[
            InputRequired("Enter a short code, like 1 or S3"),
            Length(max=10, message="Code must be 10 characters or fewer"),
        ],
    )
    title = StringField(
        filters=[strip],
        validators=[
            InputRequired("Enter the standard's title"),
            Length(max=150, message="Title must be 150 characters or fewer"),
        ],
    )
    position = IntegerField(
        validators=[
            InputRequired("Enter its place in the list"),
            NumberRange(min=1, max=99, message="Enter a number from 1 to 99"),
        ]
    )
    guidance = TextAreaField(
        filters=[strip],
        validators=[
            Optional(),
            Length(max=5000, message="Guidance must be 5000 characters or fewer"),
        ],
    )
    challenge_prompts = TextAreaField(
        filters=[strip],
        validators=[
            Optional(),
            Length(max=5000, message="Prompts must be 5000 characters or fewer"),
        ],
    )
