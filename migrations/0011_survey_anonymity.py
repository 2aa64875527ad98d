"""Survey anonymity: a response no longer keeps the visit key from the child's cookie; a separate
table holds a hash of each sent visit's key for under a day, to stop a double send."""
from peewee import *

def up(migrator, db):
    class SentVisit(Model):
        key_hash = CharField(unique=True)
        sent_at = DateTimeField(index=True)
        class Meta:
            database = db
            table_name = 'sent_visit'
    db.create_tables([SentVisit])

    migrator.migrate(migrator.drop_index('response', 'response_idempotency_key'))
    migrator.migrate(migrator.drop_column('response', 'idempotency_key'))


def down(migrator, db):
    # The keys themselves are gone for good; the column comes back empty.
    migrator.migrate(migrator.add_column('response', 'idempotency_key', CharField(null=True)))
    migrator.migrate(migrator.drop_table('sent_visit'))
