# Generated from a schema diff on 2026-12-03 16:31.
from peewee import *
import datetime

from qa.frameworks.seed import seed
from qa.schools.frameworks import FRAMEWORKS

def up(migrator, db):
    class Setting(Model):
        class Meta:
            database = db
            table_name = 'setting'

    class User(Model):
        class Meta:
            database = db
            table_name = 'user'

    class AccountRequest(Model):
        setting = ForeignKeyField(Setting, on_delete='CASCADE')
        name = CharField()
        email = CharField(index=True)
        status = CharField(index=True, default='pending')
        how = CharField(default='')
        asked_at = DateTimeField(index=True, default=datetime.datetime.now)
        address = CharField(index=True, default='')
        decided_at = DateTimeField(null=True)
        decided_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        decided_on = DateField(null=True)
        user = ForeignKeyField(User, null=True, on_delete='SET NULL')
        link_hash = CharField(unique=True, null=True)
        link_expires = DateTimeField(null=True)
        class Meta:
            database = db
            table_name = 'account_request'
    db.create_tables([AccountRequest])

    class AccountSettings(Model):
        version = IntegerField(default=1)
        allowed_domains = TextField(default='')
        accounts_expire = BooleanField(default=False)
        days_after_deadline = IntegerField(default=30)
        class Meta:
            database = db
            table_name = 'account_settings'
    db.create_tables([AccountSettings])

    class RegisterUpload(Model):
        token = CharField(unique=True)
        owner = ForeignKeyField(User, on_delete='CASCADE')
        filename = CharField(default='')
        data = BlobField()
        at = DateTimeField(index=True, default=datetime.datetime.now)
        class Meta:
            database = db
            table_name = 'register_upload'
    db.create_tables([RegisterUpload])

    migrator.migrate(migrator.add_column('setting', 'allowed_domains', TextField(default='')))
    seed(db, FRAMEWORKS)


def down(migrator, db):
    migrator.migrate(migrator.drop_column('setting', 'allowed_domains'))
    migrator.migrate(migrator.drop_table('register_upload'))
    migrator.migrate(migrator.drop_table('account_settings'))
    migrator.migrate(migrator.drop_table('account_request'))
