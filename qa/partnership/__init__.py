"""The partnership itself: its name, header text, contact details and time zone."""

from flask import Blueprint

from qa.capability import Capability, MenuEntry

bp = Blueprint("partnership", __name__, url_prefix="/admin/settings")

capability = Capability(
    "partnership",
    blueprints=(bp,),
    routes=("qa.partnership.views",),
    models="qa.partnership.models:MODELS",
    menu=(MenuEntry("partnership.settings", "Settings", ("admin",), ("partnership.",), 140),),
    demo="qa.partnership.demo:load",
    demo_order=5,
)
