"""Pairing: people never to pair, visitors pinned while planning, and who assigned each visitor."""
from peewee import *
import datetime

def up(migrator, db):
    class ChallengeEvent(Model):
        class Meta:
            database = db
            table_name = 'challenge_event'

    class User(Model):
        class Meta:
            database = db
            table_name = 'user'

    class NeverPair(Model):
        user_a = ForeignKeyField(User, on_delete='CASCADE')
        user_b = ForeignKeyField(User, on_delete='CASCADE')
        reason = TextField()
        created_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        created_at = DateTimeField(default=datetime.datetime.now)
        class Meta:
            database = db
            table_name = 'never_pair'
            indexes = ((('user_a', 'user_b'), True),)
    db.create_tables([NeverPair])

    class PairingPin(Model):
        event = ForeignKeyField(ChallengeEvent, on_delete='CASCADE')
        role = CharField()
        user = ForeignKeyField(User, on_delete='CASCADE')
        reason = TextField(default='')
        broken = TextField(default='')
        by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        at = DateTimeField(default=datetime.datetime.now)
        class Meta:
            database = db
            table_name = 'pairing_pin'
            indexes = ((('event', 'role'), True),)
    db.create_tables([PairingPin])

    migrator.migrate(migrator.add_column('visitor', 'assigned_by_id', ForeignKeyField(User, field=User.id, null=True, on_delete='SET NULL')))


def down(migrator, db):
    migrator.migrate(migrator.drop_index('visitor', 'visitor_assigned_by_id'))
    migrator.migrate(migrator.drop_column('visitor', 'assigned_by_id'))
    migrator.migrate(migrator.drop_table('pairing_pin'))
    migrator.migrate(migrator.drop_table('never_pair'))
