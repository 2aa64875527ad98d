# Generated from a schema diff on 2026-12-03 10:48.
from peewee import *


def up(migrator, db):
    migrator.migrate(migrator.add_column("question", "scale", CharField(default="")))


def down(migrator, db):
    migrator.migrate(migrator.drop_column("question", "scale"))
