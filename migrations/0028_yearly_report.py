# Generated from a schema diff on 2026-12-03 16:34.
from peewee import *
import datetime

def up(migrator, db):
    class Cycle(Model):
        class Meta:
            database = db
            table_name = 'cycle'

    class User(Model):
        class Meta:
            database = db
            table_name = 'user'

    class YearlyReport(Model):
        version = IntegerField(default=1)
        cycle = ForeignKeyField(Cycle, unique=True, on_delete='CASCADE')
        content_version = IntegerField(default=1)
        published_on = DateField(null=True)
        sent_on = DateField(null=True)
        send_within_days = IntegerField(default=7)
        created_at = DateTimeField(default=datetime.datetime.now)
        class Meta:
            database = db
            table_name = 'yearly_report'
    db.create_tables([YearlyReport])

    class PartnerSignOff(Model):
        report = ForeignKeyField(YearlyReport, on_delete='CASCADE')
        partner = CharField()
        name = CharField()
        job_title = CharField(default='')
        signed_on = DateField()
        content_version = IntegerField()
        recorded_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        recorded_at = DateTimeField(default=datetime.datetime.now)
        class Meta:
            database = db
            table_name = 'partner_sign_off'
            indexes = ((('report', 'partner'), True),)
    db.create_tables([PartnerSignOff])

    class YearlySection(Model):
        version = IntegerField(default=1)
        report = ForeignKeyField(YearlyReport, on_delete='CASCADE')
        position = IntegerField()
        key = CharField(default='')
        title = CharField()
        narrative = TextField(default='')
        updated_at = DateTimeField(default=datetime.datetime.now)
        updated_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        class Meta:
            database = db
            table_name = 'yearly_section'
    db.create_tables([YearlySection])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('yearly_section'))
    migrator.migrate(migrator.drop_table('partner_sign_off'))
    migrator.migrate(migrator.drop_table('yearly_report'))
