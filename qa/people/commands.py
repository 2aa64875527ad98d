"""The people capability's commands: create-admin, the first real admin of an install, and
reset-password, for someone locked out."""

import click
from flask.cli import with_appcontext

from qa.db import db

PROMPT = "Password (at least 12 characters)"


def _new_password():
    """Asked twice, hidden; a mismatch asks again."""
    return click.prompt(
        PROMPT,
        hide_input=True,
        confirmation_prompt="Type the password again",
    )


@click.command("create-admin")
@click.argument("email")
@click.option("--name", default="Partnership administrator")
@with_appcontext
def create_admin(email, name):
    """Create an admin account (asks for the password twice)."""
    from qa.people.admin import create_admin as make

    password = _new_password()
    with db.connection_context():
        try:
            make(email, name, password)
        except ValueError as error:
            raise click.ClickException(str(error)) from error
    click.echo(f"Admin {email} created.")


@click.command("reset-password")
@click.argument("email")
@with_appcontext
def reset_password(email):
    """Set a new password for EMAIL (asked twice), sign them out everywhere and lift any sign-in
    refusal; recorded in the audit trail."""
    from qa.people.admin import reset_password as reset

    password = _new_password()
    with db.connection_context():
        try:
            person = reset(email, password)
        except ValueError as error:
            raise click.ClickException(str(error)) from error
    click.echo(f"New password set for {person.email}; their other sessions are signed out.")
    if not person.active:
        click.echo(
            "This account is deactivated: an admin must reactivate it before it can sign in."
        )
