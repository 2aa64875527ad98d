"""Forms for sectors, agencies and people."""

import re

from wtforms import BooleanField, EmailField, IntegerField, PasswordField, StringField
from wtforms.validators import Email, InputRequired, Length, NumberRange, Optional, ValidationError

from qa.forms import ChoiceField, VersionedForm, optional_int, strip
from qa.frameworks.models import Framework
from qa.people.models import ROLES, Agency, Sector, User
from qa.security import password_problem


def _unique(model, field_name, message):
    def check(form, field):
        column = getattr(model, field_name)
        query = model.select().where(column == field.data)
        if form.record_id:
            query = query.where(model.id != form.record_id)
        if query.exists():
            raise ValidationError(message)

    return check


class RecordForm(VersionedForm):
    def __init__(self, *args, record_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.record_id = record_id


class SectorForm(RecordForm):
    name = StringField(
        filters=[strip],
        validators=[
            InputRequired("Enter the sector's name"),
            Length(max=100, message="Name must be 100 characters or fewer"),
            _unique(Sector, "name", "There is already a sector with this name"),
        ],
    )


def slug_for(name):
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60] or "sector"


class AgencyForm(RecordForm):
    name = StringField(
        filters=[strip],
        validators=[
            InputRequired("Enter the agency's name"),
            Length(max=150, message="Name must be 150 characters or fewer"),
            _unique(Agency, "name", "There is already an agency with this name"),
        ],
    )
    sector = ChoiceField(coerce=optional_int, message="Choose a sector")
    framework = ChoiceField(coerce=optional_int, required=False, message="Choose a framework")
    parent_organisation = StringField(
        filters=[strip],
        validators=[Length(max=150, message="Parent organisation must be 150 characters or fewer")],
    )
    active = BooleanField(default=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sector.choices = [(None, "Choose a sector")] + [
            (s.id, s.name) for s in Sector.select().order_by(Sector.name)
        ]
        self.framework.choices = [(None, "Section 11 (the standard framework)")] + [
            (f.id, f.name) for f in Framework.select().order_by(Framework.name)
        ]


class PersonForm(RecordForm):
    name = StringField(
        filters=[strip],
        validators=[
            InputRequired("Enter the person's name"),
            Length(max=120, message="Name must be 120 characters or fewer"),
        ],
    )
    email = EmailField(
        filters=[strip, lambda v: v.lower() if isinstance(v, str) else v],
        validators=[
            InputRequired("Enter an email address"),
            Email("Enter an email address in the correct format, like name@example.org"),
            Length(max=254),
            _unique(User, "email", "Someone already has this email address"),
        ],
    )
    role = ChoiceField(
        choices=[("", "Choose a role")] + list(ROLES.items()), message="Choose a role"
    )
    agency = ChoiceField(
        coerce=optional_int, required=False, message="Choose an agency from the list"
    )
    subgroup_member = BooleanField()
    active = BooleanField(default=True)
    max_visits = IntegerField(
        default=2,
        validators=[
            InputRequired("Enter the most visits per cycle"),
            NumberRange(min=0, max=20, message="Enter a number from 0 to 20"),
        ],
    )
    min_visits = IntegerField(
        default=0,
        validators=[
            Optional(),
            NumberRange(min=0, max=20, message="Enter a number from 0 to 20"),
        ],
    )
    new_password = PasswordField(validators=[Optional()])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.agency.choices = [(None, "No agency")] + [
            (a.id, a.name) for a in Agency.select().order_by(Agency.name)
        ]

    def validate_min_visits(self, field):
        if field.data is None:
            field.data = 0  # left blank: no minimum
        elif self.max_visits.data is not None and field.data > self.max_visits.data:
            raise ValidationError("The fewest visits must not be more than the most visits")

    def validate_agency(self, field):
        if self.role.data == "agency_lead" and field.data is None:
            raise ValidationError("An agency lead must belong to an agency")

    def validate_new_password(self, field):
        if field.data:
            problem = password_problem(field.data, self.email.data or "")
            if problem:
                raise ValidationError(problem)
