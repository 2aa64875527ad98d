"""Section 11 self-assessment: returns, ratings, evidence, action plans and their scrutiny."""

from flask import Blueprint

from qa.capability import Capability, MenuEntry

bp = Blueprint("section11", __name__, url_prefix="/section11")
scrutiny_bp = Blueprint("scrutiny", __name__, url_prefix="/section11")

capability = Capability(
    "section11",
    blueprints=(bp, scrutiny_bp),
    routes=("qa.section11.views", "qa.section11.evidence", "qa.section11.scrutiny"),
    models="qa.section11.models:MODELS",
    menu=(
        MenuEntry("section11.your_return", "Your return", ("agency_lead",), ("section11.",), 20),
        MenuEntry(
            "scrutiny.overview",
            "Section 11",
            ("admin", "subgroup"),
            ("scrutiny.", "section11."),
            30,
        ),
    ),
    demo="qa.section11.demo:load",
    demo_order=40,
    stylesheet="section11.css",
    action_sources={"section11": "qa.section11.action_source:describe"},
)
