"""The form for the partnership's settings."""

from zoneinfo import available_timezones

from wtforms import EmailField, IntegerField, StringField
from wtforms.validators import (
    Email,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from qa.forms import VersionedForm, strip

CASE_AUDIT_YEARS = 7


class SettingsForm(VersionedForm):
    name = StringField(
        filters=[strip],
        validators=[InputRequired("Enter the partnership's name"), Length(max=120)],
    )
    header_text = StringField(filters=[strip], validators=[Length(max=80)])
    contact_email = EmailField(
        filters=[strip],
        validators=[
            Optional(),
            Email("Enter an email address like safeguarding@example.gov.uk"),
            Length(max=200),
        ],
    )
    contact_phone = StringField(filters=[strip], validators=[Length(max=40)])
    time_zone = StringField(
        filters=[strip], validators=[InputRequired("Enter a time zone, like Europe/London")]
    )

    # Left blank (or not sent, by an older page): the default of seven years.
    case_audit_years = IntegerField(
        default=CASE_AUDIT_YEARS,
        filters=[lambda years: CASE_AUDIT_YEARS if years is None else years],
        validators=[
            Optional(),
            NumberRange(1, 25, message="Keep case audits for between 1 and 25 years"),
        ],
    )

    def validate_time_zone(self, field):
        if field.data not in available_timezones():
            raise ValidationError("Enter a time zone as a place, like Europe/London")
