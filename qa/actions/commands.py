"""The actions capability's command: reminders to the owners of overdue actions."""

import click
from flask import current_app
from flask.cli import with_appcontext

from qa.db import db


@click.command("reminders")
@with_appcontext
def reminders():
    """Email the owners of overdue actions, the leads of late data returns and the responsible
    officers of reviews' twelve-month requests (or print the emails without SMTP)."""
    from qa.actions.reminders import send
    from qa.mail import MailError

    with db.connection_context():
        try:
            send(current_app.config, echo=click.echo)
        except MailError as error:
            raise click.ClickException(str(error)) from error
