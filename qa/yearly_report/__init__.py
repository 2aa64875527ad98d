"""The partnership's yearly report (Working Together 2023): its sections as a template the admin
adjusts, each pre-filled with what qa knows, the narrative, the lead safeguarding partners'
sign-off, publication and sending, and the public PDF."""

from flask import Blueprint

from qa.capability import Capability, MenuEntry

bp = Blueprint("yearly_report", __name__, url_prefix="/yearly-report")

capability = Capability(
    "yearly_report",
    blueprints=(bp,),
    routes=("qa.yearly_report.views",),
    models="qa.yearly_report.models:MODELS",
    menu=(MenuEntry("yearly_report.page", "Yearly report", ("admin",), ("yearly_report.",), 112),),
    demo="qa.yearly_report.demo:load",
    demo_order=200,
)
