# Generated from a schema diff on 2026-12-03 14:47.
from peewee import *

def up(migrator, db):
    migrator.migrate(migrator.add_column('agency', 'parent_organisation', CharField(default='')))
    migrator.migrate(migrator.add_column('user', 'min_visits', IntegerField(default=0)))


def down(migrator, db):
    migrator.migrate(migrator.drop_column('user', 'min_visits'))
    migrator.migrate(migrator.drop_column('agency', 'parent_organisation'))
