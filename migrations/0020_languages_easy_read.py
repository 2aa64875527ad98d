"""Other languages and easy read: translated texts per survey and language, the language a
response was given in, an easy-read setting and the "I don't understand" answers counted apart."""
from peewee import *

def up(migrator, db):
    class Question(Model):
        class Meta:
            database = db
            table_name = 'question'

    class Response(Model):
        class Meta:
            database = db
            table_name = 'response'

    class Survey(Model):
        class Meta:
            database = db
            table_name = 'survey'

    class NotUnderstood(Model):
        response = ForeignKeyField(Response, on_delete='CASCADE')
        question = ForeignKeyField(Question, on_delete='CASCADE')
        class Meta:
            database = db
            table_name = 'not_understood'
            indexes = ((('response', 'question'), True),)
    db.create_tables([NotUnderstood])

    class Translation(Model):
        survey = ForeignKeyField(Survey, on_delete='CASCADE')
        language = CharField()
        key = CharField()
        english = TextField(default='')
        text = TextField(default='')
        class Meta:
            database = db
            table_name = 'translation'
            indexes = ((('survey', 'language', 'key'), True),)
    db.create_tables([Translation])

    migrator.migrate(migrator.add_column('survey', 'easy_read', BooleanField(default=False)))
    migrator.migrate(migrator.add_column('response', 'language', CharField(default='')))


def down(migrator, db):
    migrator.migrate(migrator.drop_column('response', 'language'))
    migrator.migrate(migrator.drop_column('survey', 'easy_read'))
    migrator.migrate(migrator.drop_table('translation'))
    migrator.migrate(migrator.drop_table('not_understood'))
