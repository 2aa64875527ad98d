"""Shared form pieces: the version field, choice coercion that never 500s.

And the save-or-validate rule.
"""

from flask import request
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField
from wtforms.validators import InputRequired, Regexp, StopValidation


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
