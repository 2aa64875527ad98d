"""The sub-group's meetings: date and time, attendance by agency and role with the quorum, an
agenda built from what is due, decisions and actions against the agenda item they concern, minutes
and a calendar invitation."""

from flask import Blueprint

from qa.capability import Capability, MenuEntry

bp = Blueprint("meetings", __name__, url_prefix="/meetings")

capability = Capability(
    "meetings",
    blueprints=(bp,),
    routes=("qa.meetings.views", "qa.meetings.agenda_views"),
    models="qa.meetings.models:MODELS",
    menu=(MenuEntry("meetings.index", "Meetings", ("admin", "subgroup"), ("meetings.",), 97),),
    demo="qa.meetings.demo:load",
    demo_order=120,
    action_sources={"meeting": "qa.meetings.action_source:describe"},
)
