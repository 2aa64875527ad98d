"""The core's commands: init, demo, backup, restore, settings, send-test-email, makemigration,
purge (capabilities add their own)."""

from pathlib import Path

import click

from qa.db import db, release_all


def register(app):
    @app.cli.command("init")
    def init():
        """Create or upgrade the database schema."""
        from qa.migrate import upgrade

        applied = upgrade(db.obj)
        click.echo(
            f"Database ready at {app.config['DATABASE']}: schema up to date"
            + (f" ({len(applied)} migrations applied)" if applied else "")
            + "."
        )

    @app.cli.command("demo")
    @click.option(
        "--if-empty",
        is_flag=True,
        help="Load it only into a database with no people yet (make run); otherwise say so.",
    )
    def demo(if_empty):
        """Load the demo partnership (safe to run again) and print the demo sign-ins. With
        --if-empty they are also kept, 0600, in the instance folder's demo-logins.txt."""
        from qa.demo import load, saved_logins
        from qa.people.models import User

        saved = Path(app.config["INSTANCE"]) / "demo-logins.txt"
        with db.connection_context():
            people = User.select().count()
            if if_empty and people:
                click.echo(saved_logins(saved, app.config["DATABASE"], people))
                return
            logins, password = load(app.config.get("DEMO_PASSWORD"))
        lines = [f"Demo partnership ready. Password for every demo sign-in: {password}"]
        lines += [f"  {role:<21} {agency:<46} {email}" for role, agency, email in logins]
        click.echo("\n".join(lines))
        if if_empty:
            from qa.backup import private_file

            private_file(saved).write_text(
                f"Database: {app.config['DATABASE']}\n" + "\n".join(lines)
            )

    @app.cli.command("backup")
    @click.argument("path")
    @click.option("--force", is_flag=True, help="Replace the file at PATH if there is one.")
    def backup(path, force):
        """Copy the whole database with SQLite's online backup API (safe while qa runs), then check
        the copy. The copy is 0600; a missing folder is made (0700)."""
        from qa.backup import BackupError, backup_to

        try:
            result = backup_to(app.config["DATABASE"], path, force=force, echo=click.echo)
        except BackupError as error:
            raise click.ClickException(str(error)) from None
        if result != "ok":
            raise click.ClickException(f"The backup at {path} failed its integrity check: {result}")
        click.echo(f"Backed up to {path}; integrity check: ok")

    @app.cli.command("restore")
    @click.argument("path")
    def restore(path):
        """Put the backup at PATH back as the database. Checks the backup first and refuses while
        qa is running; the database as it was is kept beside it."""
        from qa.backup import BackupError, restore_from
        from qa.running import Running

        release_all(db.obj)
        try:
            restore_from(path, app.config["DATABASE"], echo=click.echo)
        except Running:
            raise click.ClickException(
                "qa is running on this database: stop it first (sudo systemctl stop qa, or "
                "Ctrl-C where make run or make serve is running), then restore again. "
                "Nothing was changed."
            ) from None
        except BackupError as error:
            raise click.ClickException(str(error)) from None
        click.echo(
            "Start qa again (sudo systemctl start qa, or make serve); it upgrades an older "
            "backup's schema as it starts."
        )

    @app.cli.command("version")
    def version():
        """Print qa's version (CHANGELOG.md says what each brought)."""
        from qa import __version__

        click.echo(f"qa {__version__}")

    @app.cli.command("settings")
    @click.option("--get", "name", help="Print only this setting's value (e.g. QA_BIND).")
    def settings(name):
        """Print every setting in force and where it came from (default, file or env); secrets are
        masked."""
        from qa.config import BY_NAME, effective, settings_file

        if name:
            if name not in BY_NAME or BY_NAME[name].secret:
                raise click.ClickException(f"{name} is not a setting that can be printed")
            click.echo(effective()[name][0] or "")
            return
        path = settings_file()
        click.echo(f"Settings file: {path}" + ("" if path.exists() else " (none)"))
        for name, (value, source) in effective().items():
            if name == "QA_SECRET_KEY" and value is None:
                shown = "(generated, kept in the instance folder's secret_key)"
            elif value is None:
                shown = "(not set)"
            elif BY_NAME[name].secret:
                shown = "******** (set)"
            else:
                shown = value
            click.echo(f"{name:<30} {shown:<46} {source}")

    @app.cli.command("send-test-email")
    @click.argument("address")
    def send_test_email(address):
        """Send one email to ADDRESS by the SMTP settings, to check them."""
        from qa import mail

        if not mail.configured(app.config):
            raise click.ClickException("No mail server is set: set QA_SMTP_HOST (smtp_host).")
        body = (
            f"This is a test email from qa ({app.config['PARTNERSHIP_NAME']}). It came through "
            f"{app.config['SMTP_HOST']}:{app.config['SMTP_PORT']} "
            f"({app.config['SMTP_SECURITY']}), so reminders will reach people the same way."
        )
        test = mail.message(app.config, address, "qa: test email", body)
        try:
            mail.send_all(app.config, [test], echo=click.echo)
        except mail.MailError as error:
            raise click.ClickException(str(error)) from error

    @app.cli.command("makemigration")
    @click.argument("name")
    def makemigration(name):
        """Write the next numbered migration from the difference between models and schema."""
        from qa.migrate import new_migration

        path = new_migration(db.obj, name)
        click.echo(path or "No changes: the schema matches the models.")

    @app.cli.command("purge")
    def purge():
        """The scheduled clean-up: every capability's purge (old survey responses, abandoned survey
        drafts, expired kept forms), each saying what it deleted."""
        from qa.capability import purges

        with db.connection_context():
            for run in purges():
                click.echo(run())
