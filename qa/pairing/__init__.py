"""Peer-reviewer pairing: the pure engine (assignment and explanations) and the admin's pages."""

from flask import Blueprint

from qa.capability import Capability

bp = Blueprint("pairing", __name__, url_prefix="/pairing")
people_bp = Blueprint(
    "pairing_people", __name__, url_prefix="/admin/people/<int:person_id>/pairing"
)

capability = Capability(
    "pairing",
    blueprints=(bp, people_bp),
    routes=("qa.pairing.views", "qa.pairing.people_views"),
    models="qa.pairing.models:MODELS",
    demo="qa.pairing.demo:load",
    demo_order=70,
    stylesheet="pairing.css",
)
