"""The forms of settings' accounts: a lead's request, setting a password from the link, the
partnership's rules, a setting's allowed domains."""

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    EmailField,
    IntegerField,
    PasswordField,
    StringField,
    TextAreaField,
)
from wtforms.validators import (
    Email,
    EqualTo,
    InputRequired,
    Length,
    NumberRange,
    ValidationError,
)

from qa.forms import strip
from qa.ids import parse_id
from qa.security import password_problem


class RequestForm(FlaskForm):
    setting = StringField(validators=[InputRequired("Choose your setting")])
    name = StringField(
        filters=[strip], validators=[InputRequired("Enter your full name"), Length(max=200)]
    )
    email = EmailField(
        filters=[strip],
        validators=[
            InputRequired("Enter your work email address"),
            Email("Enter an email address like name@school.sch.uk"),
            Length(max=254),
        ],
    )

    def validate_setting(self, field):
        if parse_id(field.data) is None:
            raise ValidationError("Choose your setting")


class SetPasswordForm(FlaskForm):
    new_password = PasswordField(validators=[InputRequired("Enter a password")])
    confirm_password = PasswordField(
        validators=[
            InputRequired("Enter the password again"),
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


class RulesForm(FlaskForm):
    allowed_domains = TextAreaField(validators=[Length(max=5000)])
    accounts_expire = BooleanField()
    days_after_deadline = IntegerField(
        validators=[
            InputRequired("Enter how many days after the deadline accounts end"),
            NumberRange(0, 365, "Enter a number of days from 0 to 365"),
        ]
    )


class DomainsForm(FlaskForm):
    allowed_domains = TextAreaField(validators=[Length(max=2000)])
