"""The people capability's command: create-admin, the first real admin of an install."""

import getpass

import click
from flask.cli import with_appcontext

from qa.db import db


@click.command("create-admin")
@click.argument("email")
@click.option("--name", default="Partnership administrator")
@with_appcontext
def create_admin(email, name):
    """Create an admin account (asks for the password)."""
    from qa.people.admin import create_admin as make

    password = getpass.getpass("Password (at least 12 characters): ")
    with db.connection_context():
        try:
            make(email, name, password)
        except ValueError as error:
            raise click.ClickException(str(error)) from error
    click.echo(f"Admin {email} created.")
