# Generated from a schema diff on 2026-12-03 14:01.
from peewee import *

def up(migrator, db):
    migrator.migrate(migrator.add_column('agency', 'parent_organisation', CharField(default='')))


def down(migrator, db):
    migrator.migrate(migrator.drop_column('agency', 'parent_organisation'))
