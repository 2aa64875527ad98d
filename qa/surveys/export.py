"""CSV of a survey's answers.

One row a response, nothing that identifies anyone, no formula injection. No response ids and
no order of sending: rows are shuffled within each date. The fewer-than-five rule: a row's
setting, age band, date, agency and role, as shown, are shared by at least five rows; for smaller
groups the role, then the agency, go; the date becomes its month, then goes; then the age band and
the setting go ("Fewer than 5"); an age band hidden in fewer than five rows is hidden in more, so
the hidden ones are not simply the bands the shown ones are not.
"""

import csv
import io
import secrets
from collections import defaultdict

from peewee import JOIN

from qa.people.models import Agency
from qa.surveys import kinds, staff, suppression
from qa.surveys.models import Answer, Question, Response, SurveyLink

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def month(cell):
    """A date cell (YYYY-MM-DD) coarsened to its month (YYYY-MM)."""
    return cell[:7]


# identifying cells: 0 date, 1 setting, 2 age band, (staff) 3 agency, 4 role
BAND = 2
STEPS = ((0, month), (BAND, suppression.hide), (0, suppression.hide), (1, suppression.hide))
STAFF_STEPS = ((4, suppression.hide), (3, suppression.hide), *STEPS)


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
        .tuples()
    )
    ids, identifying = [], []
    for response_id, submitted_on, age_band, setting, agency, agency_answer, role in rows:
        ids.append(response_id)
        cells = [submitted_on.isoformat(), setting or "", age_band]
        if survey.for_staff:
            cells += [staff.agency_label(agency, agency_answer), staff.ROLE_GROUPS.get(role, "")]
        identifying.append(cells)
    shown = suppression.coarsen_rows(identifying, STAFF_STEPS if survey.for_staff else STEPS)
    if not survey.for_staff:  # staff are all "adult"
        shown = suppression.hide_alongside(shown, [BAND])
    for number, (cells, response_id) in enumerate(in_no_order(shown, ids), 1):
        cells = [number, *cells] + [
            "; ".join(answers[response_id].get(q.id, [])) for q in questions
        ]
        writer.writerow([safe_cell(cell) for cell in cells])
    return out.getvalue()


def in_no_order(shown, ids):
    """(shown cells, response id) by the date shown, shuffled within each date: a row's place says
    nothing of when it was sent, nor of a date its group hides. Ids are never written out."""
    pairs = list(zip(shown, ids, strict=True))
    secrets.SystemRandom().shuffle(pairs)
    return sorted(pairs, key=lambda pair: pair[0][0])
