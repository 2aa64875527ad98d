"""The admin's pages for settings: importing the register (upload, preview, import) and the list
of settings."""

from flask import flash, redirect, request, url_for
from flask_login import current_user

from qa.dataset.returns import csv_upload
from qa.documents import takes_upload
from qa.htmx import render
from qa.schools import bp, importing, queries
from qa.schools.models import KINDS
from qa.security import role_required


@bp.route("/import", methods=["GET", "POST"])
@role_required("admin")
@takes_upload
def register_import():
    problem, plan, token = None, None, None
    if request.method == "POST":
        data, problem = csv_upload()
        if data is not None:
            name = request.files["file"].filename
            problem, plan, token = importing.preview(current_user, data, name)
    return render("schools/import.html", problem=problem, plan=plan, token=token, kinds=KINDS)


@bp.post("/import/apply")
@role_required("admin")
def register_apply():
    form = request.form
    try:
        plan = importing.apply(current_user, form.get("token"), form.get("fingerprint"))
    except importing.NotAsPreviewed as why:
        return render("schools/import.html", problem=str(why), plan=None, token=None, kinds=KINDS)
    flash(importing.summary(plan), "success")
    return redirect(url_for("schools.settings"), 303)


@bp.get("/settings")
@role_required("admin")
def settings():
    q = request.args.get("q", "").strip()[:100]
    page = max(1, min(request.args.get("page", 1, type=int), 10_000))
    rows, total, pages = queries.settings(q, page)
    return render(
        "schools/settings.html",
        "schools/_settings_table.html",
        rows=rows,
        total=total,
        pages=pages,
        page=page,
        q=q,
        kinds=KINDS,
        counts=queries.by_kind(),
    )
