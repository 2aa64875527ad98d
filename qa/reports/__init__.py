"""Reports: the documents built for the board."""

from flask import Blueprint

from qa.capability import Capability, MenuEntry

bp = Blueprint("reports", __name__, url_prefix="/reports")

capability = Capability(
    "reports",
    blueprints=(bp,),
    routes=("qa.reports.views",),
    models="qa.reports.models:MODELS",
    menu=(MenuEntry("reports.annual_page", "Board report", ("admin",), ("reports.",), 110),),
)
