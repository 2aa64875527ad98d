"""Home pages for each role, and the health check."""

from flask import Blueprint

from qa.capability import Capability, MenuEntry

bp = Blueprint("main", __name__)

capability = Capability(
    "main",
    blueprints=(bp,),
    routes=("qa.main.views",),
    menu=(MenuEntry("main.home", "Home", ("admin", "reviewer", "agency_lead"), ("main.",), 10),),
)
