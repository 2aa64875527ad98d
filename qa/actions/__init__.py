"""The action register: every improvement action, whatever raised it, followed to impact."""

from flask import Blueprint

from qa.capability import Capability, MenuEntry

bp = Blueprint("actions", __name__, url_prefix="/actions")

capability = Capability(
    "actions",
    blueprints=(bp,),
    routes=("qa.actions.views",),
    models="qa.actions.models:MODELS",
    menu=(
        MenuEntry(
            "actions.index", "Actions", ("admin", "agency_lead", "subgroup"), ("actions.",), 100
        ),
    ),
    demo="qa.actions.demo:load",
    demo_order=60,
    commands=("qa.actions.commands:reminders",),
    reminders=("qa.actions.reminders:messages",),
    stylesheet="actions.css",
)
