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
    models="qa.schools.models:MODELS",
    routes=("qa.schools.views", "qa.schools.signoff_views"),
    menu=(MenuEntry("schools.overview", "Schools", ("admin", "subgroup"), ("schools.",), 35),),
    demo="qa.schools.demo:load",
    demo_order=120,
    stylesheet="schools.css",
    reminders=("qa.schools.chasing:messages",),
    return_locks=("qa.schools.deadlines:lock_reason",),
    return_changes=("qa.schools.signoff:lapse",),
    return_notes=("qa.schools.signoff:note",),
)
