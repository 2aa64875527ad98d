"""Admin pages for the survey settings.

(safety message, how long answers are kept, safeguarding words) and "you said, we did".
"""

from flask import flash, redirect, request, url_for
from flask_login import current_user
from playhouse.flask_utils import get_object_or_404

from qa import audit, editing
from qa.db import VersionConflict, db
from qa.forms import ready_to_save, values
from qa.htmx import render
from qa.security import role_required
from qa.surveys import settings_bp as bp
from qa.surveys.forms import SettingsForm, StatementForm, TermForm
from qa.surveys.models import SafeguardingTerm, Survey, SurveySettings, YouSaidWeDid

STATEMENT_LABELS = {"you_said": "You said", "we_did": "We did", "published": "Published"}


@bp.route("/settings", methods=["GET", "POST"])
@role_required("admin")
def settings():
    current = SurveySettings.current()
    form = SettingsForm(obj=current)
    term_form = TermForm(prefix="term")
    if "save_settings" in request.form and ready_to_save(form):
        with db.atomic("IMMEDIATE"):
            if current.id is None:
                current.save()
            SurveySettings.update(
                **values(
                    form,
                    (
                        "safety_message",
                        "staff_safety_message",
                        "retention_years",
                        "mismatch_percent",
                    ),
                )
            ).where(SurveySettings.id == current.id).execute()
            audit.record(current_user, "changed", current, "Changed the survey settings")
        flash("Survey settings saved", "success")
        return redirect(url_for("survey_settings.settings"))
    if "add_term" in request.form and ready_to_save(term_form):
        if (
            not SafeguardingTerm.select()
            .where(SafeguardingTerm.phrase == term_form.phrase.data)
            .exists()
        ):
            editing.create(
                SafeguardingTerm,
                {"phrase": term_form.phrase.data},
                summary=f"Added the safeguarding phrase ‘{term_form.phrase.data}’",
            )
        flash(f"‘{term_form.phrase.data}’ will be flagged in new answers", "success")
        return redirect(url_for("survey_settings.settings", _anchor="terms"))
    terms = SafeguardingTerm.select().order_by(SafeguardingTerm.phrase)
    return render("surveys/settings.html", form=form, term_form=term_form, terms=terms)


@bp.post("/settings/terms/<int:term_id>/remove")
@role_required("admin")
def remove_term(term_id):
    term = get_object_or_404(SafeguardingTerm, SafeguardingTerm.id == term_id)
    editing.delete(term, summary=f"Removed the safeguarding phrase ‘{term.phrase}’")
    flash(f"‘{term.phrase}’ removed", "success")
    return redirect(url_for("survey_settings.settings", _anchor="terms"))


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
        return redirect(url_for("survey_settings.statements", survey_id=survey.id))
    items = list(survey.statements.order_by(YouSaidWeDid.created_at))
    return render("surveys/statements.html", survey=survey, statements=items, form=form)


@bp.route("/you-said/<int:statement_id>", methods=["GET", "POST"])
@role_required("admin")
def statement(statement_id):
    item = get_object_or_404(YouSaidWeDid, YouSaidWeDid.id == statement_id)
    form, conflict = StatementForm(obj=item), None
    if ready_to_save(form):
        try:
            editing.update(item, form.version.data, values(form, STATEMENT_LABELS))
            flash("Statement saved", "success")
            return redirect(url_for("survey_settings.statements", survey_id=item.survey_id))
        except VersionConflict as error:
            conflict = editing.conflict_rows(form, error.current, STATEMENT_LABELS)
            form.version.data = str(error.current.version)
    return render(
        "surveys/statement_form.html", form=form, item=item, survey=item.survey, conflict=conflict
    )
