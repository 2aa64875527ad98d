"""Surveys: children's and staff questionnaires, the public /s/<code> journey, and the results."""

from flask import Blueprint

from qa.capability import Capability, EvidenceSource, MenuEntry

# The admin pages, all under /admin/surveys: building (views), links (links), results (reporting)
# and settings (settings).
bp = Blueprint("surveys", __name__, url_prefix="/admin/surveys")
# The public journey a child or practitioner takes at /s/<code>.
respond_bp = Blueprint("respond", __name__)

capability = Capability(
    "surveys",
    blueprints=(respond_bp, bp),
    routes=(
        "qa.surveys.respond",
        "qa.surveys.respond_staff",
        "qa.surveys.views",
        "qa.surveys.links",
        "qa.surveys.reporting",
        "qa.surveys.settings",
        "qa.surveys.translation_views",
        "qa.surveys.review_views",
    ),
    models="qa.surveys.models:MODELS",
    menu=(MenuEntry("surveys.index", "Surveys", ("admin", "subgroup"), ("surveys.",), 80),),
    demo="qa.surveys.demo:load",
    # After Section 11 and challenge, just before the actions: the actions raised by "you said,
    # we did" take the same place in the register as when the actions demo made them.
    demo_order=55,
    purge="qa.surveys.retention:scheduled_purge",
    stylesheet="surveys/admin.css",
    startup=("qa.surveys.readability:warm_up", "qa.surveys.disclosure:warm_up"),
    action_sources={"survey": "qa.surveys.action_source:describe"},
    evidence_sources={
        "survey_question": EvidenceSource(
            "Survey results (children's or staff)",
            "qa.surveys.evidence_source:choices",
            "qa.surveys.evidence_source:describe",
            order=40,
        )
    },
)
