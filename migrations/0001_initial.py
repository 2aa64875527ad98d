"""The first schema: sectors, agencies, people, frameworks, cycles, audit, sign-in attempts, kept forms, documents."""
from peewee import *
import datetime


def up(migrator, db):
    class Sector(Model):
        version = IntegerField(default=1)
        name = CharField(unique=True)
        slug = CharField(unique=True)
        class Meta:
            database = db
            table_name = 'sector'
    db.create_tables([Sector])

    class Framework(Model):
        version = IntegerField(default=1)
        name = CharField(unique=True)
        description = TextField(default='')
        active = BooleanField(default=True)
        class Meta:
            database = db
            table_name = 'framework'
    db.create_tables([Framework])

    class Agency(Model):
        version = IntegerField(default=1)
        name = CharField(unique=True)
        sector = ForeignKeyField(Sector, on_delete='RESTRICT')
        framework = ForeignKeyField(Framework, null=True, on_delete='SET NULL')
        active = BooleanField(default=True)
        class Meta:
            database = db
            table_name = 'agency'
    db.create_tables([Agency])

    class User(Model):
        version = IntegerField(default=1)
        email = CharField(unique=True)
        name = CharField()
        password_hash = CharField(default='')
        role = CharField(index=True)
        agency = ForeignKeyField(Agency, null=True, on_delete='RESTRICT')
        subgroup_member = BooleanField(default=False)
        active = BooleanField(default=True)
        max_visits = IntegerField(default=2)
        session_token = CharField(unique=True)
        created_at = DateTimeField(default=datetime.datetime.now)
        class Meta:
            database = db
            table_name = 'user'
    db.create_tables([User])

    class AuditEvent(Model):
        user = ForeignKeyField(User, null=True, on_delete='SET NULL')
        at = DateTimeField(index=True, default=datetime.datetime.now)
        verb = CharField()
        object_type = CharField(index=True)
        object_id = IntegerField(index=True, null=True)
        summary = TextField(default='')
        changes = TextField(default='')
        class Meta:
            database = db
            table_name = 'audit_event'
    db.create_tables([AuditEvent])

    class Conflict(Model):
        user = ForeignKeyField(User, on_delete='CASCADE')
        agency = ForeignKeyField(Agency, on_delete='CASCADE')
        kind = CharField(default='other')
        detail = TextField(default='')
        created_at = DateTimeField(default=datetime.datetime.now)
        class Meta:
            database = db
            table_name = 'conflict'
            indexes = ((('user', 'agency'), True),)
    db.create_tables([Conflict])

    class Cycle(Model):
        version = IntegerField(default=1)
        name = CharField(unique=True)
        starts = DateField()
        ends = DateField()
        deadline = DateField(null=True)
        class Meta:
            database = db
            table_name = 'cycle'
    db.create_tables([Cycle])

    class Document(Model):
        filename = CharField()
        content_type = CharField()
        size = IntegerField()
        data = BlobField()
        uploaded_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        uploaded_at = DateTimeField(default=datetime.datetime.now)
        class Meta:
            database = db
            table_name = 'document'
    db.create_tables([Document])

    class KeptForm(Model):
        token = CharField(unique=True)
        method = CharField(default='POST')
        path = TextField()
        fields = TextField()
        at = DateTimeField(default=datetime.datetime.now)
        class Meta:
            database = db
            table_name = 'kept_form'
    db.create_tables([KeptForm])

    class LoginAttempt(Model):
        key = CharField(index=True)
        at = DateTimeField(index=True, default=datetime.datetime.now)
        class Meta:
            database = db
            table_name = 'login_attempt'
    db.create_tables([LoginAttempt])

    class Standard(Model):
        version = IntegerField(default=1)
        framework = ForeignKeyField(Framework, on_delete='CASCADE')
        position = IntegerField()
        code = CharField()
        title = CharField()
        guidance = TextField(default='')
        challenge_prompts = TextField(default='')
        class Meta:
            database = db
            table_name = 'standard'
            indexes = ((('framework', 'code'), True),)
    db.create_tables([Standard])

    class Unavailability(Model):
        user = ForeignKeyField(User, on_delete='CASCADE')
        date = DateField()
        note = CharField(default='')
        class Meta:
            database = db
            table_name = 'unavailability'
            indexes = ((('user', 'date'), True),)
    db.create_tables([Unavailability])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('unavailability'))
    migrator.migrate(migrator.drop_table('standard'))
    migrator.migrate(migrator.drop_table('login_attempt'))
    migrator.migrate(migrator.drop_table('kept_form'))
    migrator.migrate(migrator.drop_table('document'))
    migrator.migrate(migrator.drop_table('cycle'))
    migrator.migrate(migrator.drop_table('conflict'))
    migrator.migrate(migrator.drop_table('audit_event'))
    migrator.migrate(migrator.drop_table('user'))
    migrator.migrate(migrator.drop_table('agency'))
    migrator.migrate(migrator.drop_table('framework'))
    migrator.migrate(migrator.drop_table('sector'))
