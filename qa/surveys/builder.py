"""Building a survey: starter surveys, adding, changing, moving and removing questions.

Opening and closing, copying, the standard a question informs, and the survey's links.
"""

import json

from flask_login import current_user
from peewee import fn

from qa import audit, editing
from qa.db import db
from qa.frameworks.models import Framework, Standard
from qa.frameworks.seed import SECTION_11
from qa.surveys import kinds, starter, translations
from qa.surveys.forms import QUESTION_LABELS, TAG_LABELS
from qa.surveys.models import Question, Response, Survey, SurveyLink

TRANSITIONS = {"draft": ("open",), "open": ("closed",), "closed": ("open",)}
ACTION_WORDS = {"open": "Opened", "closed": "Closed"}


class StatusRefused(ValueError):
    pass


def has_responses(survey) -> bool:
    return Response.select().where(Response.survey == survey).exists()


def questions_locked(survey) -> bool:
    """Questions change only before anyone answers: otherwise this year's answers would not mean one
    thing."""
    return survey.status != "draft" or has_responses(survey)


def create_starter(name):
    """A draft copy of a ready-made survey: "8-12" or "13-17" for children, "staff" for front-line
    practitioners."""
    content = starter.STARTERS[name]
    audience = content.get("audience", "children")
    band = "adult" if audience == "staff" else name
    with db.atomic("IMMEDIATE"):
        survey = editing.create(
            Survey,
            {
                "title": content["title"],
                "audience": audience,
                "age_band": band,
                "introduction": content["introduction"],
            },
            summary="Created the starter survey for "
            + ("front-line staff" if audience == "staff" else f"{name} year olds"),
        )
        standards = section11_standards()
        for position, (kind, prompt, hint, options, *tag) in enumerate(
            content["questions"], start=1
        ):
            code, positive = tag or (None, [])
            Question.create(
                survey=survey,
                position=position,
                kind=kind,
                prompt=prompt,
                hint=hint,
                options=json.dumps(options),
                scale=kinds.scale_named(options) if kind == "smiley" else "",
                standard=standards.get(code),
                positive=json.dumps(positive),
            )
    return survey


def standard_choices():
    """[(id, "Section 11 (Children Act 2004): 6. Supervision")] of every framework's standards."""
    query = (
        Standard.select(Standard.id, Standard.code, Standard.title, Framework.name)
        .join(Framework)
        .order_by(Framework.id, Standard.position)
        .tuples()
    )
    return [(sid, f"{framework}: {code}. {title}") for sid, code, title, framework in query]


def section11_standards():
    """{code: standard id} of the Section 11 framework, which the starter questions inform."""
    query = (
        Standard.select(Standard.code, Standard.id)
        .join(Framework)
        .where(Framework.name == SECTION_11[0])
    )
    return dict(query.tuples())


def add_question(survey, data):
    with db.atomic("IMMEDIATE"):
        last = (
            Question.select(fn.MAX(Question.position)).where(Question.survey == survey).scalar()
            or 0
        )
        return editing.create(
            Question,
            {**data, "survey": survey, "position": last + 1},
            summary=f"Added a question to {survey.title}",
        )


def save_question(survey, question, form):
    """Add the form's question to the survey, or save it over `question` at the version it was
    opened with; returns None when saved, or the Conflict to show."""
    scale, points = form.scale or ("", 0)
    options = kinds.scale_labels(scale, points, survey.age_band) if scale else form.option_list
    data = {
        "kind": form.kind.data,
        "prompt": form.prompt.data,
        "hint": form.hint.data,
        "options": json.dumps(options),
        "scale": scale,
    }
    if question is None:
        add_question(survey, data)
        return None
    return editing.save_form(question, form, QUESTION_LABELS, data=data)


def move_question(question, direction):
    """Swap a question with its neighbour above ("up") or below ("down")."""
    with db.atomic("IMMEDIATE"):
        siblings = list(
            Question.select()
            .where(Question.survey == question.survey_id)
            .order_by(Question.position, Question.id)
        )
        index = next(i for i, q in enumerate(siblings) if q.id == question.id)
        other = index - 1 if direction == "up" else index + 1
        if not 0 <= other < len(siblings):
            return
        siblings[index], siblings[other] = siblings[other], siblings[index]
        for position, item in enumerate(siblings, start=1):
            if item.position != position:
                Question.update(position=position).where(Question.id == item.id).execute()
        audit.record(
            current_user, "moved", question, f"Moved question ‘{question.prompt[:60]}’ {direction}"
        )


def delete_question(question):
    with db.atomic("IMMEDIATE"):
        survey_id = question.survey_id
        editing.delete(question, summary=f"Removed question ‘{question.prompt[:60]}’")
        for position, item in enumerate(
            Question.select()
            .where(Question.survey == survey_id)
            .order_by(Question.position, Question.id),
            start=1,
        ):
            Question.update(position=position).where(Question.id == item.id).execute()


def set_status(survey, to):
    if to not in TRANSITIONS.get(survey.status, ()):
        raise StatusRefused(f"A {survey.status_label.lower()} survey cannot be {to}")
    if to == "open" and not Question.select().where(Question.survey == survey).exists():
        raise StatusRefused("Add at least one question before opening the survey")
    with db.atomic("IMMEDIATE"):
        Survey.update(status=to, version=Survey.version + 1).where(Survey.id == survey.id).execute()
        audit.record(
            current_user,
            "changed",
            survey,
            f"{ACTION_WORDS[to]} the survey {survey.title}",
            {"status": [survey.status, to]},
        )
    survey.status = to
    return survey


def copy_survey(survey):
    """A new draft with the same questions; each keeps its key so results compare year on year."""
    with db.atomic("IMMEDIATE"):
        fields = ("audience", "age_band", "introduction", "readers", "safety_message", "easy_read")
        copy = editing.create(
            Survey,
            {"title": f"{survey.title} (copy)"[:120], **{f: getattr(survey, f) for f in fields}},
            summary=f"Copied the survey {survey.title}",
        )
        copy_questions(survey, copy)
        translations.copy(survey, copy)
    return copy


def copy_questions(survey, copy):
    """Give `copy` the questions of `survey`, in order; each keeps its key, so results compare
    year on year."""
    for q in Question.select().where(Question.survey == survey).order_by(Question.position):
        Question.create(
            survey=copy,
            position=q.position,
            kind=q.kind,
            prompt=q.prompt,
            hint=q.hint,
            options=q.options,
            scale=q.scale,
            key=q.key,
            standard=q.standard_id,
            positive=q.positive,
        )


def save_tag(question, form):
    """Save the tag form over `question`: None when saved, or the Conflict to show."""
    return editing.save_form(
        question,
        form,
        TAG_LABELS,
        data={"standard": form.standard.data, "positive": form.positive_list},
        write=lambda obj, version, data, summary: tag_question(
            obj, version, data["standard"], data["positive"]
        ),
    )


def tag_question(question, version, standard_id, positive):
    """Say which standard a question informs and which answers count as positive. Allowed after
    answers arrive:
    it changes how answers are read beside a self-rating, never what anybody answered."""
    summary = f"Changed the standard that question ‘{question.prompt[:60]}’ informs"
    return editing.update(
        question,
        version,
        {"standard": standard_id, "positive": json.dumps(positive)},
        summary=summary,
    )


def add_link(survey, label):
    return editing.create(
        SurveyLink,
        {"survey": survey, "label": label},
        summary=f"Added the link ‘{label}’ to {survey.title}",
    )


def close_link(link):
    """Close an open link, or reopen a closed one; returns the link as it was before."""
    with db.atomic("IMMEDIATE"):
        SurveyLink.update(closed=not link.closed).where(SurveyLink.id == link.id).execute()
        audit.record(
            current_user,
            "changed",
            link,
            f"{'Reopened' if link.closed else 'Closed'} the link ‘{link.label}’",
        )
    return link
