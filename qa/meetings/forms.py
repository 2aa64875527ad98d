"""Forms for a meeting, its attendance, its agenda items and their decisions."""

from datetime import datetime

from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField
from wtforms.validators import InputRequired, Length, ValidationError

from qa.forms import ChoiceField, DateInputField, TimeInputField, VersionedForm, optional_int, strip
from qa.meetings import rules


class MeetingForm(VersionedForm):
    day = DateInputField(
        validators=[InputRequired("Enter the date of the meeting")],
        noun="The date of the meeting",
    )
    starts = TimeInputField(
        validators=[InputRequired("Enter the start time, like 10:00")],
        message="Enter the start time in the 24-hour clock, like 10:00",
    )
    ends = TimeInputField(
        validators=[InputRequired("Enter the end time, like 12:00")],
        message="Enter the end time in the 24-hour clock, like 12:00",
    )
    kind = ChoiceField(
        choices=[("", "Choose a kind")] + list(rules.KINDS.items()),
        message="Choose the kind of meeting",
    )
    location = StringField(
        filters=[strip],
        validators=[
            InputRequired("Enter where the meeting is, or the link for an online meeting"),
            Length(max=300, message="The place must be 300 characters or fewer"),
        ],
    )

    def validate_ends(self, field):
        if field.data and self.starts.data and field.data <= self.starts.data:
            raise ValidationError("The end time must be after the start time")

    def meeting_data(self):
        """The meeting's columns from the form."""
        return {
            "starts_at": datetime.combine(self.day.data, self.starts.data),
            "ends_at": datetime.combine(self.day.data, self.ends.data),
            "kind": self.kind.data,
            "location": self.location.data,
        }


class AttendanceForm(FlaskForm):
    user = ChoiceField(coerce=optional_int, message="Choose who it is")
    agency = ChoiceField(coerce=optional_int, required=False, message="Choose an agency")
    role = ChoiceField(choices=list(rules.ROLES.items()), message="Choose their role")
    present = ChoiceField(
        choices=[("yes", "Came"), ("no", "Sent apologies")],
        message="Choose whether they came or sent apologies",
    )

    def fill_choices(self, people, agencies):
        self.user.choices = [("", "Choose a person")] + people
        self.agency.choices = [("", "Their own agency")] + agencies


class AgendaItemForm(FlaskForm):
    title = StringField(
        filters=[strip],
        validators=[
            InputRequired("Enter the agenda item"),
            Length(max=200, message="The item must be 200 characters or fewer"),
        ],
    )
    detail = TextAreaField(
        filters=[strip],
        validators=[Length(max=2000, message="The detail must be 2000 characters or fewer")],
    )


class DecisionsForm(VersionedForm):
    decisions = TextAreaField(
        filters=[strip],
        validators=[Length(max=10000, message="The decisions must be 10000 characters or fewer")],
    )
