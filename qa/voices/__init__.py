"""Voices: what front-line staff said, set beside each agency's Section 11 self-ratings."""

from flask import Blueprint

from qa.capability import Capability, MenuEntry

bp = Blueprint("voices", __name__)

capability = Capability(
    "voices",
    blueprints=(bp,),
    routes=("qa.voices.views",),
    menu=(MenuEntry("voices.ours", "Staff survey", ("agency_lead",), ("voices.",), 90),),
    demo="qa.voices.demo:load",
    demo_order=80,
)
