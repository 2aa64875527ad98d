"""Staff survey test data.

The starter staff survey, open, with a link; a practitioner's visit; answers made in bulk.
"""

import json
from datetime import date

import pytest

from qa.surveys import builder
from qa.surveys.models import Answer, Question, Response, Survey, SurveyLink
from qa.surveys.starter import STARTERS
from tests.survey_fixtures import Child

SUPERVISION = "How often do you get safeguarding supervision?"


def make_staff_survey(title="Staff survey 2026", opens_on=None):
    """The starter staff survey (its questions linked to Section 11 standards), open, with one
    link."""
    survey = Survey.create(
        title=title,
        audience="staff",
        age_band="adult",
        status="open",
        opens_on=opens_on,
        introduction="Tell us about safeguarding where you work.",
    )
    standards = builder.section11_standards()
    for n, (kind, prompt, hint, options, code, positive) in enumerate(
        STARTERS["staff"]["questions"], start=1
    ):
        Question.create(
            survey=survey,
            position=n,
            kind=kind,
            prompt=prompt,
            hint=hint,
            options=json.dumps(options),
            standard=standards.get(code),
            positive=json.dumps(positive),
        )
    SurveyLink.create(survey=survey, label="Team meetings")
    return survey


def question(survey, prompt):
    return Question.get((Question.survey == survey) & (Question.prompt == prompt))


def staff_answers(survey, agency, count, values, start=0, on=None, role="police"):
    """`count` responses from `agency` (None: prefer not to say); `values` maps a question prompt to
    a value, or a function of n."""
    questions = {q.prompt: q for q in survey.questions}
    link = survey.links.first()
    for n in range(start, start + count):
        response = Response.create(
            survey=survey,
            link=link,
            age_band="adult",
            submitted_on=on or date.today(),
            agency=agency,
            agency_answer="listed" if agency else "not-said",
            role_group=role,
        )
        for prompt, value in values.items():
            value = value(n) if callable(value) else value
            if value is not None:
                Answer.create(response=response, question=questions[prompt], value=value)


@pytest.fixture
def staff_survey(app, people):
    return make_staff_survey()


@pytest.fixture
def practitioner(app, staff_survey):
    return Child(app, staff_survey.links.first().code)
