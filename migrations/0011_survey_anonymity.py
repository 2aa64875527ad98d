"""Survey anonymity and ballot stuffing: a response no longer keeps the visit key from the child's
cookie (a separate table holds a hash of each sent visit's key for under a day, to stop a double
send); bursts of sends on a link, for the admin to discard."""
from peewee import *
import datetime

def up(migrator, db):
    class SurveyLink(Model):
        class Meta:
            database = db
            table_name = 'survey_link'

    class SentVisit(Model):
        key_hash = CharField(unique=True)
        sent_at = DateTimeField(index=True)
        class Meta:
            database = db
            table_name = 'sent_visit'
    db.create_tables([SentVisit])

    class SurveyBurst(Model):
        link = ForeignKeyField(SurveyLink, on_delete='CASCADE')
        on = DateField(default=datetime.date.today)
        first_response = IntegerField()
        last_response = IntegerField()
        discarded = BooleanField(default=False)
        class Meta:
            database = db
            table_name = 'survey_burst'
    db.create_tables([SurveyBurst])

    migrator.migrate(migrator.drop_index('response', 'response_idempotency_key'))
    migrator.migrate(migrator.drop_column('response', 'idempotency_key'))


def down(migrator, db):
    # The keys themselves are gone for good; the column comes back empty.
    migrator.migrate(migrator.add_column('response', 'idempotency_key', CharField(null=True)))
    migrator.migrate(migrator.drop_table('survey_burst'))
    migrator.migrate(migrator.drop_table('sent_visit'))
