"""CSV of a survey's answers.

One row a response, nothing that identifies anyone, no formula injection.
"""

import csv
import io
from collections import defaultdict

from peewee import JOIN

from qa.people.models import Agency
from qa.surveys import kinds, staff
from qa.surveys.models import Answer, Question, Response, SurveyLink

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """A spreadsheet must never run what a child typed: a leading quote makes it text."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def answers_csv(survey) -> str:
    questions = list(
        Question.select().where(Question.survey == survey).order_by(Question.position, Question.id)
    )
    labels = {q.id: dict(kinds.choices(q.kind, q.option_list)) for q in questions}
    answers = defaultdict(lambda: defaultdict(list))
    for response_id, question_id, value in (
        Answer.select(Answer.response, Answer.question, Answer.value)
        .join(Response)
        .where(Response.survey == survey)
        .order_by(Answer.id)
        .tuples()
    ):
        answers[response_id][question_id].append(labels[question_id].get(value, value))
    out = io.StringIO()
    writer = csv.writer(out)
    about = ["Agency", "Role"] if survey.for_staff else []
    writer.writerow(
        ["Response", "Date", "Setting", "Age band", *about]
        + [f"Q{i}. {q.prompt}" for i, q in enumerate(questions, 1)]
    )
    rows = (
        Response.select(
            Response.id,
            Response.submitted_on,
            Response.age_band,
            SurveyLink.label,
            Agency.name,
            Response.agency_answer,
            Response.role_group,
        )
        .join(SurveyLink, on=(Response.link == SurveyLink.id), join_type=JOIN.LEFT_OUTER)
        .join(Agency, on=(Response.agency == Agency.id), join_type=JOIN.LEFT_OUTER)
        .where(Response.survey == survey)
        .order_by(Response.id)
        .tuples()
    )
    for number, (
        response_id,
        submitted_on,
        age_band,
        setting,
        agency,
        agency_answer,
        role,
    ) in enumerate(rows, 1):
        cells = [number, submitted_on.isoformat(), setting or "", age_band]
        if survey.for_staff:
            cells += [staff.agency_label(agency, agency_answer), staff.ROLE_GROUPS.get(role, "")]
        cells += ["; ".join(answers[response_id].get(q.id, [])) for q in questions]
        writer.writerow([safe_cell(cell) for cell in cells])
    return out.getvalue()
