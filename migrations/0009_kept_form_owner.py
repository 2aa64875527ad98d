"""Who a kept form belongs to, so it is only ever offered back to the person who typed it."""
from peewee import *

def up(migrator, db):
    class User(Model):
        class Meta:
            database = db
            table_name = 'user'

    migrator.migrate(migrator.add_column('kept_form', 'owner_id', ForeignKeyField(User, field=User.id, null=True, on_delete='CASCADE')))


def down(migrator, db):
    migrator.migrate(migrator.drop_index('kept_form', 'kept_form_owner_id'))
    migrator.migrate(migrator.drop_column('kept_form', 'owner_id'))
