# Generated from a schema diff on 2026-12-03 09:06.
from peewee import *
import datetime

def up(migrator, db):
    class Document(Model):
        class Meta:
            database = db
            table_name = 'document'

    class User(Model):
        class Meta:
            database = db
            table_name = 'user'

    class PdfBuild(Model):
        kind = CharField()
        key = CharField()
        title = CharField()
        requested_by = ForeignKeyField(User, on_delete='CASCADE')
        started_at = DateTimeField(default=datetime.datetime.now)
        finished_at = DateTimeField(null=True)
        status = CharField(default='building')
        error = TextField(default='')
        document = ForeignKeyField(Document, null=True, on_delete='SET NULL')
        class Meta:
            database = db
            table_name = 'pdf_build'
    db.create_tables([PdfBuild])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('pdf_build'))
