"""Section 11: returns, ratings, the documents linked to ratings, and the action register (Action)."""
from peewee import *
import datetime

def up(migrator, db):
    class Agency(Model):
        class Meta:
            database = db
            table_name = 'agency'

    class Cycle(Model):
        class Meta:
            database = db
            table_name = 'cycle'

    class Document(Model):
        class Meta:
            database = db
            table_name = 'document'

    class Framework(Model):
        class Meta:
            database = db
            table_name = 'framework'

    class Standard(Model):
        class Meta:
            database = db
            table_name = 'standard'

    class User(Model):
        class Meta:
            database = db
            table_name = 'user'

    class Action(Model):
        version = IntegerField(default=1)
        agency = ForeignKeyField(Agency, on_delete='CASCADE')
        cycle = ForeignKeyField(Cycle, on_delete='RESTRICT')
        source = CharField(default='manual')
        source_id = IntegerField(null=True)
        standard = ForeignKeyField(Standard, null=True, on_delete='SET NULL')
        description = TextField()
        owner = CharField()
        due = DateField()
        status = CharField(default='open')
        cancelled_reason = TextField(default='')
        evidence_of_completion = TextField(default='')
        impact = TextField(default='')
        completed_at = DateTimeField(null=True)
        created_at = DateTimeField(default=datetime.datetime.now)
        carried_from = ForeignKeyField('self', null=True, on_delete='SET NULL')
        class Meta:
            database = db
            table_name = 'action'
            indexes = ((('source', 'source_id'), False),)
    db.create_tables([Action])

    class Return(Model):
        version = IntegerField(default=1)
        agency = ForeignKeyField(Agency, on_delete='CASCADE')
        cycle = ForeignKeyField(Cycle, on_delete='RESTRICT')
        framework = ForeignKeyField(Framework, on_delete='RESTRICT')
        status = CharField(default='draft')
        started_at = DateTimeField(default=datetime.datetime.now)
        submitted_at = DateTimeField(null=True)
        submitted_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        reopened_reason = TextField(default='')
        class Meta:
            database = db
            table_name = 'return'
            indexes = ((('agency', 'cycle'), True),)
    db.create_tables([Return])

    class Rating(Model):
        version = IntegerField(default=1)
        return_ = ForeignKeyField(Return, column_name='return_id', on_delete='CASCADE')
        standard = ForeignKeyField(Standard, on_delete='RESTRICT')
        rag = CharField(default='')
        evidence = TextField(default='')
        updated_at = DateTimeField(null=True)
        updated_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        moderation_status = CharField(default='')
        moderation_comment = TextField(default='')
        moderated_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        moderated_at = DateTimeField(null=True)
        moderation_version = IntegerField(default=1)
        class Meta:
            database = db
            table_name = 'rating'
            indexes = ((('return_', 'standard'), True),)
    db.create_tables([Rating])

    class RatingDocument(Model):
        rating = ForeignKeyField(Rating, on_delete='CASCADE')
        document = ForeignKeyField(Document, on_delete='CASCADE')
        linked_at = DateTimeField(default=datetime.datetime.now)
        class Meta:
            database = db
            table_name = 'rating_document'
            indexes = ((('rating', 'document'), True),)
    db.create_tables([RatingDocument])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('rating_document'))
    migrator.migrate(migrator.drop_table('rating'))
    migrator.migrate(migrator.drop_table('return'))
    migrator.migrate(migrator.drop_table('action'))
