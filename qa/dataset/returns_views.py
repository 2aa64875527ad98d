"""Agencies' data returns: the lead's page for a quarter, the admin's CSV uploads of figures and
comparators, and the list of returns still to come."""

from datetime import date

from flask import flash, redirect, request, url_for
from flask_login import current_user

from qa.dataset import bp, csvfiles, entry, queries, returns, rules, service
from qa.dataset.forms import ComparatorForm
from qa.dataset.models import AREAS
from qa.documents import takes_upload
from qa.forms import ready_to_save
from qa.htmx import render
from qa.security import role_required


def _return_page(period, rows, errors=(), posted=None, endpoint="dataset.your_return"):
    return render(
        "dataset/return.html",
        period=period,
        rows=rows,
        errors=errors,
        wrong=dict(reversed(errors)),
        posted=posted,
        periods=rules.recent(rules.last_closed(date.today()), returns.OPEN_QUARTERS),
        endpoint=endpoint,
        slot_name=entry.slot_name,
        seen_name=entry.seen_name,
    )


def _send(agency, endpoint):
    """The return page of `agency` (every indicator, for None) for the quarter asked: shown, or
    sent and saved, or shown again with what is wrong."""
    period = returns.period_asked(request.values.get("period"))
    if request.method == "GET":
        return _return_page(period, queries.return_page(agency, period), endpoint=endpoint)
    errors, rows = returns.send(current_user, agency, period, request.form)
    if errors:
        return _return_page(period, rows, errors, request.form, endpoint)
    flash(f"Figures for {rules.period_label(period)} saved", "success")
    return redirect(url_for(endpoint, period=period), 303)


@bp.route("/return", methods=["GET", "POST"])
@role_required("agency_lead")
def your_return():
    return _send(current_user.agency, "dataset.your_return")


@bp.route("/figures", methods=["GET", "POST"])
@role_required("admin")
def figures():
    return _send(None, "dataset.figures")


def _upload_page(importer, noun, template, **context):
    """A CSV upload's round trip: the page; on a post, every row checked and either all imported
    (then back to the page, saying how many) or the problems listed by line, nothing kept."""
    errors, written = [], None
    if request.method == "POST":
        data, problem = returns.csv_upload()
        errors, written = ([problem], None) if problem else importer(current_user, data)
    if written:
        flash(f"Imported {written} {noun}", "success")
        return redirect(request.path, 303)
    return render(template, errors=errors, **context)


@bp.route("/upload", methods=["GET", "POST"])
@role_required("admin")
@takes_upload
def upload():
    return _upload_page(
        returns.import_figures, "figures", "dataset/upload.html", columns=csvfiles.FIGURE_COLUMNS
    )


@bp.route("/comparators", methods=["GET", "POST"])
@role_required("admin")
@takes_upload
def comparators():
    form = ComparatorForm(formdata=None)
    return _upload_page(
        returns.import_comparators,
        "comparators",
        "dataset/comparators.html",
        form=form,
        areas=AREAS,
    )


@bp.post("/comparators/one")
@role_required("admin")
def comparator_add():
    form = ComparatorForm()
    if ready_to_save(form):
        service.save_comparators(current_user, [form.row()], "Entered a comparator by hand")
        flash("Comparator saved", "success")
        return redirect(url_for("dataset.comparators"), 303)
    return render("dataset/comparators.html", errors=[], form=form, areas=AREAS)


@bp.get("/returns")
@role_required("admin")
def returns_status():
    today = date.today()
    return render("dataset/returns.html", owing=queries.returns_status(today), today=today)
