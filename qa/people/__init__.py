"""Sectors, agencies, people, and what people declare about themselves."""

from flask import Blueprint

from qa.capability import Capability, MenuEntry

bp = Blueprint("people", __name__, url_prefix="/admin")
account_bp = Blueprint("account", __name__, url_prefix="/account")

capability = Capability(
    "people",
    blueprints=(bp, account_bp),
    routes=("qa.people.views", "qa.people.account"),
    models="qa.people.models:MODELS",
    menu=(
        MenuEntry("people.agencies", "Agencies", ("admin",), ("people.agenc", "people.sector"), 50),
        MenuEntry(
            "people.people",
            "People",
            ("admin",),
            ("people.people", "people.person", "pairing_people."),
            60,
        ),
    ),
    demo="qa.people.demo:load",
    demo_order=10,
    commands=("qa.people.commands:create_admin", "qa.people.commands:reset_password"),
)
