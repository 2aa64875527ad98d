"""Challenge events: events, their visitors, findings per standard, recommendations and clash overrides."""
from peewee import *
import datetime

def up(migrator, db):
    class Action(Model):
        class Meta:
            database = db
            table_name = 'action'

    class Agency(Model):
        class Meta:
            database = db
            table_name = 'agency'

    class Cycle(Model):
        class Meta:
            database = db
            table_name = 'cycle'

    class Standard(Model):
        class Meta:
            database = db
            table_name = 'standard'

    class User(Model):
        class Meta:
            database = db
            table_name = 'user'

    class ChallengeEvent(Model):
        version = IntegerField(default=1)
        cycle = ForeignKeyField(Cycle, on_delete='RESTRICT')
        agency = ForeignKeyField(Agency, on_delete='RESTRICT')
        status = CharField(index=True, default='proposed')
        starts_at = DateTimeField(null=True)
        ends_at = DateTimeField(null=True)
        location = CharField(default='')
        selection_reason = TextField(default='')
        cancelled_reason = TextField(default='')
        summary = TextField(default='')
        summary_version = IntegerField(default=1)
        summary_updated_at = DateTimeField(null=True)
        summary_updated_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        ics_sequence = IntegerField(default=0)
        created_at = DateTimeField(default=datetime.datetime.now)
        updated_at = DateTimeField(null=True)
        updated_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        agreed_at = DateTimeField(null=True)
        reported_at = DateTimeField(null=True)
        class Meta:
            database = db
            table_name = 'challenge_event'
    db.create_tables([ChallengeEvent])

    class ClashOverride(Model):
        event = ForeignKeyField(ChallengeEvent, on_delete='CASCADE')
        clashes = TextField()
        reason = TextField()
        by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        at = DateTimeField(default=datetime.datetime.now)
        class Meta:
            database = db
            table_name = 'clash_override'
    db.create_tables([ClashOverride])

    class Finding(Model):
        version = IntegerField(default=1)
        event = ForeignKeyField(ChallengeEvent, on_delete='CASCADE')
        standard = ForeignKeyField(Standard, on_delete='RESTRICT')
        self_rag = CharField(default='')
        agreed_rag = CharField(default='')
        evidence_seen = TextField(default='')
        questions_asked = TextField(default='')
        strengths = TextField(default='')
        development = TextField(default='')
        updated_at = DateTimeField(null=True)
        updated_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        class Meta:
            database = db
            table_name = 'finding'
            indexes = ((('event', 'standard'), True),)
    db.create_tables([Finding])

    class Recommendation(Model):
        finding = ForeignKeyField(Finding, on_delete='CASCADE')
        text = TextField()
        owner = CharField()
        due = DateField()
        action = ForeignKeyField(Action, null=True, on_delete='SET NULL')
        created_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        created_at = DateTimeField(default=datetime.datetime.now)
        class Meta:
            database = db
            table_name = 'recommendation'
    db.create_tables([Recommendation])

    class Visitor(Model):
        event = ForeignKeyField(ChallengeEvent, on_delete='CASCADE')
        user = ForeignKeyField(User, on_delete='RESTRICT')
        role = CharField()
        how = CharField(default='manual')
        explanation = TextField(default='')
        override_reason = TextField(default='')
        agreed_at = DateTimeField(null=True)
        assigned_at = DateTimeField(default=datetime.datetime.now)
        class Meta:
            database = db
            table_name = 'visitor'
            indexes = ((('event', 'role'), True), (('event', 'user'), True))
    db.create_tables([Visitor])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('visitor'))
    migrator.migrate(migrator.drop_table('recommendation'))
    migrator.migrate(migrator.drop_table('finding'))
    migrator.migrate(migrator.drop_table('clash_override'))
    migrator.migrate(migrator.drop_table('challenge_event'))
