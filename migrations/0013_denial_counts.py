"""How many refusals a "denied" line stands for: repeated refusals within a minute share one line."""

from peewee import *


def up(migrator, db):
    migrator.migrate(migrator.add_column("audit_event", "times", IntegerField(default=1)))


def down(migrator, db):
    migrator.migrate(migrator.drop_column("audit_event", "times"))
