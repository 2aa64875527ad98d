"""Surveys: the engine for children's and staff questionnaires, the child's /s/<code> journey.

And the results.
"""


def register(app):
    """Register the survey blueprints: the public /s/<code> journey and the admin pages."""
    from qa.surveys import links, reporting, respond, settings, views

    for module in (respond, views, links, reporting, settings):
        app.register_blueprint(module.bp)
