"""Challenge events: choose agencies, schedule visits, record findings, report to the board."""

from flask import Blueprint

from qa.capability import Capability, EvidenceSource, MenuEntry

bp = Blueprint("challenge", __name__, url_prefix="/challenge")

capability = Capability(
    "challenge",
    blueprints=(bp,),
    routes=(
        "qa.challenge.views",
        "qa.challenge.findings_views",
        "qa.challenge.report_views",
        "qa.challenge.schedule_views",
        "qa.challenge.selection_views",
    ),
    models="qa.challenge.models:MODELS",
    menu=(
        MenuEntry(
            "challenge.home",
            "Challenge events",
            ("admin", "reviewer", "agency_lead"),
            ("challenge.", "pairing."),
            40,
        ),
    ),
    demo="qa.challenge.demo:load",
    demo_order=50,
    stylesheet="challenge.css",
    action_sources={"challenge": "qa.challenge.action_source:describe"},
    evidence_sources={
        "challenge_finding": EvidenceSource(
            "A challenge event's finding",
            "qa.challenge.evidence_source:choices",
            "qa.challenge.evidence_source:describe",
            order=30,
        )
    },
)
