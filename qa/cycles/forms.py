"""The form for an audit cycle."""

from wtforms import StringField
from wtforms.validators import InputRequired, Length, Optional, Regexp, ValidationError

from qa.forms import DateInputField, VersionedForm, strip


class CycleForm(VersionedForm):
    name = StringField(
        filters=[strip],
        validators=[
            InputRequired("Enter the cycle's name, like 2026-27"),
            Length(max=20),
            Regexp(r"^\d{4}-\d{2}$", message="Enter the name as two years, like 2026-27"),
        ],
    )
    starts = DateInputField(
        validators=[InputRequired("Enter the date the cycle starts")], noun="The start date"
    )
    ends = DateInputField(
        validators=[InputRequired("Enter the date the cycle ends")], noun="The end date"
    )
    deadline = DateInputField(validators=[Optional()], noun="The date returns are due")

    def validate_ends(self, field):
        if self.starts.data and field.data and field.data <= self.starts.data:
            raise ValidationError("The end date must be after the start date")

    def validate_deadline(self, field):
        if (
            field.data
            and self.starts.data
            and self.ends.data
            and not (self.starts.data <= field.data <= self.ends.data)
        ):
            raise ValidationError("The deadline for returns must be within the cycle")
