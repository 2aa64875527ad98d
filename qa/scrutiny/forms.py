"""Forms of scrutiny themes: the theme, a record cited as evidence, a document, a finding and a
recommendation (an action on the register)."""

from flask_wtf import FlaskForm
from wtforms import SelectMultipleField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional, ValidationError

from qa.actions.forms import NewActionForm
from qa.forms import ChoiceField, DateInputField, VersionedForm, optional_int, strip
from qa.ids import parse_id
from qa.scrutiny import queries, rules
from qa.scrutiny.models import STATUSES

LONG = Length(max=20000, message="This must be 20,000 characters or fewer")


class ThemeForm(VersionedForm):
    title = StringField(
        filters=[strip],
        validators=[
            InputRequired("Enter the theme's title, such as Hearing disabled children"),
            Length(max=200, message="The title must be 200 characters or fewer"),
        ],
    )
    question = TextAreaField(
        filters=[strip],
        validators=[
            InputRequired("Enter the question the theme asks"),
            Length(max=2000, message="The question must be 2,000 characters or fewer"),
        ],
    )
    reason = TextAreaField(filters=[strip], validators=[LONG])
    review = ChoiceField(coerce=optional_int, message="Choose a review", required=False)
    review_theme = ChoiceField(
        coerce=optional_int, message="Choose a theme of learning", required=False
    )
    lead = ChoiceField(coerce=optional_int, message="Choose the lead", required=False)
    starts_on = DateInputField(validators=[Optional()], noun="The start date")
    reports_on = DateInputField(validators=[Optional()], noun="The reporting date")
    status = ChoiceField(choices=list(STATUSES.items()), message="Choose the theme's status")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.review.choices = [("", "No particular review")] + [
            (r.id, f"{r.reference} ({r.kind_label})") for r in queries.reviews()
        ]
        self.review_theme.choices = [("", "No particular theme")] + [
            (t.id, t.name) for t in queries.review_themes()
        ]
        self.lead.choices = [("", "No lead yet")] + [(u.id, u.name) for u in queries.leads()]

    def validate_reports_on(self, field):
        if field.data and self.starts_on.data and field.data < self.starts_on.data:
            raise ValidationError("The reporting date must be on or after the start date")

    def data_to_save(self):
        return {name: getattr(self, name).data for name in FIELDS}


FIELDS = ("title", "question", "reason", "review", "review_theme", "lead", "starts_on")
FIELDS += ("reports_on", "status")


class EvidenceForm(FlaskForm):
    """One record of a kind to cite: its choices are the kind's, less those already cited."""

    record = ChoiceField(message="Choose the record to cite as evidence")

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.record.choices = [("", "Choose a record")] + [(str(i), t) for i, t in choices]


class DocumentForm(FlaskForm):
    note = TextAreaField(
        filters=[strip],
        validators=[
            InputRequired("Say what the document is and what it says about the question"),
            Length(max=5000, message="The note must be 5,000 characters or fewer"),
        ],
    )


class EvidenceChoices(SelectMultipleField):
    """The theme's evidence as GOV.UK checkboxes; ids that are not the theme's are dropped."""

    def pre_validate(self, form):
        allowed = {value for value, _ in self.choices}
        self.data = [value for value in (self.data or []) if value in allowed]


class FindingForm(FlaskForm):
    text = TextAreaField(
        filters=[strip],
        validators=[
            InputRequired("Write the finding"),
            Length(max=5000, message="The finding must be 5,000 characters or fewer"),
        ],
    )
    evidence = EvidenceChoices(coerce=lambda value: parse_id(value) or 0)

    def __init__(self, *args, evidence=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.evidence.choices = [(item["id"], _choice_label(item)) for item in evidence]

    def validate_evidence(self, field):
        problem = rules.finding_problem(field.data or [], [value for value, _ in field.choices])
        if problem:
            raise ValidationError(problem)


def _choice_label(item):
    return f"{item['label']}: {item['title']}"


class RecommendationForm(NewActionForm):
    """A recommendation, answering one of the theme's findings, made an action on the register:
    for one agency or the partnership (with its responsible officer), an owner and a due date."""

    finding = ChoiceField(message="Choose the finding it answers", required=False)

    def __init__(self, *args, findings=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.finding.choices = [("", "The theme as a whole")] + [
            (str(f.id), f.text[:120]) for f in findings
        ]
