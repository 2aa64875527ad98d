"""Staff voices: a staff response's agency and role group, positive answers of a question, contact requests kept apart from answers, mismatch threshold and staff safety message."""
from peewee import *
import datetime

def up(migrator, db):
    class Agency(Model):
        class Meta:
            database = db
            table_name = 'agency'

    class Survey(Model):
        class Meta:
            database = db
            table_name = 'survey'

    class ContactRequest(Model):
        survey = ForeignKeyField(Survey, on_delete='CASCADE')
        name = CharField()
        email = CharField()
        message = TextField(default='')
        created_on = DateField(default=datetime.date.today)
        class Meta:
            database = db
            table_name = 'contact_request'
    db.create_tables([ContactRequest])

    migrator.migrate(migrator.add_column('response', 'agency_id', ForeignKeyField(Agency, field=Agency.id, null=True, on_delete='SET NULL')))
    migrator.migrate(migrator.add_column('response', 'agency_answer', CharField(default='')))
    migrator.migrate(migrator.add_column('response', 'role_group', CharField(default='')))
    migrator.migrate(migrator.add_column('question', 'positive', TextField(default='[]')))
    migrator.migrate(migrator.add_column('survey_draft', 'about', TextField(default='{}')))
    migrator.migrate(migrator.add_column('survey_settings', 'staff_safety_message', TextField(default="If you are worried about a child, follow your agency's safeguarding procedures. If a child is in immediate danger, call 999.")))
    migrator.migrate(migrator.add_column('survey_settings', 'mismatch_percent', IntegerField(default=50)))


def down(migrator, db):
    migrator.migrate(migrator.drop_index('response', 'response_agency_id'))
    migrator.migrate(migrator.drop_column('survey_settings', 'mismatch_percent'))
    migrator.migrate(migrator.drop_column('survey_settings', 'staff_safety_message'))
    migrator.migrate(migrator.drop_column('survey_draft', 'about'))
    migrator.migrate(migrator.drop_column('question', 'positive'))
    migrator.migrate(migrator.drop_column('response', 'role_group'))
    migrator.migrate(migrator.drop_column('response', 'agency_answer'))
    migrator.migrate(migrator.drop_column('response', 'agency_id'))
    migrator.migrate(migrator.drop_table('contact_request'))
