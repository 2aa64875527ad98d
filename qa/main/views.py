"""The home page each role lands on, and /healthz for monitoring."""

from flask import jsonify, render_template
from flask_login import current_user

from qa.db import db
from qa.main import bp, queries
from qa.security import public, role_required


@bp.get("/")
@role_required()
def home():
    return render_template("main/home.html", **queries.home_for(current_user))


@bp.get("/healthz")
@public
def healthz():
    try:
        db.execute_sql("SELECT 1").fetchone()
    except Exception:
        return jsonify(status="unavailable"), 503
    return jsonify(status="ok")
