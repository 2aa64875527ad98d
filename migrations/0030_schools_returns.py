# Generated from a schema diff on 2026-12-03 16:35.
from peewee import *
import datetime

def up(migrator, db):
    class ChallengeEvent(Model):
        class Meta:
            database = db
            table_name = 'challenge_event'

    class Cycle(Model):
        class Meta:
            database = db
            table_name = 'cycle'

    class Framework(Model):
        class Meta:
            database = db
            table_name = 'framework'

    class Return(Model):
        class Meta:
            database = db
            table_name = 'return'

    class Setting(Model):
        class Meta:
            database = db
            table_name = 'setting'

    class User(Model):
        class Meta:
            database = db
            table_name = 'user'

    class Chase(Model):
        setting = ForeignKeyField(Setting, on_delete='CASCADE')
        cycle = ForeignKeyField(Cycle, on_delete='CASCADE')
        stage = IntegerField()
        sent_on = DateField()
        sent_to = TextField(default='')
        class Meta:
            database = db
            table_name = 'chase'
            indexes = ((('setting', 'cycle', 'stage'), True),)
    db.create_tables([Chase])

    class Extension(Model):
        setting = ForeignKeyField(Setting, on_delete='CASCADE')
        cycle = ForeignKeyField(Cycle, on_delete='CASCADE')
        until = DateField()
        reason = TextField()
        granted_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        granted_at = DateTimeField(default=datetime.datetime.now)
        class Meta:
            database = db
            table_name = 'extension'
            indexes = ((('setting', 'cycle'), True),)
    db.create_tables([Extension])

    class VisitSample(Model):
        cycle = ForeignKeyField(Cycle, on_delete='CASCADE')
        size = IntegerField()
        seed = IntegerField()
        weights = CharField(default='')
        chosen_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        chosen_at = DateTimeField(default=datetime.datetime.now)
        class Meta:
            database = db
            table_name = 'visit_sample'
    db.create_tables([VisitSample])

    class SampledSetting(Model):
        sample = ForeignKeyField(VisitSample, on_delete='CASCADE')
        setting = ForeignKeyField(Setting, on_delete='CASCADE')
        stratum = CharField()
        reason = TextField()
        event = ForeignKeyField(ChallengeEvent, null=True, on_delete='SET NULL')
        class Meta:
            database = db
            table_name = 'sampled_setting'
    db.create_tables([SampledSetting])

    class SignOff(Model):
        return_ = ForeignKeyField(Return, column_name='return_id', on_delete='CASCADE')
        role = CharField()
        email = CharField()
        asked_at = DateTimeField(default=datetime.datetime.now)
        asked_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        name = CharField(default='')
        comment = TextField(default='')
        signed_at = DateTimeField(null=True)
        withdrawn_at = DateTimeField(null=True)
        withdrawn_reason = CharField(default='')
        class Meta:
            database = db
            table_name = 'sign_off'
    db.create_tables([SignOff])

    class SignOffNeeds(Model):
        framework = ForeignKeyField(Framework, unique=True, on_delete='CASCADE')
        needs = CharField(default='')
        class Meta:
            database = db
            table_name = 'sign_off_needs'
    db.create_tables([SignOffNeeds])
    # Who signs off each setting framework's returns (migration 0029 made the kinds' frameworks):
    # section 175 and 157 the head, then the chair of governors (or proprietor); early years the
    # manager; the voluntary organisations' light framework, like any framework without a row,
    # none.
    for name, needs in [
        ("Schools (Education Act 2002 s157/s175)", "head chair"),
        ("Independent schools (Education Act 2002 s157)", "head chair"),
        ("Further education (Education Act 2002 s175)", "head chair"),
        ("Early years (EYFS safeguarding and welfare requirements)", "head"),
    ]:
        db.execute_sql(
            "INSERT INTO sign_off_needs (framework_id, needs) SELECT id, ? FROM framework "
            "WHERE name = ?",
            (needs, name),
        )


def down(migrator, db):
    migrator.migrate(migrator.drop_table('sign_off_needs'))
    migrator.migrate(migrator.drop_table('sign_off'))
    migrator.migrate(migrator.drop_table('sampled_setting'))
    migrator.migrate(migrator.drop_table('visit_sample'))
    migrator.migrate(migrator.drop_table('extension'))
    migrator.migrate(migrator.drop_table('chase'))
