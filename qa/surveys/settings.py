"""Admin pages for the survey settings.

(safety message, how long answers are kept, safeguarding words) and "you said, we did".
"""

from flask import flash, redirect, request, url_for
from playhouse.flask_utils import get_object_or_404

from qa import editing
from qa.forms import ready_to_save, values
from qa.htmx import render
from qa.security import role_required
from qa.surveys import bp, queries, review_queries, safeguarding
from qa.surveys.forms import (
    SETTINGS_FIELDS,
    STATEMENT_LABELS,
    SettingsForm,
    StatementForm,
    TermForm,
)
from qa.surveys.models import SafeguardingTerm, Survey, SurveySettings, YouSaidWeDid


@bp.route("/settings", methods=["GET", "POST"])
@role_required("admin")
def settings():
    current = SurveySettings.current()
    form, term_form = SettingsForm(obj=current), TermForm(prefix="term")
    if "save_settings" in request.form and ready_to_save(form):
        safeguarding.save_settings(current, values(form, SETTINGS_FIELDS))
        flash("Survey settings saved", "success")
        return redirect(url_for("surveys.settings"))
    if "add_term" in request.form and ready_to_save(term_form):
        safeguarding.add_term(term_form.phrase.data)
        flash(f"‘{term_form.phrase.data}’ will be flagged in new answers", "success")
        return redirect(url_for("surveys.settings", _anchor="terms"))
    context = {"terms": queries.safeguarding_terms(), **review_queries.reviewer_settings()}
    return render("surveys/settings.html", form=form, term_form=term_form, **context)


@bp.post("/settings/terms/<int:term_id>/remove")
@role_required("admin")
def remove_term(term_id):
    term = get_object_or_404(SafeguardingTerm, SafeguardingTerm.id == term_id)
    safeguarding.remove_term(term)
    flash(f"‘{term.phrase}’ removed", "success")
    return redirect(url_for("surveys.settings", _anchor="terms"))


@bp.route("/<int:survey_id>/you-said", methods=["GET", "POST"])
@role_required("admin")
def statements(survey_id):
    survey = get_object_or_404(Survey, Survey.id == survey_id)
    form = StatementForm(data={"version": "1"} if request.method == "GET" else None)
    if ready_to_save(form):
        editing.create(
            YouSaidWeDid,
            {"survey": survey, **values(form, STATEMENT_LABELS)},
            summary=f"Added a “you said, we did” to {survey.title}",
        )
        flash("Statement added" + (" and published" if form.published.data else ""), "success")
        return redirect(url_for("surveys.statements", survey_id=survey.id))
    items = queries.statements_of(survey)
    return render("surveys/statements.html", survey=survey, statements=items, form=form)


@bp.route("/you-said/<int:statement_id>", methods=["GET", "POST"])
@role_required("admin")
def statement(statement_id):
    item = get_object_or_404(YouSaidWeDid, YouSaidWeDid.id == statement_id)
    return editing.edit_page(
        item,
        StatementForm(obj=item),
        STATEMENT_LABELS,
        "surveys/statement_form.html",
        done=url_for("surveys.statements", survey_id=item.survey_id),
        saved="Statement saved",
        item=item,
        survey=item.survey,
    )
