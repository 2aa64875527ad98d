# Generated from a schema diff on 2026-12-03 16:35.
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

    class User(Model):
        class Meta:
            database = db
            table_name = 'user'

    class Meeting(Model):
        version = IntegerField(default=1)
        starts_at = DateTimeField(index=True)
        ends_at = DateTimeField()
        kind = CharField(default='quarterly')
        location = CharField(default='')
        ics_sequence = IntegerField(default=0)
        created_at = DateTimeField(default=datetime.datetime.now)
        class Meta:
            database = db
            table_name = 'meeting'
    db.create_tables([Meeting])

    class AgendaItem(Model):
        version = IntegerField(default=1)
        meeting = ForeignKeyField(Meeting, on_delete='CASCADE')
        position = IntegerField(default=0)
        source = CharField(default='free')
        source_id = IntegerField(null=True)
        title = CharField()
        detail = TextField(default='')
        owner = ForeignKeyField(User, null=True, on_delete='SET NULL')
        decisions = TextField(default='')
        class Meta:
            database = db
            table_name = 'agenda_item'
    db.create_tables([AgendaItem])

    class Attendance(Model):
        meeting = ForeignKeyField(Meeting, on_delete='CASCADE')
        user = ForeignKeyField(User, on_delete='CASCADE')
        agency = ForeignKeyField(Agency, null=True, on_delete='SET NULL')
        role = CharField(default='member')
        present = BooleanField(default=True)
        class Meta:
            database = db
            table_name = 'attendance'
            indexes = ((('meeting', 'user'), True),)
    db.create_tables([Attendance])

    class Commentary(Model):
        version = IntegerField(default=1)
        cycle = ForeignKeyField(Cycle, on_delete='CASCADE')
        quarter = IntegerField()
        text = TextField(default='')
        class Meta:
            database = db
            table_name = 'commentary'
            indexes = ((('cycle', 'quarter'), True),)
    db.create_tables([Commentary])

    class Priority(Model):
        version = IntegerField(default=1)
        cycle = ForeignKeyField(Cycle, on_delete='CASCADE')
        title = CharField()
        position = IntegerField(default=0)
        class Meta:
            database = db
            table_name = 'priority'
    db.create_tables([Priority])

    class WorkPlanItem(Model):
        version = IntegerField(default=1)
        cycle = ForeignKeyField(Cycle, on_delete='CASCADE')
        title = CharField()
        kind = CharField(default='other')
        owner = ForeignKeyField(User, null=True, on_delete='SET NULL')
        quarter = IntegerField()
        status = CharField(default='not_started')
        priority = ForeignKeyField(Priority, null=True, on_delete='SET NULL')
        link_kind = CharField(default='')
        link_id = IntegerField(null=True)
        notes = TextField(default='')
        created_at = DateTimeField(default=datetime.datetime.now)
        class Meta:
            database = db
            table_name = 'work_plan_item'
    db.create_tables([WorkPlanItem])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('work_plan_item'))
    migrator.migrate(migrator.drop_table('priority'))
    migrator.migrate(migrator.drop_table('commentary'))
    migrator.migrate(migrator.drop_table('attendance'))
    migrator.migrate(migrator.drop_table('agenda_item'))
    migrator.migrate(migrator.drop_table('meeting'))
