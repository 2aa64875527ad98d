"""Schools and early years at scale: settings imported from the public register (Get Information
About Schools), their designated safeguarding leads' own accounts, section 175/157 returns signed
off by the head and noted by the chair of governors, deadlines and chasing, and verification
visits to a sample of settings."""

from flask import Blueprint

from qa.capability import Capability, MenuEntry

bp = Blueprint("schools", __name__, url_prefix="/schools")

capability = Capability(
    "schools",
    blueprints=(bp,),
    routes=(
        "qa.schools.views",
        "qa.schools.account_views",
        "qa.schools.returns_views",
        "qa.schools.signoff_views",
    ),
    models="qa.schools.models:MODELS",
    menu=(
        MenuEntry(
            "schools.settings",
            "Schools",
            ("admin",),
            (
                "schools.register",
                "schools.setting",
                "schools.requests",
                "schools.decide",
                "schools.account_rules",
            ),
            88,
        ),
        MenuEntry(
            "schools.overview",
            "Schools' returns",
            ("admin", "subgroup"),
            (
                "schools.overview",
                "schools.heatmap",
                "schools.visits",
                "schools.propose",
                "schools.extend",
                "schools.sign_off",
            ),
            35,
        ),
    ),
    demo="qa.schools.demo:load",
    demo_order=96,  # after the partner agencies' demo returns: the settings' leave theirs alone
    stylesheet="schools.css",
    sign_in_checks=("qa.schools.accounts:refusal",),
    purge="qa.schools.importing:purge",
    reminders=("qa.schools.chasing:messages",),
    return_locks=("qa.schools.deadlines:lock_reason",),
    return_changes=("qa.schools.signoff:lapse",),
    return_notes=("qa.schools.signoff:note",),
)
