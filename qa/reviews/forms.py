"""Forms of learning from reviews: a review, a theme, the action-planning meeting, a review
action, the sub-group's assurance, a dip sample and a theme decision."""

from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional, ValidationError

from qa.actions.forms import NewActionForm
from qa.forms import ChoiceField, DateInputField, VersionedForm, strip
from qa.identifying import NoIdentifyingDetails
from qa.ids import parse_id
from qa.reviews import queries, rules
from qa.reviews.models import KINDS

LONG = Length(max=20000, message="This must be 20,000 characters or fewer")


class ThemeChoices(SelectMultipleField):
    """The themes a review touches, as GOV.UK checkboxes; ids that are not themes are dropped."""

    def pre_validate(self, form):
        allowed = {value for value, _ in self.choices}
        self.data = [value for value in (self.data or []) if value in allowed]


class ReviewForm(VersionedForm):
    kind = ChoiceField(choices=list(KINDS.items()), message="Choose the kind of review")
    reference = StringField(
        filters=[strip],
        validators=[
            InputRequired("Enter the review's reference, such as RR-2026-03 or Child Q"),
            Length(max=60, message="The reference must be 60 characters or fewer"),
            NoIdentifyingDetails("The reference"),
        ],
    )
    title = StringField(
        filters=[strip],
        validators=[
            Length(max=200, message="The title must be 200 characters or fewer"),
            NoIdentifyingDetails("The title"),
        ],
    )
    notified_on = DateInputField(
        validators=[InputRequired("Enter the date the review was notified")],
        noun="The notification date",
    )
    completed_on = DateInputField(validators=[Optional()], noun="The date it was completed")
    published_on = DateInputField(validators=[Optional()], noun="The date it was published")
    themes = ThemeChoices(coerce=lambda value: parse_id(value) or 0)
    recommendations = TextAreaField(filters=[strip], validators=[LONG])
    summary_url = StringField(
        filters=[strip],
        validators=[Length(max=500, message="The link must be 500 characters or fewer")],
    )

    def __init__(self, *args, review=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.themes.choices = [(t.id, t.name) for t in queries.theme_choices(review)]

    def validate_completed_on(self, field):
        if field.data and self.notified_on.data and field.data < self.notified_on.data:
            raise ValidationError("The date it was completed must be on or after it was notified")

    def validate_published_on(self, field):
        if field.data and not self.completed_on.data:
            raise ValidationError(
                "Enter the date it was completed before the date it was published"
            )
        if field.data and self.completed_on.data and field.data < self.completed_on.data:
            raise ValidationError("The date it was published must be on or after it was completed")

    def validate_summary_url(self, field):
        if field.data and not rules.is_https(field.data):
            raise ValidationError("Enter the published summary's full address, starting https://")


class ThemeForm(VersionedForm):
    name = StringField(
        filters=[strip],
        validators=[
            InputRequired("Enter the theme, such as neglect or voice of the child"),
            Length(max=80, message="The theme must be 80 characters or fewer"),
        ],
    )
    active = BooleanField(default=True)


class PlanningForm(VersionedForm):
    """The action-planning meeting: when it met and who came."""

    planning_meeting_on = DateInputField(
        validators=[InputRequired("Enter the date of the action-planning meeting")],
        noun="The meeting date",
    )
    planning_attendance = TextAreaField(
        filters=[strip],
        validators=[InputRequired("Say who attended, by role and agency"), LONG],
    )


class ReviewActionForm(NewActionForm):
    """An action agreed from a review: for one agency or the partnership (with its responsible
    officer), answering one of its recommendations, under one theme."""

    recommendation = ChoiceField(message="Choose the recommendation", required=False)
    theme = ChoiceField(message="Choose the theme of the action")

    def __init__(self, *args, review, **kwargs):
        super().__init__(*args, **kwargs)
        lines = [line.strip() for line in review.recommendations.splitlines() if line.strip()]
        self.recommendation.choices = [("", "The review as a whole")] + [
            (line[:500], line) for line in lines
        ]
        self.theme.choices = [("", "Choose a theme")] + [
            (str(t.id), t.name) for t in queries.theme_choices(review)
        ]


class AssuranceForm(FlaskForm):
    """The sub-group's view of a review action's evidence, a year on."""

    assured = ChoiceField(
        choices=[("yes", "Assured"), ("no", "Not assured")],
        message="Say whether the sub-group is assured",
    )
    assurance_reason = TextAreaField(
        filters=[strip], validators=[InputRequired("Give the sub-group's reason"), LONG]
    )


class DipOutcomeForm(FlaskForm):
    """What checking a dip-sampled action's evidence found."""

    dip_outcome = ChoiceField(
        choices=[
            ("confirmed", "The evidence confirms the action and its impact"),
            ("not_confirmed", "The evidence does not confirm it"),
        ],
        message="Say what checking the evidence found",
    )
    dip_note = TextAreaField(
        filters=[strip], validators=[InputRequired("Say what was checked and found"), LONG]
    )


class DecisionForm(FlaskForm):
    """How the sub-group will gain assurance on a theme this quarter."""

    theme = ChoiceField(message="Choose the theme")
    decision = ChoiceField(
        choices=[("", "Choose a decision"), *rules.DECISIONS.items()],
        message="Choose how the sub-group will gain assurance",
    )
    note = TextAreaField(
        filters=[strip],
        validators=[Length(max=2000, message="The note must be 2,000 characters or fewer")],
    )

    def __init__(self, *args, themes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.theme.choices = [("", "Choose a theme")] + [(str(t.id), t.name) for t in themes]
