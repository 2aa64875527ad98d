"""Scrutiny themes: a question the QA sub-group asks, answered by triangulating the evidence qa
already holds (each capability's `evidence_sources`) and outside documents, into findings that
cite their evidence, recommendations that become actions, and a report."""

from flask import Blueprint

from qa.capability import Capability, MenuEntry

# "scrutiny" is taken: Section 11's sub-group pages are the `scrutiny` blueprint.
bp = Blueprint("scrutiny_themes", __name__, url_prefix="/scrutiny")

capability = Capability(
    "scrutiny",
    blueprints=(bp,),
    routes=("qa.scrutiny.views", "qa.scrutiny.evidence_views"),
    models="qa.scrutiny.models:MODELS",
    menu=(
        MenuEntry(
            "scrutiny_themes.index", "Scrutiny", ("admin", "subgroup"), ("scrutiny_themes.",), 97
        ),
    ),
    demo="qa.scrutiny.demo:load",
    demo_order=110,
    action_sources={"scrutiny": "qa.scrutiny.action_source:describe"},
)
