"""Scrutiny theme pages for the QA sub-group: the list, a theme's page (its evidence, findings and
recommendations), adding and changing a theme, and the theme's report."""

from datetime import date

from flask import abort, flash, redirect, request, url_for
from flask_login import current_user

from qa import editing
from qa.cycles.models import Cycle
from qa.forms import ready_to_save
from qa.htmx import render
from qa.pdf import pdf_response, render_pdf
from qa.scrutiny import bp, queries, report, service
from qa.scrutiny.forms import DocumentForm, FindingForm, RecommendationForm, ThemeForm
from qa.security import role_required, subgroup_only

SUBGROUP = ("admin", "reviewer")  # reviewers only when on the sub-group (subgroup_only)
LABELS = {
    "title": "Title",
    "question": "Question",
    "reason": "Why it was chosen",
    "review": "Review",
    "review_theme": "Theme of learning",
    "lead": "Lead",
    "starts_on": "Starts",
    "reports_on": "Reports",
    "status": "Status",
}
RECOMMENDATION_FIELDS = ("finding", "agency", "responsible_officer", "description", "owner", "due")


def the_theme(theme_id):
    """The theme for a sub-group member, or 404."""
    subgroup_only()
    found = queries.theme(theme_id)
    if found is None:
        abort(404)
    return found


def theme_page(
    theme, finding_form=None, recommendation_form=None, document_form=None, problem=None
):
    """A theme's page: its details, evidence by kind, findings with their evidence, and the
    recommendations with their actions."""
    evidence = queries.evidence_of(theme)
    findings = queries.findings_of(theme)
    return render(
        "scrutiny/theme.html",
        **report.context(theme, evidence, findings),
        kinds=queries.kind_labels(),
        finding_form=finding_form or FindingForm(formdata=None, evidence=evidence),
        recommendation_form=recommendation_form
        or RecommendationForm(formdata=None, findings=findings),
        document_form=document_form or DocumentForm(formdata=None),
        problem=problem,
        today=date.today(),
    )


@bp.get("")
@role_required(*SUBGROUP)
def index():
    subgroup_only()
    cycle = Cycle.current()
    return render("scrutiny/index.html", cycle=cycle, themes=queries.themes(cycle))


@bp.route("/new", methods=["GET", "POST"])
@role_required(*SUBGROUP)
def new():
    subgroup_only()
    form = ThemeForm(
        data={"version": "1", "status": "planned"} if request.method == "GET" else None
    )
    if ready_to_save(form):
        theme = service.create_theme(form.data_to_save())
        flash(f"Scrutiny theme {theme.title} added", "success")
        return redirect(url_for("scrutiny_themes.show", theme_id=theme.id), 303)
    return render("scrutiny/form.html", form=form, theme=None, conflict=None)


@bp.get("/<int:theme_id>")
@role_required(*SUBGROUP)
def show(theme_id):
    return theme_page(the_theme(theme_id))


@bp.route("/<int:theme_id>/edit", methods=["GET", "POST"])
@role_required(*SUBGROUP)
def edit(theme_id):
    theme = the_theme(theme_id)
    form = ThemeForm(obj=theme)
    return editing.edit_page(
        theme,
        form,
        LABELS,
        "scrutiny/form.html",
        done=url_for("scrutiny_themes.show", theme_id=theme.id),
        saved="Scrutiny theme {obj.title} saved",
        theme=theme,
    )


@bp.post("/<int:theme_id>/findings")
@role_required(*SUBGROUP)
def add_finding(theme_id):
    theme = the_theme(theme_id)
    form = FindingForm(evidence=queries.evidence_of(theme))
    if not ready_to_save(form):
        return theme_page(theme, finding_form=form)
    service.add_finding(theme, form.text.data, form.evidence.data, current_user)
    return redirect(url_for("scrutiny_themes.show", theme_id=theme.id) + "#findings", 303)


@bp.post("/<int:theme_id>/recommendations")
@role_required(*SUBGROUP)
def add_recommendation(theme_id):
    theme = the_theme(theme_id)
    form = RecommendationForm(findings=queries.findings_of(theme))
    if not ready_to_save(form):
        return theme_page(theme, recommendation_form=form)
    data = {name: getattr(form, name).data for name in RECOMMENDATION_FIELDS}
    service.add_recommendation(theme, data, current_user)
    return redirect(url_for("scrutiny_themes.show", theme_id=theme.id) + "#recommendations", 303)


@bp.get("/<int:theme_id>/report.pdf")
@role_required(*SUBGROUP)
def report_pdf(theme_id):
    theme = the_theme(theme_id)
    data = render_pdf("pdf/scrutiny_theme.html", **report.gather(theme))
    return pdf_response(data, f"Scrutiny report {theme.title[:60]}.pdf")
