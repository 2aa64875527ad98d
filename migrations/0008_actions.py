"""The action register (progress notes, evidence documents, the 12-month impact look-back) and board reports built in the background."""
from peewee import *
import datetime

def up(migrator, db):
    class Action(Model):
        class Meta:
            database = db
            table_name = 'action'

    class Cycle(Model):
        class Meta:
            database = db
            table_name = 'cycle'

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

    class ReportBuild(Model):
        cycle = ForeignKeyField(Cycle, on_delete='CASCADE')
        requested_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        started_at = DateTimeField(default=datetime.datetime.now)
        finished_at = DateTimeField(null=True)
        step = IntegerField(default=0)
        steps = IntegerField(default=6)
        label = CharField(default='Waiting to start')
        status = CharField(default='building')
        error = TextField(default='')
        document = ForeignKeyField(Document, null=True, on_delete='SET NULL')
        class Meta:
            database = db
            table_name = 'report_build'
    db.create_tables([ReportBuild])

    migrator.migrate(migrator.add_column('action', 'impact_confirmed', BooleanField(null=True)))
    migrator.migrate(migrator.add_column('action', 'impact_reviewed_at', DateTimeField(null=True)))
    migrator.migrate(migrator.add_column('action', 'impact_review_note', TextField(default='')))


def down(migrator, db):
    migrator.migrate(migrator.drop_column('action', 'impact_review_note'))
    migrator.migrate(migrator.drop_column('action', 'impact_reviewed_at'))
    migrator.migrate(migrator.drop_column('action', 'impact_confirmed'))
    migrator.migrate(migrator.drop_table('report_build'))
    migrator.migrate(migrator.drop_table('action_update'))
    migrator.migrate(migrator.drop_table('action_document'))
