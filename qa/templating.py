"""What every template can see: the partnership's name, the menu for this person, filters."""

from flask import request, url_for
from flask_login import current_user

# (endpoint, label, roles, blueprint prefixes that mark it current)
# (endpoint, label, who sees it: roles, or "subgroup" for reviewers on the QA sub-group, the current
# page's prefixes)
MENU = [
    ("main.home", "Home", ("admin", "reviewer", "agency_lead"), ("main.",)),
    ("section11.your_return", "Your return", ("agency_lead",), ("section11.",)),
    ("scrutiny.overview", "Section 11", ("admin", "subgroup"), ("scrutiny.", "section11.")),
    (
        "challenge.home",
        "Challenge events",
        ("admin", "reviewer", "agency_lead"),
        ("challenge.", "pairing."),
    ),
    ("people.agencies", "Agencies", ("admin",), ("people.agenc", "people.sector")),
    ("people.people", "People", ("admin",), ("people.people", "people.person", "pairing_people.")),
    ("cycles.index", "Cycles", ("admin",), ("cycles.",)),
    (
        "surveys.index",
        "Surveys",
        ("admin", "subgroup"),
        ("surveys.", "survey_links.", "survey_results.", "survey_settings."),
    ),
    ("voices.ours", "Staff survey", ("agency_lead",), ("voices.",)),
    ("actions.index", "Actions", ("admin", "agency_lead", "subgroup"), ("actions.",)),
    ("reports.annual_page", "Board report", ("admin",), ("reports.",)),
    ("frameworks.index", "Frameworks", ("admin",), ("frameworks.",)),
    ("audit.index", "Audit trail", ("admin",), ("audit.",)),
]


def navigation():
    if not current_user.is_authenticated:
        return []
    endpoint = request.endpoint or ""
    return [
        {"href": url_for(target), "text": label, "current": endpoint.startswith(prefixes)}
        for target, label, roles, prefixes in MENU
        if current_user.role in roles or ("subgroup" in roles and current_user.on_subgroup)
    ]


def init_app(app):
    @app.context_processor
    def _globals():
        return {
            "partnership_name": app.config["PARTNERSHIP_NAME"],
            "navigation": navigation(),
            "idle_seconds": int(app.config["IDLE_TIMEOUT"].total_seconds()),
            "warning_seconds": int(app.config["IDLE_WARNING"].total_seconds()),
        }

    @app.template_filter("date")
    def _date(value, fmt="%-d %B %Y"):
        return value.strftime(fmt) if value else ""

    @app.template_filter("datetime")
    def _datetime(value):
        return value.strftime("%-d %B %Y at %H:%M") if value else ""
