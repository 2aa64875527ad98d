"""Admin pages to build a survey.

Its settings, questions (reordered with htmx), status, and a preview.
"""

from flask import flash, redirect, request, url_for
from playhouse.flask_utils import get_object_or_404

from qa import editing
from qa.forms import ready_to_save, values
from qa.htmx import render
from qa.security import role_required, subgroup_only
from qa.surveys import bp, builder, kinds, queries, readability
from qa.surveys.forms import SURVEY_LABELS, QuestionForm, SurveyForm, TagForm
from qa.surveys.models import AGE_BANDS, Question, Survey, SurveyLink

LOCKED = (
    "Questions can only be changed while the survey is a draft with no answers. Copy it to make a "
    "new version."
)


@bp.get("")
@role_required("admin", "reviewer")
def index():
    subgroup_only()
    return render("surveys/index.html", surveys=queries.surveys_with_counts(), bands=AGE_BANDS)


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
    return render("surveys/show.html", **_builder_page(survey))


def _builder_page(survey):
    """What the survey builder shows: the survey, its questions and how readable they are."""
    questions = queries.questions_with_standards(survey)
    reading = {
        q.id: readability.check(" ".join([q.prompt, q.hint]), survey.age_band, q.option_list)
        for q in questions
    }
    return {
        "survey": survey,
        "questions": questions,
        "reading": reading,
        "locked": builder.questions_locked(survey),
        "intro_reading": readability.check(survey.introduction, survey.age_band)
        if survey.introduction
        else None,
        "link_count": queries.link_count(survey),
        "response_count": queries.response_count(survey),
        "kinds": kinds.KINDS,
        "transitions": builder.TRANSITIONS,
    }


@bp.route("/<int:survey_id>/edit", methods=["GET", "POST"])
@role_required("admin")
def edit(survey_id):
    survey = get_object_or_404(Survey, Survey.id == survey_id)
    return editing.edit_page(
        survey,
        SurveyForm(obj=survey),
        SURVEY_LABELS,
        "surveys/form.html",
        done=url_for("surveys.show", survey_id=survey.id),
        saved="Survey saved",
        survey=survey,
    )


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


def _builder_url(survey, anchor):
    return url_for("surveys.show", survey_id=survey.id, _anchor=anchor)


def _question_of(survey, question_id):
    return get_object_or_404(Question, Question.id == question_id, Question.survey == survey)


@bp.route("/<int:survey_id>/questions/new", methods=["GET", "POST"])
@bp.route("/<int:survey_id>/questions/<int:question_id>", methods=["GET", "POST"])
@role_required("admin")
def question(survey_id, question_id=None):
    survey = get_object_or_404(Survey, Survey.id == survey_id)
    item = _question_of(survey, question_id) if question_id else None
    if builder.questions_locked(survey):
        flash(LOCKED, "info")
        return redirect(url_for("surveys.show", survey_id=survey.id))
    form, conflict = _question_form(item), None
    if ready_to_save(form):
        conflict = builder.save_question(survey, item, form)
        if conflict is None:
            return redirect(_builder_url(survey, "questions"))
    return render("surveys/question_form.html", **_question_page(survey, item, form, conflict))


def _question_form(item):
    """The question form: a new one opens as a smiley face question; a question's answers show
    one a line."""
    opened = request.method == "GET"
    if item:
        scale = f"{item.scale}-{len(item.option_list)}" if item.scale else ""
        return QuestionForm(
            obj=item,
            data={"options": "\n".join(item.option_list), "answer_scale": scale}
            if opened
            else None,
        )
    return QuestionForm(data={"version": "1", "kind": "smiley"} if opened else None)


def _question_page(survey, item, form, conflict):
    check = (
        readability.check(
            " ".join([form.prompt.data or "", form.hint.data or ""]),
            survey.age_band,
            form.option_list,
        )
        if form.prompt.data
        else None
    )
    return {
        "form": form,
        "survey": survey,
        "question": item,
        "conflict": conflict,
        "check": check,
    }


@bp.route("/<int:survey_id>/questions/<int:question_id>/standard", methods=["GET", "POST"])
@role_required("admin")
def tag(survey_id, question_id):
    """Which Section 11 standard a question informs: allowed even once answers arrive (see
    builder.tag_question)."""
    survey = get_object_or_404(Survey, Survey.id == survey_id)
    item = _question_of(survey, question_id)
    form, conflict = _tag_form(item), None
    if ready_to_save(form):
        conflict = builder.save_tag(item, form)
        if conflict is None:
            return redirect(_builder_url(survey, f"question-{item.id}"))
    return render(
        "surveys/tag_form.html",
        form=form,
        survey=survey,
        question=item,
        conflict=conflict,
        kinds=kinds.KINDS,
    )


def _tag_form(item):
    # Filled from plain data, not obj: the stored JSON list shows as one answer a line.
    data = {
        "version": str(item.version),
        "standard": item.standard_id,
        "positive": "\n".join(item.positive_list),
    }
    form = TagForm(data=data if request.method == "GET" else None, question=item)
    form.standard.choices = [("", "None")] + builder.standard_choices()
    return form


@bp.post("/<int:survey_id>/questions/<int:question_id>/move")
@role_required("admin")
def move(survey_id, question_id):
    survey = get_object_or_404(Survey, Survey.id == survey_id)
    item = _question_of(survey, question_id)
    if not builder.questions_locked(survey):
        builder.move_question(item, "up" if request.form.get("direction") == "up" else "down")
    return render("surveys/show.html", "surveys/_questions.html", **_builder_page(survey))


@bp.post("/<int:survey_id>/questions/<int:question_id>/delete")
@role_required("admin")
def delete(survey_id, question_id):
    survey = get_object_or_404(Survey, Survey.id == survey_id)
    item = _question_of(survey, question_id)
    if not builder.questions_locked(survey):
        builder.delete_question(item)
        flash("Question removed", "success")
    return redirect(_builder_url(survey, "questions"))


@bp.get("/<int:survey_id>/preview/<int:number>")
@role_required("admin")
def preview(survey_id, number):
    """Each screen exactly as a child sees it, with links instead of a form that saves."""
    survey = get_object_or_404(Survey, Survey.id == survey_id)
    return render("surveys/preview.html", **_preview_page(survey, number))


def _preview_page(survey, number):
    """Screen `number` of the survey (0 the start), with links to the screens before and after."""
    questions = queries.questions_of(survey)
    context = {
        "survey": survey,
        "link": SurveyLink(code="preview0000", label="Preview", survey=survey),
        "total": len(questions),
        "preview": True,
        "chosen": [],
        "error": None,
    }
    if not 1 <= number <= len(questions):
        return context | {"question": None, "number": 0, "next_url": _preview_url(survey, 1)}
    return context | {
        "question": questions[number - 1],
        "number": number,
        "next_url": _preview_url(survey, number + 1),
        "back_url": _preview_url(survey, number - 1),
    }


def _preview_url(survey, number):
    return url_for("surveys.preview", survey_id=survey.id, number=number)
