"""How a scrutiny theme cites a survey's results as evidence: one question's answers added up,
with small numbers hidden exactly as on the results page (`results.protected`, the suppression
rules); never a written answer, never a single response."""

from flask import url_for

from qa.surveys import kinds, queries, results, suppression
from qa.surveys.models import Question, Survey


def _questions():
    """Questions answered by choosing, of surveys that have been open (never written ones)."""
    return (
        Question.select(Question, Survey)
        .join(Survey)
        .where(Survey.status != "draft", Question.kind.not_in(list(kinds.FREE_TEXT)))
    )


def _title(question):
    survey = question.survey
    return f"{survey.title} ({survey.audience_label.lower()}): {question.prompt}"


def choices(cycle):
    """[(question id, title)] of every survey that has opened (surveys run across cycles)."""
    found = _questions().order_by(Survey.title, Question.position)
    return [(q.id, _title(q)) for q in found]


def describe(ids, cycle):
    """{question id: (title, the protected figures, url)}: a few queries per survey cited."""
    chosen = list(_questions().where(Question.id.in_(list(ids))))
    described = {}
    for survey in {q.survey_id: q.survey for q in chosen}.values():
        responses, summary = protected_summary(survey)
        for item in summary:
            question = next((q for q in chosen if q.id == item["question"]["id"]), None)
            if question is not None:
                described[question.id] = (
                    _title(question),
                    says(responses, item),
                    url_for("surveys.results", survey_id=survey.id),
                )
    return described


def protected_summary(survey):
    """(responses or None when hidden, each question's protected figures) of the whole survey,
    with no written answers read at all."""
    questions = queries.questions_of(survey)
    figures = queries.figures_of(survey, questions)
    plain = [
        {"id": q.id, "key": q.key, "kind": q.kind, "prompt": q.prompt, "options": q.option_list}
        for q in questions
    ]
    return results.protected(plain, figures, queries.group_of(figures), {})


def says(responses, item):
    """'38 answered: Yes 61%, Sometimes 24%, No fewer than 5.'"""
    if item["suppressed"] or responses is None:
        return f"Too few answers to show ({suppression.HIDDEN.lower()})."
    shown = [
        f"{row['label']} {suppression.HIDDEN.lower()}"
        if row["count"] is None
        else f"{row['label']} {row['percent']}%"
        for row in item["rows"]
    ]
    return f"{item['answered']} answered: {', '.join(shown)}."
