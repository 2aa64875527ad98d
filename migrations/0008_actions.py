"""The action register: dated progress notes, evidence documents and the 12-month impact look-back."""
from peewee import *
import datetime

def up(migrator, db):
    class Action(Model):
        class Meta:
            database = db
            table_name = 'action'

    class Document(Model):
        class Meta:
            database = db
            table_name = 'document'

    class User(Model):
        class Meta:
            database = db
            table_name = 'user'

    class ActionDocument(Model):
        action = ForeignKeyField(Action, on_delete='CASCADE')
        document = ForeignKeyField(Document, on_delete='CASCADE')
        class Meta:
            database = db
            table_name = 'action_document'
    db.create_tables([ActionDocument])

    class ActionUpdate(Model):
        action = ForeignKeyField(Action, on_delete='CASCADE')
        at = DateTimeField(default=datetime.datetime.now)
        by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        note = TextField()
        class Meta:
            database = db
            table_name = 'action_update'
    db.create_tables([ActionUpdate])

    migrator.migrate(migrator.add_column('action', 'impact_confirmed', BooleanField(null=True)))
    migrator.migrate(migrator.add_column('action', 'impact_reviewed_at', DateTimeField(null=True)))
    migrator.migrate(migrator.add_column('action', 'impact_review_note', TextField(default='')))


def down(migrator, db):
    migrator.migrate(migrator.drop_column('action', 'impact_review_note'))
    migrator.migrate(migrator.drop_column('action', 'impact_reviewed_at'))
    migrator.migrate(migrator.drop_column('action', 'impact_confirmed'))
    migrator.migrate(migrator.drop_table('action_update'))
    migrator.migrate(migrator.drop_table('action_document'))
