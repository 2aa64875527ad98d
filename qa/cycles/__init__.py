"""Audit cycles: one a year, e.g. 2026-27."""

from flask import Blueprint

from qa.capability import Capability, MenuEntry

bp = Blueprint("cycles", __name__, url_prefix="/admin/cycles")

capability = Capability(
    "cycles",
    blueprints=(bp,),
    routes=("qa.cycles.views",),
    models="qa.cycles.models:MODELS",
    menu=(MenuEntry("cycles.index", "Cycles", ("admin",), ("cycles.",), 70),),
    demo="qa.cycles.demo:load",
    demo_order=20,
)
