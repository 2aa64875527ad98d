# Generated from a schema diff on 2026-12-03 10:53.
from peewee import *

def up(migrator, db):
    migrator.migrate(migrator.add_column('response', 'paper', BooleanField(default=False)))


def down(migrator, db):
    migrator.migrate(migrator.drop_column('response', 'paper'))
