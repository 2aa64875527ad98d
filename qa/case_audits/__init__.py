"""Multi-agency case audits: topics, cases, each agency's audit of a case, themes, briefings."""

from flask import Blueprint

from qa.capability import Capability, EvidenceSource, MenuEntry, ReportSection

bp = Blueprint("case_audits", __name__, url_prefix="/case-audits")

capability = Capability(
    "case_audits",
    blueprints=(bp,),
    routes=(
        "qa.case_audits.views",
        "qa.case_audits.returns_views",
        "qa.case_audits.combined_views",
        "qa.case_audits.meeting_views",
        "qa.case_audits.outputs_views",
    ),
    models="qa.case_audits.models:MODELS",
    menu=(
        MenuEntry(
            "case_audits.index",
            "Case audits",
            ("admin", "subgroup", "agency_lead", "reviewer"),  # reviewers: when named auditors
            ("case_audits.",),
            85,
        ),
    ),
    demo="qa.case_audits.demo:load",
    demo_order=90,
    stylesheet="case_audits.css",
    action_sources={"case_audit": "qa.case_audits.action_source:describe"},
    evidence_sources={
        "case_audit_theme": EvidenceSource(
            "A case audit's theme and grades",
            "qa.case_audits.evidence_source:choices",
            "qa.case_audits.evidence_source:describe",
            order=50,
        )
    },
    purge="qa.case_audits.retention:purge",
    report_sections=(
        ReportSection(
            key="case-audits",
            title="Multi-agency case audits",
            gather="qa.case_audits.annual:gather",
            page="case_audits/_annual.html",
            pdf="pdf/_annual_case_audits.html",
        ),
    ),
)
