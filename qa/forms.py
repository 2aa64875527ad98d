"""Shared form pieces: the version field, choice coercion that never 500s.

And the save-or-validate rule.
"""

import re
from datetime import date, time

from flask import request
from flask_wtf import FlaskForm
from wtforms import Field, HiddenField, SelectField
from wtforms.utils import unset_value
from wtforms.validators import InputRequired, Regexp, StopValidation, ValidationError


class VersionedForm(FlaskForm):
    """A form that edits a VersionedModel: carries the version it was opened at."""

    version = HiddenField(
        validators=[InputRequired(), Regexp(r"^\d{1,9}$", message="Reload the page and try again")]
    )


def strip(value):
    """Trim text; a field left out of the post counts as blank, never None."""
    return value.strip() if isinstance(value, str) else ("" if value is None else value)


def optional_int(value):
    """Coerce a select's value to an int, or None for blank or junk (validators then say what is
    wrong)."""
    if hasattr(value, "_meta"):  # a related record, when a form is filled from a model
        return value.id
    try:
        return int(value) if value not in (None, "", "None") else None
    except (TypeError, ValueError):
        return None


class ChoiceField(SelectField):
    """A select whose wrong or missing answer gets the field's own plain message, never "Not a valid
    choice"."""

    def __init__(
        self, label=None, validators=None, message="Choose an option", required=True, **kwargs
    ):
        super().__init__(label, validators, validate_choice=False, **kwargs)
        self.message, self.required = message, required

    def pre_validate(self, form):
        allowed = {value for value, _ in self.choices if value not in (None, "")}
        if self.data in allowed or (not self.required and self.data in (None, "")):
            return
        raise StopValidation(self.message)


def is_validation_ping() -> bool:
    """An htmx inline-validation request: check the form, never save it."""
    return "_validate" in request.form


def ready_to_save(form) -> bool:
    """True when the form was posted to be saved and is valid; a validation ping only fills in
    errors."""
    if not form.is_submitted():
        return False
    valid = form.validate()
    return valid and not is_validation_ping()


def values(form, names):
    return {name: getattr(form, name).data for name in names}


DATE_PARTS = ("day", "month", "year")
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}


class DateInputField(Field):
    """A date as the GOV.UK date-input pattern asks for it: three boxes, day, month and year, posted
    as `<name>-day`, `<name>-month`, `<name>-year` (the `date_input` macro draws them), whatever
    the browser's locale.

    What was typed is kept in `parts` to show again. Errors say what is wrong ("The due date must
    include a month", "Enter a real date") and `error_parts` names the boxes to mark, `anchor` the
    box an error summary links to. Nothing typed at all counts as no answer, for InputRequired or
    Optional to judge. `noun` names the date in messages ("The date" unless told)."""

    def __init__(self, label=None, validators=None, noun="The date", **kwargs):
        super().__init__(label, validators, **kwargs)
        self.noun = noun
        self.typed = None  # {part: text} when posted, else None: the boxes then show `data`
        self.error_parts = ()
        self.problem = None

    @property
    def parts(self):
        """What each box shows: what was typed, else the date held."""
        if self.typed is not None:
            return self.typed
        if isinstance(self.data, date):
            return {
                "day": str(self.data.day),
                "month": str(self.data.month),
                "year": str(self.data.year),
            }
        return dict.fromkeys(DATE_PARTS, "")

    @property
    def anchor(self):
        """The id of the first box in error, else the day box."""
        first = self.error_parts[0] if self.error_parts else "day"
        return self.id if first == "day" else f"{self.id}-{first}"

    def process(self, formdata, data=unset_value, extra_filters=None):
        self.process_errors, self.error_parts, self.problem = [], (), None
        if data is unset_value:
            data = self.default() if callable(self.default) else self.default
        self.object_data = self.data = data if isinstance(data, date) else None
        self.typed, self.raw_data = None, []
        if formdata is not None and any(f"{self.name}-{part}" in formdata for part in DATE_PARTS):
            self.typed = {
                part: (formdata.get(f"{self.name}-{part}") or "").strip()[:20]
                for part in DATE_PARTS
            }
            typed = " ".join(self.typed[part] for part in DATE_PARTS).strip()
            self.raw_data = [typed] if typed else []
            self.data, self.problem, self.error_parts = self._parse() if typed else (None, None, ())

    def _parse(self):
        missing = [part for part in DATE_PARTS if not self.typed[part]]
        if missing:
            words = " and ".join(missing)
            return None, f"{self.noun} must include a {words}", tuple(missing)
        day, month, year = (self.typed[part] for part in DATE_PARTS)
        month = MONTHS.get(month.lower(), month)
        if not all(str(value).isdigit() for value in (day, month, year)):
            return None, "Enter a real date", DATE_PARTS
        if len(year) != 4:
            return None, "The year must include 4 numbers", ("year",)
        try:
            return date(int(year), int(month), int(day)), None, ()
        except ValueError:
            return None, "Enter a real date", DATE_PARTS

    def pre_validate(self, form):
        if self.problem:
            raise StopValidation(self.problem)

    def post_validate(self, form, validation_stopped):
        if self.errors and not self.error_parts:
            self.error_parts = DATE_PARTS  # a validator's error (blank, or out of range): all three

    def _value(self):
        return self.data.isoformat() if self.data else ""


TIME = re.compile(r"^(\d{1,2})[:.]?(\d{2})$")


class TimeInputField(Field):
    """A time of day typed as 24-hour text, "14:30" (also "1430", "14.30", "9:05"), whatever the
    browser's locale; drawn with the `input` macro as a text box. What was typed is kept."""

    def __init__(self, label=None, validators=None, message=None, **kwargs):
        super().__init__(label, validators, **kwargs)
        self.message = message or "Enter a time in the 24-hour clock, like 14:30"
        self.typed = None

    def process_formdata(self, valuelist):
        self.typed = (valuelist[0] if valuelist else "").strip()[:20]
        self.data = None
        found = TIME.match(self.typed.replace(" ", ""))
        if found:
            hours, minutes = int(found.group(1)), int(found.group(2))
            if hours < 24 and minutes < 60:
                self.data = time(hours, minutes)
        if self.typed and self.data is None:
            raise ValidationError(self.message)

    def _value(self):
        if self.typed is not None:
            return self.typed
        return self.data.strftime("%H:%M") if self.data else ""
