"""Changing frameworks and their standards: each change versioned and audited (qa.editing)."""

from peewee import IntegrityError

from qa import editing
from qa.forms import values
from qa.frameworks import queries
from qa.frameworks.models import Framework, Standard

FRAMEWORK_LABELS = {"name": "Name", "description": "Description"}
STANDARD_LABELS = {
    "code": "Code",
    "title": "Title",
    "position": "Position",
    "guidance": "Guidance",
    "challenge_prompts": "Challenge prompts",
}
NAME_TAKEN = "There is already a framework with this name"
CODE_TAKEN = "Another standard in this framework has this code"


def add_framework(form):
    """The framework added from the form, or None when its name is taken (the form says so)."""
    if queries.name_taken(form.name.data):
        form.name.errors = [NAME_TAKEN]
        return None
    return editing.create(Framework, values(form, FRAMEWORK_LABELS))


def add_standard(framework, form):
    """The standard added from the form, or None when its code is taken (the form says so)."""
    try:
        return editing.create(Standard, values(form, STANDARD_LABELS) | {"framework": framework})
    except IntegrityError:
        form.code.errors = [CODE_TAKEN]
        return None


def save_standard(standard, form):
    """Save the form onto the standard: None when saved or when its code is taken (the form then
    says so), else the Conflict to show."""
    try:
        return editing.save_form(standard, form, STANDARD_LABELS)
    except IntegrityError:
        form.code.errors = [CODE_TAKEN]
        return None
