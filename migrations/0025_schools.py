# Generated from a schema diff on 2026-12-03 16:28.
from peewee import *
import datetime

def up(migrator, db):
    class Agency(Model):
        class Meta:
            database = db
            table_name = 'agency'

    class Setting(Model):
        version = IntegerField(default=1)
        agency = ForeignKeyField(Agency, unique=True, on_delete='CASCADE')
        urn = CharField(unique=True, null=True)
        kind = CharField(index=True)
        phase = CharField(index=True, default='')
        establishment_type = CharField(default='')
        local_authority = CharField(default='')
        locality = CharField(index=True, default='')
        status = CharField(index=True, default='open')
        address = CharField(default='')
        postcode = CharField(default='')
        head_name = CharField(default='')
        head_email = CharField(default='')
        chair_name = CharField(default='')
        chair_email = CharField(default='')
        imported_at = DateTimeField(default=datetime.datetime.now)
        class Meta:
            database = db
            table_name = 'setting'
    db.create_tables([Setting])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('setting'))
