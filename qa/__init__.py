"""qa: quality assurance for a safeguarding children partnership; create_app() builds the app."""

__version__ = "1.0.0"  # CHANGELOG.md says what each version brought

from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

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
    hops = app.config.get("PROXY_COUNT", 0)
    if hops:
        # only as many X-Forwarded-* values as there are proxies we run are believed
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)

    from qa.backup import private_file

    # the database and its folder are this account's only (0600, 0700), as is what SQLite puts
    # beside it (-wal and -shm take the database's mode)
    config.private_folder(Path(app.config["DATABASE"]).parent)
    private_file(app.config["DATABASE"])
    database = make_database(app.config["DATABASE"])
    db.initialize(database)
    from qa.migrate import upgrade

    upgrade(database)
    release_all(database)  # no connection survives into a forked worker

    from flask_compress import Compress
    from flask_wtf.csrf import CSRFProtect

    from qa import capability, errors, htmx, ids, templating
    from qa.auth import login, sessions

    CSRFProtect(app)
    Compress(app)
    ids.init_app(app)
    login.init_app(app)
    sessions.init_app(app)
    errors.init_app(app)
    templating.init_app(app)

    from qa import running

    @app.before_request
    def _connect():
        running.hold(app.config["DATABASE"])  # restore refuses while this process serves it
        db.connect(reuse_if_open=True)

    @app.teardown_request
    def _close(exc):
        if not db.is_closed():
            db.close()

    from qa.security import set_security_headers

    app.after_request(set_security_headers)
    app.after_request(htmx.keep_the_page_address)

    capability.register_all(app)
    from qa.cli import register

    register(app)
    return app
