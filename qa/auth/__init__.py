"""Signing in and out, throttling, idle timeout, and keeping what was typed when a session ends."""

from flask import Blueprint

from qa.capability import Capability

bp = Blueprint("auth", __name__)
sessions_bp = Blueprint("sessions", __name__)

capability = Capability(
    "auth",
    blueprints=(bp, sessions_bp),
    routes=("qa.auth.views", "qa.auth.sessions"),
    models="qa.auth.models:MODELS",
    purge="qa.auth.login:purge_kept_forms",
)
