"""Forms of the data set: an indicator, the localities, commentary, a proposal and an action."""

from flask_wtf import FlaskForm
from wtforms import BooleanField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional, Regexp, ValidationError

from qa.dataset.models import AREAS, FREQUENCIES, POLARITIES, UNITS, Indicator
from qa.forms import ChoiceField, DateInputField, VersionedForm, optional_int, strip
from qa.people.models import Agency, Sector


def _number(text):
    """A typed number as a float; a float already (the record's own value) as it is."""
    if isinstance(text, int | float):
        return float(text)
    text = (text or "").strip().replace(",", "").rstrip("%")
    try:
        return float(text) if text else None
    except ValueError:
        return text  # left as typed: validate_target says it is not a number


class IndicatorForm(VersionedForm):
    name = StringField(
        filters=[strip], validators=[InputRequired("Enter the indicator's name"), Length(max=200)]
    )
    code = StringField(
        filters=[strip],
        validators=[
            InputRequired("Enter a short code for CSV files, like re-referrals"),
            Length(max=40, message="The code must be 40 characters or fewer"),
            Regexp(
                r"^[a-z0-9][a-z0-9-]*$",
                message="Use lower-case letters, numbers and hyphens for the code",
            ),
        ],
    )
    definition = TextAreaField(
        filters=[strip],
        validators=[InputRequired("Say in plain words what is counted"), Length(max=2000)],
    )
    unit = ChoiceField(choices=list(UNITS.items()), message="Choose the unit")
    polarity = ChoiceField(choices=list(POLARITIES.items()), message="Choose which way is better")
    agency = ChoiceField(coerce=optional_int, required=False, message="Choose the agency")
    sector = ChoiceField(coerce=optional_int, required=False, message="Choose the sector")
    frequency = ChoiceField(choices=list(FREQUENCIES.items()), message="Choose how often")
    target = StringField(filters=[_number], validators=[Optional()])
    tolerance = StringField(filters=[_number], validators=[Optional()])
    cohort = StringField(filters=[strip], validators=[Length(max=200)])
    standard = StringField(filters=[strip], validators=[Length(max=200)])
    by_locality = BooleanField()
    active = BooleanField(default=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.agency.choices = [("", "None: any agency of the sector")] + [
            (a.id, a.name)
            for a in Agency.select().where(Agency.active == True).order_by(Agency.name)  # noqa: E712
        ]
        self.sector.choices = [("", "None")] + [
            (s.id, s.name) for s in Sector.select().order_by(Sector.name)
        ]

    def validate_target(self, field):
        if field.data is not None and not isinstance(field.data, float):
            raise ValidationError("Enter the target as a number, like 25 or 12.5")

    def validate_tolerance(self, field):
        if field.data is not None and not isinstance(field.data, float):
            raise ValidationError("Enter the tolerance as a number, like 2")
        if isinstance(field.data, float) and field.data < 0:
            raise ValidationError("The tolerance cannot be below zero")

    def validate_sector(self, field):
        if not field.data and not self.agency.data:
            raise ValidationError("Choose the agency that supplies it, or its sector")


class LocalitiesForm(FlaskForm):
    names = TextAreaField(filters=[strip], validators=[Length(max=4000)])

    def names_list(self):
        seen = []
        for line in self.names.data.splitlines():
            name = line.strip()[:100]
            if name and name.lower() not in [s.lower() for s in seen]:
                seen.append(name)
        return seen


class CommentForm(FlaskForm):
    text = TextAreaField(
        filters=[strip],
        validators=[InputRequired("Write the commentary"), Length(max=5000)],
    )


class ProposalForm(FlaskForm):
    reason = TextAreaField(
        filters=[strip],
        validators=[InputRequired("Say why it should be audited"), Length(max=2000)],
    )


class RaiseActionForm(FlaskForm):
    agency = ChoiceField(coerce=optional_int, message="Choose the agency")
    description = TextAreaField(
        filters=[strip], validators=[InputRequired("Describe the action"), Length(max=2000)]
    )
    owner = StringField(
        filters=[strip],
        validators=[InputRequired("Enter who owns the action (a name or a role)"), Length(max=150)],
    )
    due = DateInputField(
        validators=[InputRequired("Enter the date the action is due")], noun="The due date"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.agency.choices = [("", "Choose an agency")] + [
            (a.id, a.name)
            for a in Agency.select().where(Agency.active == True).order_by(Agency.name)  # noqa: E712
        ]


class ComparatorForm(FlaskForm):
    """One comparator entered by hand."""

    indicator = ChoiceField(coerce=optional_int, message="Choose the indicator")
    period = StringField(
        filters=[lambda v: strip(v).upper()],
        validators=[
            InputRequired("Enter the period, like 2026-Q1"),
            Regexp(r"^\d{4}-Q[1-4]$", message="Enter the period like 2026-Q1"),
        ],
    )
    area = ChoiceField(choices=list(AREAS.items()), message="Choose the area compared with")
    value = StringField(filters=[_number], validators=[InputRequired("Enter the value")])
    source = StringField(
        filters=[strip],
        validators=[InputRequired("Say where the figure comes from"), Length(max=255)],
    )
    published = DateInputField(validators=[Optional()], noun="The publication date")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator.choices = [("", "Choose an indicator")] + [
            (i.id, i.name) for i in Indicator.select().order_by(Indicator.position, Indicator.name)
        ]

    def validate_value(self, field):
        if not isinstance(field.data, float):
            raise ValidationError("Enter the value as a number, like 25 or 12.5")

    def row(self):
        return {
            "indicator": self.indicator.data,
            "period": self.period.data,
            "area": self.area.data,
            "value": self.value.data,
            "source": self.source.data,
            "published": self.published.data,
        }
