"""Surveys: children's and staff questionnaires, the public /s/<code> journey, and the results."""

from flask import Blueprint

from qa.capability import Capability, MenuEntry

bp = Blueprint("surveys", __name__, url_prefix="/admin/surveys")
links_bp = Blueprint("survey_links", __name__, url_prefix="/admin/surveys")
results_bp = Blueprint("survey_results", __name__, url_prefix="/admin/surveys")
settings_bp = Blueprint("survey_settings", __name__, url_prefix="/admin/surveys")
respond_bp = Blueprint("respond", __name__)

capability = Capability(
    "surveys",
    blueprints=(respond_bp, bp, links_bp, results_bp, settings_bp),
    routes=(
        "qa.surveys.respond",
        "qa.surveys.respond_staff",
        "qa.surveys.views",
        "qa.surveys.links",
        "qa.surveys.reporting",
        "qa.surveys.settings",
    ),
    models="qa.surveys.models:MODELS",
    menu=(
        MenuEntry(
            "surveys.index",
            "Surveys",
            ("admin", "subgroup"),
            ("surveys.", "survey_links.", "survey_results.", "survey_settings."),
            80,
        ),
    ),
    demo="qa.surveys.demo:load",
    demo_order=30,
    commands=("qa.surveys.commands:purge",),
    stylesheet="surveys/admin.css",
    action_sources={"survey": "qa.surveys.action_source:describe"},
)


def register(app):
    """Register the survey blueprints: the public /s/<code> journey and the admin pages."""
    from qa.surveys import links, reporting, respond, settings, views

    for module in (respond, views, links, reporting, settings):
        app.register_blueprint(module.bp)
