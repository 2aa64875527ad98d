# Generated from a schema diff on 2026-12-03 16:34.
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

    class Review(Model):
        class Meta:
            database = db
            table_name = 'review'

    class Theme(Model):
        class Meta:
            database = db
            table_name = 'theme'

    class User(Model):
        class Meta:
            database = db
            table_name = 'user'

    class ScrutinyTheme(Model):
        version = IntegerField(default=1)
        cycle = ForeignKeyField(Cycle, on_delete='RESTRICT')
        title = CharField()
        question = TextField()
        reason = TextField(default='')
        review = ForeignKeyField(Review, null=True, on_delete='SET NULL')
        review_theme = ForeignKeyField(Theme, null=True, on_delete='SET NULL')
        lead = ForeignKeyField(User, null=True, on_delete='SET NULL')
        starts_on = DateField(null=True)
        reports_on = DateField(null=True)
        status = CharField(default='planned')
        created_at = DateTimeField(default=datetime.datetime.now)
        class Meta:
            database = db
            table_name = 'scrutiny_theme'
    db.create_tables([ScrutinyTheme])

    class ScrutinyEvidence(Model):
        theme = ForeignKeyField(ScrutinyTheme, on_delete='CASCADE')
        kind = CharField()
        source_id = IntegerField(null=True)
        document = ForeignKeyField(Document, null=True, on_delete='CASCADE')
        note = TextField(default='')
        added_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        added_at = DateTimeField(default=datetime.datetime.now)
        class Meta:
            database = db
            table_name = 'scrutiny_evidence'
            indexes = ((('theme', 'kind', 'source_id'), False),)
    db.create_tables([ScrutinyEvidence])

    class ScrutinyFinding(Model):
        theme = ForeignKeyField(ScrutinyTheme, on_delete='CASCADE')
        text = TextField()
        added_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        added_at = DateTimeField(default=datetime.datetime.now)
        class Meta:
            database = db
            table_name = 'scrutiny_finding'
    db.create_tables([ScrutinyFinding])

    class ScrutinyFindingEvidence(Model):
        finding = ForeignKeyField(ScrutinyFinding, on_delete='CASCADE')
        evidence = ForeignKeyField(ScrutinyEvidence, on_delete='CASCADE')
        class Meta:
            database = db
            table_name = 'scrutiny_finding_evidence'
            indexes = ((('finding', 'evidence'), True),)
    db.create_tables([ScrutinyFindingEvidence])

    class ScrutinyRecommendation(Model):
        theme = ForeignKeyField(ScrutinyTheme, on_delete='CASCADE')
        finding = ForeignKeyField(ScrutinyFinding, null=True, on_delete='SET NULL')
        text = TextField()
        action = ForeignKeyField(Action, null=True, on_delete='SET NULL')
        added_at = DateTimeField(default=datetime.datetime.now)
        class Meta:
            database = db
            table_name = 'scrutiny_recommendation'
    db.create_tables([ScrutinyRecommendation])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('scrutiny_recommendation'))
    migrator.migrate(migrator.drop_table('scrutiny_finding_evidence'))
    migrator.migrate(migrator.drop_table('scrutiny_finding'))
    migrator.migrate(migrator.drop_table('scrutiny_evidence'))
    migrator.migrate(migrator.drop_table('scrutiny_theme'))
