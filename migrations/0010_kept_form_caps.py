"""Caps on kept forms: the browser and (hashed) address each was kept for, and when, to purge."""
from peewee import *

def up(migrator, db):
    migrator.migrate(migrator.add_column('kept_form', 'browser', CharField(index=True, default='')))
    migrator.migrate(migrator.add_column('kept_form', 'address', CharField(index=True, default='')))
    migrator.migrate(migrator.add_index('kept_form', ('at',)))


def down(migrator, db):
    migrator.migrate(migrator.drop_index('kept_form', 'kept_form_browser'))
    migrator.migrate(migrator.drop_index('kept_form', 'kept_form_at'))
    migrator.migrate(migrator.drop_index('kept_form', 'kept_form_address'))
    migrator.migrate(migrator.drop_column('kept_form', 'address'))
    migrator.migrate(migrator.drop_column('kept_form', 'browser'))
