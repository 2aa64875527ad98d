"""The sub-group's work plan for a reporting year: items with owner, due quarter, status and the
board priority each serves, their progress drawn from what qa holds, and the quarterly progress
report to the board with the chair's commentary."""

from flask import Blueprint

from qa.capability import Capability, MenuEntry

bp = Blueprint("workplan", __name__, url_prefix="/work-plan")

capability = Capability(
    "workplan",
    blueprints=(bp,),
    routes=("qa.workplan.views", "qa.workplan.report_views"),
    models="qa.workplan.models:MODELS",
    menu=(MenuEntry("workplan.index", "Work plan", ("admin", "subgroup"), ("workplan.",), 96),),
    demo="qa.workplan.demo:load",
    demo_order=115,  # after scrutiny themes (110), which its items link to
)
