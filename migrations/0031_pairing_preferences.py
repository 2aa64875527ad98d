# Generated from a schema diff on 2026-12-03 16:39.
from peewee import *

def up(migrator, db):
    class Sector(Model):
        class Meta:
            database = db
            table_name = 'sector'

    class User(Model):
        class Meta:
            database = db
            table_name = 'user'

    class DatePreference(Model):
        user = ForeignKeyField(User, on_delete='CASCADE')
        date = DateField()
        prefers = BooleanField()
        class Meta:
            database = db
            table_name = 'date_preference'
            indexes = ((('user', 'date'), True),)
    db.create_tables([DatePreference])

    class PreferredSector(Model):
        user = ForeignKeyField(User, on_delete='CASCADE')
        sector = ForeignKeyField(Sector, on_delete='CASCADE')
        class Meta:
            database = db
            table_name = 'preferred_sector'
            indexes = ((('user', 'sector'), True),)
    db.create_tables([PreferredSector])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('preferred_sector'))
    migrator.migrate(migrator.drop_table('date_preference'))
