"""Forms for scheduling challenge events, assigning visitors, cancelling.

Reopening and recommending.
"""

from datetime import date, datetime

from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional, ValidationError

from qa.challenge.models import ROLES
from qa.forms import (
    ChoiceField,
    DateInputField,
    TimeInputField,
    VersionedForm,
    optional_int,
    strip,
)
from qa.ids import parse_id
from qa.people.models import User


class ScheduleForm(VersionedForm):
    day = DateInputField(
        validators=[InputRequired("Enter the date of the visit")], noun="The date of the visit"
    )
    starts = TimeInputField(
        validators=[InputRequired("Enter the start time, like 09:30")],
        message="Enter the start time in the 24-hour clock, like 09:30",
    )
    ends = TimeInputField(
        validators=[InputRequired("Enter the end time, like 12:30")],
        message="Enter the end time in the 24-hour clock, like 12:30",
    )
    location = StringField(
        filters=[strip],
        validators=[
            InputRequired("Enter where the visit happens, or the link for an online meeting"),
            Length(max=300, message="The location must be 300 characters or fewer"),
        ],
    )
    override_reason = TextAreaField(
        filters=[strip],
        validators=[
            Optional(),
            Length(max=2000, message="The reason must be 2000 characters or fewer"),
        ],
    )

    def __init__(self, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or date.today()

    def validate_day(self, field):
        if field.data and field.data < self.today:
            raise ValidationError("The date of the visit must be today or in the future")

    def validate_ends(self, field):
        if field.data and self.starts.data and field.data <= self.starts.data:
            raise ValidationError("The end time must be after the start time")

    @property
    def starts_at(self):
        return datetime.combine(self.day.data, self.starts.data)

    @property
    def ends_at(self):
        return datetime.combine(self.day.data, self.ends.data)


class VisitorForm(FlaskForm):
    role = ChoiceField(
        choices=[("", "Choose a role")] + list(ROLES.items()),
        message="Choose whether they visit as the QA sub-group member or the peer reviewer",
    )
    user = ChoiceField(coerce=optional_int, message="Choose who will visit")
    explanation = TextAreaField(
        filters=[strip],
        validators=[
            Optional(),
            Length(max=1000, message="The note must be 1000 characters or fewer"),
        ],
    )
    override_reason = TextAreaField(
        filters=[strip],
        validators=[
            Optional(),
            Length(max=2000, message="The reason must be 2000 characters or fewer"),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        reviewers = (
            User.select()
            .where((User.active == True) & User.role.in_(("reviewer", "admin")))
            .order_by(User.name)
        )
        self.user.choices = [(None, "Choose a person")] + [
            (u.id, f"{u.name}{' (QA sub-group)' if u.subgroup_member else ''}") for u in reviewers
        ]


class ReasonForm(VersionedForm):
    reason = TextAreaField(
        filters=[strip],
        validators=[
            InputRequired("Say why"),
            Length(max=2000, message="The reason must be 2000 characters or fewer"),
        ],
    )


class PlainReasonForm(FlaskForm):
    reason = TextAreaField(
        filters=[strip],
        validators=[
            InputRequired("Say why the findings need reopening"),
            Length(max=2000, message="The reason must be 2000 characters or fewer"),
        ],
    )


class RecommendationForm(FlaskForm):
    text = TextAreaField(
        filters=[strip],
        validators=[
            InputRequired("Enter the recommendation"),
            Length(max=2000, message="The recommendation must be 2000 characters or fewer"),
        ],
    )
    owner = StringField(
        filters=[strip],
        validators=[
            InputRequired("Enter who will own the action, a name or a role"),
            Length(max=120, message="The owner must be 120 characters or fewer"),
        ],
    )
    due = DateInputField(
        validators=[InputRequired("Enter the date it is due")], noun="The due date"
    )

    def validate_due(self, field):
        if field.data and field.data < date.today():
            raise ValidationError("The due date must be today or in the future")


MAX_REASON = 2000


def selection_reasons(form, agency_ids):
    """The admin's reason for each chosen agency from `reason-<id>` fields, and the ids still
    lacking one."""
    reasons, missing = {}, []
    for agency_id in agency_ids:
        text = (form.get(f"reason-{agency_id}") or "").strip()[:MAX_REASON]
        reasons[agency_id] = text
        if not text:
            missing.append(agency_id)
    return reasons, missing


def chosen_ids(form):
    """The agency ids ticked on the selection page; junk is ignored."""
    return sorted({n for n in map(parse_id, form.getlist("agency")) if n is not None})
