"""The partnership's data set: indicators, each agency's quarterly figures, England, regional and
statistical-neighbour comparators, the scorecard and the board's highlight report."""

from flask import Blueprint

from qa.capability import Capability, EvidenceSource, MenuEntry, ReportSection

bp = Blueprint("dataset", __name__, url_prefix="/data-set")

capability = Capability(
    "dataset",
    blueprints=(bp,),
    routes=(
        "qa.dataset.views",
        "qa.dataset.returns_views",
        "qa.dataset.scorecard_views",
    ),
    models="qa.dataset.models:MODELS",
    menu=(
        MenuEntry(
            "dataset.scorecard",
            "Data set",
            ("admin", "agency_lead", "subgroup"),
            ("dataset.",),
            95,
        ),
    ),
    demo="qa.dataset.demo:load",
    demo_order=95,
    reminders=("qa.dataset.reminders:messages",),
    stylesheet="dataset.css",
    action_sources={"dataset": "qa.dataset.action_source:describe"},
    evidence_sources={
        "indicator": EvidenceSource(
            "A data-set indicator",
            "qa.dataset.evidence_source:choices",
            "qa.dataset.evidence_source:describe",
            order=60,
        )
    },
    report_sections=(
        ReportSection(
            "dataset",
            "The partnership's data set",
            gather="qa.dataset.highlight:annual_section",
            page="dataset/_annual.html",
            pdf="pdf/_dataset_annual.html",
        ),
    ),
)
