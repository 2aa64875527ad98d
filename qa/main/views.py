"""The home page each role lands on, and /healthz for monitoring."""

from flask import jsonify, render_template
from flask_login import current_user

from qa.actions.queries import due_lists
from qa.cycles.models import Cycle
from qa.db import db
from qa.main import bp
from qa.people.queries import active_counts
from qa.section11.queries import summary as section11_summary
from qa.security import public, role_required


@bp.get("/")
@role_required()
def home():
    context = {"cycle": Cycle.current()}
    if current_user.is_admin:
        context["counts"] = active_counts()
    if current_user.role == "agency_lead" and current_user.agency:
        context["section11"] = section11_summary(current_user.agency, context["cycle"])
    if current_user.is_admin or current_user.role == "agency_lead":
        context["due"] = due_lists(current_user)
    return render_template("main/home.html", **context)


@bp.get("/healthz")
@public
def healthz():
    try:
        db.execute_sql("SELECT 1").fetchone()
    except Exception:
        return jsonify(status="unavailable"), 503
    return jsonify(status="ok")
