"""Frameworks of standards: Section 11 and the shorter schools version."""

from flask import Blueprint

from qa.capability import Capability, MenuEntry

bp = Blueprint("frameworks", __name__, url_prefix="/admin/frameworks")

capability = Capability(
    "frameworks",
    blueprints=(bp,),
    routes=("qa.frameworks.views",),
    models="qa.frameworks.models:MODELS",
    menu=(MenuEntry("frameworks.index", "Frameworks", ("admin",), ("frameworks.",), 120),),
)
