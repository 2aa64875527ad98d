"""The forms of a case audit: the audit itself, a case, a domain's grade, the summary, submitting
and reopening a return."""

from flask_wtf import FlaskForm
from wtforms import HiddenField, IntegerField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange, Optional, Regexp, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from qa.case_audits import rules
from qa.forms import ChoiceField, DateInputField, VersionedForm, optional_int, strip
from qa.identifying import NoIdentifyingDetails

AUDIT_LABELS = {
    "cycle": "Cycle",
    "topic": "Topic",
    "reason": "Why this topic",
    "reason_source": "Where it came from",
    "cases_chosen_by": "Cases chosen by",
    "returns_due": "Returns due",
    "meeting_on": "Auditors' meeting",
    "board_on": "Report to the board",
    "status": "Status",
    "domains": "Domains",
    "method": "How the audit was done",
    "summary": "Agreed summary",
    "good_practice": "Good practice",
}
CASE_LABELS = {
    "reference": "Case reference",
    "locality": "Locality",
    "criteria": "Criteria met",
    "children": "Children in the household",
}
GRADE_LABELS = {"grade": "Grade", "justification": "Why this grade"}
SUMMARY_LABELS = dict(rules.SUMMARY)
SOURCES = [
    ("", "Not linked"),
    ("board priority", "A board priority"),
    ("learning review", "A learning review"),
    ("data set", "An indicator in the data set"),
    ("inspection", "An inspection finding"),
]
GRADE_CHOICES = list(rules.GRADES.items())


def grade_words(name, value):
    """A grade field's value in a conflict: the grade in words, blank as "(blank)"."""
    if name == "grade":
        return rules.GRADES.get(value or "", "(not graded)")
    return value or "(blank)"


def _text(limit, message=None, guard=None):
    validators = [Length(max=limit, message=f"This must be {limit:,} characters or fewer")]
    if message:
        validators.insert(0, InputRequired(message))
    if guard:
        validators.append(NoIdentifyingDetails(guard))
    return TextAreaField(filters=[strip], validators=validators)


class AuditForm(VersionedForm):
    cycle = ChoiceField(coerce=optional_int, message="Choose the cycle", choices=[])
    topic = StringField(
        filters=[strip],
        validators=[InputRequired("Enter the topic, like Neglect"), Length(max=120)],
    )
    reason = _text(2000, "Say why this topic was chosen")
    reason_source = ChoiceField(choices=SOURCES, required=False, default="")
    cases_chosen_by = DateInputField(validators=[Optional()], noun="The date cases are chosen by")
    returns_due = DateInputField(validators=[Optional()], noun="The date returns are due")
    meeting_on = DateInputField(validators=[Optional()], noun="The date of the meeting")
    board_on = DateInputField(validators=[Optional()], noun="The date of the board")
    status = ChoiceField(choices=list(rules.STATUSES.items()), message="Choose a status")
    domains = TextAreaField(filters=[strip])
    method = _text(4000, guard="The method")
    summary = _text(4000, guard="The summary")
    good_practice = _text(4000, guard="The good practice")

    def validate_domains(self, field):
        found = rules.domains_from(field.data)
        if not found:
            raise ValidationError("Enter at least one domain, one on each line")
        if len(found) > rules.DOMAINS_LIMIT:
            raise ValidationError(f"An audit can have at most {rules.DOMAINS_LIMIT} domains")
        if any(len(name) > 120 for name in found):
            raise ValidationError("Each domain must be 120 characters or fewer")


class CaseForm(VersionedForm):
    reference = StringField(
        filters=[strip],
        validators=[
            InputRequired("Enter the case reference, like MACA-2026-07"),
            Length(max=40, message="The reference must be 40 characters or fewer"),
            NoIdentifyingDetails("The reference"),
        ],
    )
    locality = ChoiceField(
        choices=[], message="Choose the locality", required=False, default="", filters=[strip]
    )
    criteria = _text(1000, "Say which selection criteria the case meets", "The criteria")
    children = IntegerField(
        validators=[
            InputRequired("Enter how many children are in the household, as a number"),
            NumberRange(1, 30, message="Enter a number of children from 1 to 30"),
        ]
    )
    agencies = SelectMultipleField(
        coerce=int,
        choices=[],
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
        validators=[InputRequired("Choose the agencies involved with the case")],
    )


class GradeForm(VersionedForm):
    grade = ChoiceField(choices=GRADE_CHOICES, message="Choose a grade", required=False, default="")
    justification = _text(rules.TEXT_LIMIT, guard="The justification")
    # Set by "Keep my version" in a conflict: the version the person chose to overwrite.
    resolve = HiddenField(validators=[Regexp(r"^\d{0,9}$")])

    @property
    def base_version(self):
        return int(self.resolve.data or self.version.data)


class SummaryForm(VersionedForm):
    worked_well = _text(rules.TEXT_LIMIT, guard="‘What worked well’")
    worried_about = _text(rules.TEXT_LIMIT, guard="‘What we are worried about’")
    needs_to_happen = _text(rules.TEXT_LIMIT, guard="‘What needs to happen’")
    resolve = HiddenField(validators=[Regexp(r"^\d{0,9}$")])

    @property
    def base_version(self):
        return int(self.resolve.data or self.version.data)


class SubmitForm(VersionedForm):
    pass


class ReopenForm(VersionedForm):
    reason = _text(2000, "Say why the return is being reopened")


class AuditorForm(VersionedForm):
    """Name someone as an auditor for their agency in this audit."""

    user = ChoiceField(
        coerce=optional_int, choices=[], message="Choose the person to name as an auditor"
    )


class AttendanceForm(FlaskForm):
    agencies = SelectMultipleField(
        coerce=int, choices=[], widget=ListWidget(prefix_label=False), option_widget=CheckboxInput()
    )


class ThemeForm(FlaskForm):
    name = StringField(
        filters=[strip],
        validators=[
            InputRequired("Enter the theme, like Fathers not seen"),
            Length(max=120, message="The theme must be 120 characters or fewer"),
            NoIdentifyingDetails("The theme"),
        ],
    )
    kind = ChoiceField(
        choices=list(rules.THEME_KINDS.items()), message="Choose strength or concern"
    )


def agree_form(domains, themes, data):
    """The meeting's view of a case: an agreed grade per domain (grade_0, grade_1, ...), the good
    practice, notes and the themes the case shows."""

    theme_choices = [(t.id, t.name) for t in themes]

    class AgreeForm(VersionedForm):
        good_practice = _text(rules.TEXT_LIMIT, guard="The good practice")
        meeting_notes = _text(rules.TEXT_LIMIT, guard="The notes")
        themes = SelectMultipleField(
            coerce=int,
            choices=theme_choices,
            widget=ListWidget(prefix_label=False),
            option_widget=CheckboxInput(),
        )

    for n, _ in enumerate(domains):
        field = ChoiceField(
            choices=[("", "Not agreed yet"), *GRADE_CHOICES], required=False, default=""
        )
        setattr(AgreeForm, f"grade_{n}", field)
    return AgreeForm(data=data)


class RecommendationForm(FlaskForm):
    """A recommendation of the audit, which goes on the action register: one agency's action, or a
    partnership-wide one with a responsible officer to follow it up (no agency). Either needs an
    owner and a due date."""

    text = _text(2000, "Write the recommendation", "The recommendation")
    agency = ChoiceField(coerce=optional_int, choices=[], required=False)
    responsible_officer = ChoiceField(coerce=optional_int, choices=[], required=False)
    owner = StringField(filters=[strip], validators=[Length(max=150)])
    due = DateInputField(validators=[Optional()], noun="The due date")

    def validate_responsible_officer(self, field):
        if not self.agency.data and not field.data:
            raise ValidationError("Choose the responsible officer for a partnership-wide action")

    def validate_owner(self, field):
        if not field.data:
            raise ValidationError("Enter who owns the action (a name or a role)")

    def validate_due(self, field):
        if not field.data and not field.errors:
            raise ValidationError("Enter the date the action is due")
