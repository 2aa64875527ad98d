"""Forms on a person's own account page."""

from flask_wtf import FlaskForm
from wtforms import PasswordField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import EqualTo, InputRequired, Length, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from qa.forms import ChoiceField, DateInputField, optional_int, strip
from qa.people.models import CONFLICT_KINDS, Agency, Sector
from qa.security import password_problem


class PasswordForm(FlaskForm):
    current_password = PasswordField(validators=[InputRequired("Enter your current password")])
    new_password = PasswordField(validators=[InputRequired("Enter a new password")])
    confirm_password = PasswordField(
        validators=[
            InputRequired("Enter the new password again"),
            EqualTo("new_password", "The passwords do not match"),
        ]
    )

    def __init__(self, *args, email="", **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def validate_new_password(self, field):
        problem = password_problem(field.data or "", self.email)
        if problem:
            raise ValidationError(problem)


class ConflictForm(FlaskForm):
    agency = ChoiceField(coerce=optional_int, message="Choose the agency you have a conflict with")
    kind = ChoiceField(
        choices=[("", "Choose a kind")] + list(CONFLICT_KINDS.items()),
        message="Choose what kind of conflict it is",
    )
    detail = TextAreaField(
        filters=[strip],
        validators=[
            Optional(),
            Length(max=1000, message="Details must be 1000 characters or fewer"),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.agency.choices = [(None, "Choose an agency")] + [
            (a.id, a.name)
            for a in Agency.select().where(Agency.active == True).order_by(Agency.name)
        ]


class UnavailableForm(FlaskForm):
    day = DateInputField("Date", validators=[InputRequired("Enter a date")])
    note = StringField(
        filters=[strip],
        validators=[
            Optional(),
            Length(max=200, message="The note must be 200 characters or fewer"),
        ],
    )


class PreferredSectorsForm(FlaskForm):
    """The sectors a person would like to review: ticked boxes replace the list."""

    sectors = SelectMultipleField(
        coerce=int, choices=[], widget=ListWidget(prefix_label=False), option_widget=CheckboxInput()
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sectors.choices = [(s.id, s.name) for s in Sector.select().order_by(Sector.name)]


DATE_WISHES = {"prefer": "Yes, a good day to visit", "avoid": "Rather not, though it is possible"}


class DatePreferenceForm(FlaskForm):
    day = DateInputField("Date", validators=[InputRequired("Enter a date")])
    wish = ChoiceField(
        choices=list(DATE_WISHES.items()),
        message="Choose whether you would like to visit that day or would rather not",
    )
