"""Learning from reviews: rapid reviews and practice reviews, their themes and recommendations, the
actions agreed from them, the twelve-month request for evidence of impact, dip samples and the
quarterly review theme report."""

from flask import Blueprint

from qa.capability import Capability, EvidenceSource, MenuEntry, ReportSection

bp = Blueprint("reviews", __name__, url_prefix="/reviews")

capability = Capability(
    "reviews",
    blueprints=(bp,),
    routes=(
        "qa.reviews.views",
        "qa.reviews.themes_views",
        "qa.reviews.assurance_views",
        "qa.reviews.report_views",
    ),
    models="qa.reviews.models:MODELS",
    menu=(MenuEntry("reviews.index", "Reviews", ("admin", "subgroup"), ("reviews.",), 95),),
    demo="qa.reviews.demo:load",
    demo_order=70,
    action_sources={"review": "qa.reviews.action_source:describe"},
    evidence_sources={
        "review_action": EvidenceSource(
            "A review's action",
            "qa.reviews.evidence_source:choices",
            "qa.reviews.evidence_source:describe",
            order=70,
        )
    },
    reminders=("qa.reviews.requests:messages",),
    report_sections=(
        ReportSection(
            "reviews",
            "Learning from reviews",
            "qa.reviews.annual:gather",
            "reviews/_annual.html",
            "pdf/_annual_reviews.html",
            order=110,
        ),
    ),
)
