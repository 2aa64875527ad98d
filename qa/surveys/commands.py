"""The surveys capability's command: purge, the scheduled clean-up of old survey responses."""

import click
from flask.cli import with_appcontext

from qa.db import db


@click.command("purge")
@with_appcontext
def purge():
    """Delete survey responses older than the retention period, and abandoned survey drafts."""
    from qa.surveys.retention import purge as purge_surveys

    with db.connection_context():
        done = purge_surveys()
    click.echo(
        f"Deleted {done['responses']} survey responses from before "
        f"{done['before']:%-d %B %Y} and {done['drafts']} abandoned drafts."
    )
