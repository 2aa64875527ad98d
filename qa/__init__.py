"""qa: quality assurance for a safeguarding children partnership.

Create_app() builds the Flask app.
"""

from pathlib import Path

from flask import Flask

from qa import config
from qa.db import db, make_database, release_all


def create_app(test_config=None):
    app = Flask(
        __name__,
        template_folder="../templates",
        static_folder="../static",
        instance_relative_config=False,
    )
    app.config.update(config.from_environment())
    if test_config:
        app.config.update(test_config)

    Path(app.config["DATABASE"]).parent.mkdir(parents=True, exist_ok=True)
    database = make_database(app.config["DATABASE"])
    db.initialize(database)
    from qa.migrate import upgrade

    upgrade(database)
    release_all(database)  # no connection survives into a forked worker

    from flask_wtf.csrf import CSRFProtect

    from qa import errors, sessions, templating
    from qa.auth import login

    CSRFProtect(app)
    login.init_app(app)
    sessions.init_app(app)
    errors.init_app(app)
    templating.init_app(app)

    @app.before_request
    def _connect():
        db.connect(reuse_if_open=True)

    @app.teardown_request
    def _close(exc):
        if not db.is_closed():
            db.close()

    from qa.security import set_security_headers

    app.after_request(set_security_headers)

    from qa.audit.views import bp as audit_bp
    from qa.auth.views import bp as auth_bp
    from qa.cycles.views import bp as cycles_bp
    from qa.frameworks.views import bp as frameworks_bp
    from qa.main.views import bp as main_bp
    from qa.people.account import bp as account_bp
    from qa.people.views import bp as people_bp
    from qa.section11.scrutiny import bp as scrutiny_bp
    from qa.section11.views import bp as section11_bp

    for blueprint in (
        main_bp,
        auth_bp,
        people_bp,
        account_bp,
        frameworks_bp,
        cycles_bp,
        audit_bp,
        section11_bp,
        scrutiny_bp,
    ):
        app.register_blueprint(blueprint)
    from qa.challenge.views import bp as challenge_bp
    from qa.pairing.people_views import bp as pairing_people_bp
    from qa.pairing.views import bp as pairing_bp

    for blueprint in (challenge_bp, pairing_bp, pairing_people_bp):
        app.register_blueprint(blueprint)

    from qa.surveys import register as register_surveys

    register_surveys(app)
    from qa.voices.views import bp as voices_bp

    app.register_blueprint(voices_bp)

    from qa.actions.views import bp as actions_bp
    from qa.reports.views import bp as reports_bp

    app.register_blueprint(actions_bp)
    app.register_blueprint(reports_bp)

    from qa.cli import register

    register(app)
    return app
