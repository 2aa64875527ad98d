# Generated from a schema diff on 2026-12-03 10:12.
from peewee import *

def up(migrator, db):
    class User(Model):
        class Meta:
            database = db
            table_name = 'user'

    class PartnershipSettings(Model):
        version = IntegerField(default=1)
        name = CharField()
        header_text = CharField(default='')
        contact_email = CharField(default='')
        contact_phone = CharField(default='')
        time_zone = CharField(default='Europe/London')
        updated_at = DateTimeField(null=True)
        updated_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        class Meta:
            database = db
            table_name = 'partnership_settings'
    db.create_tables([PartnershipSettings])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('partnership_settings'))
