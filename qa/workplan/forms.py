"""Forms for a work plan item, a board priority and the chair's commentary."""

from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField
from wtforms.validators import InputRequired, Length

from qa.forms import ChoiceField, VersionedForm, optional_int, strip
from qa.workplan import rules


class ItemForm(VersionedForm):
    title = StringField(
        filters=[strip],
        validators=[
            InputRequired("Enter what the piece of work is"),
            Length(max=200, message="The title must be 200 characters or fewer"),
        ],
    )
    kind = ChoiceField(
        choices=[("", "Choose a kind")] + list(rules.KINDS.items()),
        message="Choose what kind of work it is",
    )
    owner = ChoiceField(coerce=optional_int, message="Choose who owns it")
    quarter = ChoiceField(
        coerce=optional_int,
        choices=[(q, f"Q{q}") for q in rules.QUARTERS],
        message="Choose the quarter it is due in",
    )
    status = ChoiceField(choices=list(rules.STATUSES.items()), message="Choose its status")
    priority = ChoiceField(coerce=optional_int, required=False, message="Choose a priority")
    link = ChoiceField(required=False, message="Choose a record from the list")
    notes = TextAreaField(
        filters=[strip],
        validators=[Length(max=5000, message="The notes must be 5000 characters or fewer")],
    )

    def fill_choices(self, owners, priorities, links):
        self.owner.choices = [("", "Choose who owns it")] + owners
        self.priority.choices = [("", "No priority")] + [(p.id, p.title) for p in priorities]
        self.link.choices = links

    def link_parts(self):
        """(link kind, id) from the chosen link, ("", None) for none."""
        kind, _, link_id = (self.link.data or "").partition(":")
        return (kind, int(link_id)) if kind in rules.LINKS and link_id.isdigit() else ("", None)


class PriorityForm(FlaskForm):
    title = StringField(
        filters=[strip],
        validators=[
            InputRequired("Enter the board's priority"),
            Length(max=200, message="The priority must be 200 characters or fewer"),
        ],
    )


class CommentaryForm(VersionedForm):
    text = TextAreaField(
        filters=[strip],
        validators=[Length(max=10000, message="The commentary must be 10000 characters or fewer")],
    )
