"""Section 11 self-assessment: returns, ratings, evidence, action plans and their scrutiny.

With them, what each agency's own front-line staff said in the staff surveys, set beside its
self-ratings (the `voices` blueprint: voices.py reads it, mismatch.py judges it).
"""

from flask import Blueprint

from qa.capability import Capability, EvidenceSource, MenuEntry

bp = Blueprint("section11", __name__, url_prefix="/section11")
scrutiny_bp = Blueprint("scrutiny", __name__, url_prefix="/section11")
voices_bp = Blueprint("voices", __name__)

capability = Capability(
    "section11",
    blueprints=(bp, scrutiny_bp, voices_bp),
    routes=(
        "qa.section11.views",
        "qa.section11.evidence",
        "qa.section11.scrutiny",
        "qa.section11.voices_views",
    ),
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
        MenuEntry("voices.ours", "Staff survey", ("agency_lead",), ("voices.",), 90),
    ),
    demo="qa.section11.demo:load",
    demo_order=40,
    stylesheet="section11.css",
    action_sources={"section11": "qa.section11.action_source:describe"},
    evidence_sources={
        "section11_standard": EvidenceSource(
            "Section 11: a standard across agencies",
            "qa.section11.evidence_source:standard_choices",
            "qa.section11.evidence_source:describe_standards",
            order=10,
        ),
        "section11_rating": EvidenceSource(
            "Section 11: one agency's rating",
            "qa.section11.evidence_source:rating_choices",
            "qa.section11.evidence_source:describe_ratings",
            order=20,
        ),
    },
)
