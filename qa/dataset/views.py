"""Admin pages for the data set's indicators, the starter set and the localities."""

from flask import flash, redirect, request, url_for
from flask_login import current_user
from playhouse.flask_utils import get_object_or_404

from qa import editing
from qa.dataset import bp, charts, queries, rules, service
from qa.dataset.forms import IndicatorForm, LocalitiesForm
from qa.dataset.models import Indicator
from qa.forms import ready_to_save, values
from qa.htmx import render
from qa.security import role_required

LABELS = {
    "name": "Name",
    "code": "Code",
    "definition": "Definition",
    "unit": "Unit",
    "polarity": "Which way is better",
    "agency": "Supplying agency",
    "sector": "Supplying sector",
    "frequency": "How often",
    "target": "Target",
    "tolerance": "Tolerance",
    "cohort": "Cohort or vulnerable group",
    "standard": "Standard or audit topic",
    "by_locality": "Broken down by locality",
    "active": "Still collected",
}


def _code_taken(form, indicator_id=None):
    taken = Indicator.select().where(
        Indicator.code == form.code.data, Indicator.id != (indicator_id or 0)
    )
    if taken.exists():
        form.code.errors = list(form.code.errors) + ["Another indicator has this code"]
        return True
    return False


@bp.get("/indicators")
@role_required("admin")
def indicators():
    return render(
        "dataset/indicators.html",
        indicators=queries.indicators(),
        localities=queries.localities(),
        supplier=queries.supplier_name,
    )


@bp.post("/indicators/starter")
@role_required("admin")
def adopt_starter():
    added = service.adopt_starter(current_user)
    flash(
        f"Added {added} starter indicators"
        if added
        else "You already have every starter indicator",
        "success",
    )
    return redirect(url_for("dataset.indicators"), 303)


@bp.route("/indicators/new", methods=["GET", "POST"])
@role_required("admin")
def indicator_new():
    form = IndicatorForm(data={"version": "1"} if request.method == "GET" else None)
    if ready_to_save(form) and not _code_taken(form):
        indicator = editing.create(Indicator, values(form, LABELS))
        flash(f"Indicator {indicator.name} added", "success")
        return redirect(url_for("dataset.indicators"), 303)
    return render("dataset/indicator_form.html", form=form, indicator=None, conflict=None)


@bp.route("/indicators/<int:indicator_id>/edit", methods=["GET", "POST"])
@role_required("admin")
def indicator_edit(indicator_id):
    indicator = get_object_or_404(Indicator, Indicator.id == indicator_id)
    return editing.edit_page(
        indicator,
        IndicatorForm(obj=indicator),
        LABELS,
        "dataset/indicator_form.html",
        done=url_for("dataset.indicators"),
        saved="Indicator {obj.name} saved",
        save=_save,
        indicator=indicator,
    )


def _save(indicator, form):
    if _code_taken(form, indicator.id):
        return None
    return editing.save_form(indicator, form, LABELS)


@bp.route("/localities", methods=["GET", "POST"])
@role_required("admin")
def localities():
    places = queries.localities()
    form = LocalitiesForm(data={"names": "\n".join(p.name for p in places)})
    if ready_to_save(form):
        service.set_localities(current_user, form.names_list())
        flash("Localities saved", "success")
        return redirect(url_for("dataset.indicators"), 303)
    return render("dataset/localities.html", form=form)


bp.add_app_template_filter(rules.shown, "dataset_figure")
bp.add_app_template_filter(rules.period_label, "period_label")
bp.add_app_template_filter(rules.short_label, "period_short")
bp.add_app_template_filter(rules.due_date, "due_date")
bp.add_app_template_filter(charts.data_uri, "chart_uri")
