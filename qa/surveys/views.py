"""Admin pages to build a survey.

Its settings, questions (reordered with htmx), status, and a preview.
"""

import json

from flask import flash, redirect, request, url_for
from peewee import JOIN, fn
from playhouse.flask_utils import get_object_or_404

from qa import editing
from qa.db import VersionConflict
from qa.forms import ready_to_save, values
from qa.frameworks.models import Standard
from qa.htmx import render
from qa.security import role_required, subgroup_only
from qa.surveys import bp, builder, kinds, readability
from qa.surveys.forms import QuestionForm, SurveyForm, TagForm
from qa.surveys.models import AGE_BANDS, Question, Response, Survey, SurveyLink

SURVEY_LABELS = {
    "title": "Title",
    "audience": "Who it is for",
    "age_band": "Age band",
    "introduction": "Introduction",
    "readers": "Who will read the answers",
    "opens_on": "Opens",
    "closes_on": "Closes",
    "safety_message": "Safety message",
}
QUESTION_LABELS = {
    "kind": "Kind of question",
    "prompt": "Question",
    "hint": "Hint",
    "options": "Answers",
}


@bp.get("")
@role_required("admin", "reviewer")
def index():
    subgroup_only()
    responses = fn.COUNT(Response.id.distinct())
    surveys = (
        Survey.select(Survey, responses.alias("response_count"))
        .join(Response, JOIN.LEFT_OUTER)
        .group_by(Survey.id)
        .order_by(Survey.created_at.desc())
    )
    return render("surveys/index.html", surveys=surveys, bands=AGE_BANDS)


@bp.route("/new", methods=["GET", "POST"])
@role_required("admin")
def new():
    form = SurveyForm(
        data={"version": "1", "audience": "children", "age_band": "8-12"}
        if request.method == "GET"
        else None
    )
    if ready_to_save(form):
        survey = editing.create(Survey, values(form, SURVEY_LABELS))
        flash(f"Survey ‘{survey.title}’ created. Now add its questions.", "success")
        return redirect(url_for("surveys.show", survey_id=survey.id))
    return render("surveys/form.html", form=form, survey=None, conflict=None)


@bp.post("/starter")
@role_required("admin")
def starter():
    band = request.form.get("age_band")
    if band not in ("8-12", "13-17", "staff"):
        flash("Choose an age band for the starter survey", "info")
        return redirect(url_for("surveys.new"))
    survey = builder.create_starter(band)
    who = "front-line staff" if band == "staff" else f"{band} year olds"
    flash(f"Starter survey for {who} created as a draft. Change anything you like.", "success")
    return redirect(url_for("surveys.show", survey_id=survey.id))


@bp.get("/<int:survey_id>")
@role_required("admin")
def show(survey_id):
    survey = get_object_or_404(Survey, Survey.id == survey_id)
    return render("surveys/show.html", **_builder_context(survey))


def _builder_context(survey):
    questions = list(
        Question.select(Question, Standard)
        .join(Standard, JOIN.LEFT_OUTER)
        .where(Question.survey == survey)
        .order_by(Question.position, Question.id)
    )
    reading = {
        q.id: readability.check(" ".join([q.prompt, q.hint]), survey.age_band) for q in questions
    }
    return {
        "survey": survey,
        "questions": questions,
        "reading": reading,
        "locked": builder.questions_locked(survey),
        "intro_reading": readability.check(survey.introduction, survey.age_band)
        if survey.introduction
        else None,
        "link_count": SurveyLink.select().where(SurveyLink.survey == survey).count(),
        "response_count": Response.select().where(Response.survey == survey).count(),
        "kinds": kinds.KINDS,
        "transitions": builder.TRANSITIONS,
    }


@bp.route("/<int:survey_id>/edit", methods=["GET", "POST"])
@role_required("admin")
def edit(survey_id):
    survey = get_object_or_404(Survey, Survey.id == survey_id)
    form, conflict = SurveyForm(obj=survey), None
    if ready_to_save(form):
        try:
            editing.update(survey, form.version.data, values(form, SURVEY_LABELS))
            flash("Survey saved", "success")
            return redirect(url_for("surveys.show", survey_id=survey.id))
        except VersionConflict as error:
            conflict = editing.conflict_rows(form, error.current, SURVEY_LABELS)
            form.version.data = str(error.current.version)
    return render("surveys/form.html", form=form, survey=survey, conflict=conflict)


@bp.post("/<int:survey_id>/status")
@role_required("admin")
def status(survey_id):
    survey = get_object_or_404(Survey, Survey.id == survey_id)
    try:
        builder.set_status(survey, request.form.get("to", ""))
        flash(f"The survey is now {survey.status_label.lower()}", "success")
    except builder.StatusRefused as refused:
        flash(str(refused), "info")
    return redirect(url_for("surveys.show", survey_id=survey.id))


@bp.post("/<int:survey_id>/copy")
@role_required("admin")
def copy(survey_id):
    survey = builder.copy_survey(get_object_or_404(Survey, Survey.id == survey_id))
    flash(
        "Copied as a new draft. Its questions keep their identity, so results compare year on "
        "year.",
        "success",
    )
    return redirect(url_for("surveys.show", survey_id=survey.id))


@bp.route("/<int:survey_id>/questions/new", methods=["GET", "POST"])
@bp.route("/<int:survey_id>/questions/<int:question_id>", methods=["GET", "POST"])
@role_required("admin")
def question(survey_id, question_id=None):
    survey = get_object_or_404(Survey, Survey.id == survey_id)
    item = (
        get_object_or_404(Question, Question.id == question_id, Question.survey == survey)
        if question_id
        else None
    )
    if builder.questions_locked(survey):
        flash(
            "Questions can only be changed while the survey is a draft with no answers. Copy it "
            "to make a new version.",
            "info",
        )
        return redirect(url_for("surveys.show", survey_id=survey.id))
    if item:
        form = QuestionForm(
            obj=item,
            data={"options": "\n".join(item.option_list)} if request.method == "GET" else None,
        )
    else:
        form = QuestionForm(
            data={"version": "1", "kind": "smiley"} if request.method == "GET" else None
        )
    conflict = None
    if ready_to_save(form):
        data = values(form, ("kind", "prompt", "hint")) | {"options": _json(form.option_list)}
        try:
            editing.update(item, form.version.data, data) if item else builder.add_question(
                survey, data
            )
            return redirect(url_for("surveys.show", survey_id=survey.id, _anchor="questions"))
        except VersionConflict as error:
            conflict = editing.conflict_rows(form, error.current, QUESTION_LABELS)
            form.version.data = str(error.current.version)
    check = (
        readability.check(" ".join([form.prompt.data or "", form.hint.data or ""]), survey.age_band)
        if form.prompt.data
        else None
    )
    return render(
        "surveys/question_form.html",
        form=form,
        survey=survey,
        question=item,
        conflict=conflict,
        check=check,
    )


def _json(options):
    return json.dumps(options)


@bp.route("/<int:survey_id>/questions/<int:question_id>/standard", methods=["GET", "POST"])
@role_required("admin")
def tag(survey_id, question_id):
    """Which Section 11 standard a question informs: allowed even once answers arrive (see
    builder.tag_question)."""
    survey = get_object_or_404(Survey, Survey.id == survey_id)
    item = get_object_or_404(Question, Question.id == question_id, Question.survey == survey)
    # Filled from plain data, not obj: the stored JSON list shows as one answer a line.
    data = {
        "version": str(item.version),
        "standard": item.standard_id,
        "positive": "\n".join(item.positive_list),
    }
    form, conflict = TagForm(data=data if request.method == "GET" else None, question=item), None
    form.standard.choices = [("", "None")] + builder.standard_choices()
    if ready_to_save(form):
        try:
            builder.tag_question(item, form.version.data, form.standard.data, form.positive_list)
            return redirect(
                url_for("surveys.show", survey_id=survey.id, _anchor=f"question-{item.id}")
            )
        except VersionConflict as error:
            conflict = editing.conflict_rows(
                form, error.current, {"standard": "Standard", "positive": "Positive answers"}
            )
            form.version.data = str(error.current.version)
    return render(
        "surveys/tag_form.html",
        form=form,
        survey=survey,
        question=item,
        conflict=conflict,
        kinds=kinds.KINDS,
    )


@bp.post("/<int:survey_id>/questions/<int:question_id>/move")
@role_required("admin")
def move(survey_id, question_id):
    survey = get_object_or_404(Survey, Survey.id == survey_id)
    item = get_object_or_404(Question, Question.id == question_id, Question.survey == survey)
    if not builder.questions_locked(survey):
        builder.move_question(item, "up" if request.form.get("direction") == "up" else "down")
    return render("surveys/show.html", "surveys/_questions.html", **_builder_context(survey))


@bp.post("/<int:survey_id>/questions/<int:question_id>/delete")
@role_required("admin")
def delete(survey_id, question_id):
    survey = get_object_or_404(Survey, Survey.id == survey_id)
    item = get_object_or_404(Question, Question.id == question_id, Question.survey == survey)
    if not builder.questions_locked(survey):
        builder.delete_question(item)
        flash("Question removed", "success")
    return redirect(url_for("surveys.show", survey_id=survey.id, _anchor="questions"))


@bp.get("/<int:survey_id>/preview/<int:number>")
@role_required("admin")
def preview(survey_id, number):
    """Each screen exactly as a child sees it, with links instead of a form that saves."""
    survey = get_object_or_404(Survey, Survey.id == survey_id)
    questions = list(
        Question.select().where(Question.survey == survey).order_by(Question.position, Question.id)
    )
    link = SurveyLink(code="preview0000", label="Preview", survey=survey)
    context = {
        "survey": survey,
        "link": link,
        "total": len(questions),
        "preview": True,
        "chosen": [],
        "error": None,
    }
    if 1 <= number <= len(questions):
        page = lambda n: url_for("surveys.preview", survey_id=survey.id, number=n)  # noqa: E731
        return render(
            "surveys/preview.html",
            question=questions[number - 1],
            number=number,
            next_url=page(number + 1),
            back_url=page(number - 1),
            **context,
        )
    return render(
        "surveys/preview.html",
        question=None,
        number=0,
        next_url=url_for("surveys.preview", survey_id=survey.id, number=1),
        **context,
    )
