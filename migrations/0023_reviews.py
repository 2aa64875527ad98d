"""Learning from reviews: reviews, their themes, review actions and theme decisions; and partnership
actions in the register (an action's agency becomes optional; it gains a responsible officer)."""
# Generated from a schema diff on 2026-12-03 13:51; the agency column's NOT NULL dropped by hand.
from peewee import *
import datetime

def up(migrator, db):
    class Action(Model):
        class Meta:
            database = db
            table_name = 'action'

    class User(Model):
        class Meta:
            database = db
            table_name = 'user'

    class Review(Model):
        version = IntegerField(default=1)
        kind = CharField()
        reference = CharField(unique=True)
        title = CharField(default='')
        notified_on = DateField()
        completed_on = DateField(null=True)
        published_on = DateField(null=True)
        recommendations = TextField(default='')
        summary_url = CharField(default='')
        planning_meeting_on = DateField(null=True)
        planning_attendance = TextField(default='')
        created_at = DateTimeField(default=datetime.datetime.now)
        class Meta:
            database = db
            table_name = 'review'
    db.create_tables([Review])

    class Theme(Model):
        version = IntegerField(default=1)
        name = CharField(unique=True)
        active = BooleanField(default=True)
        class Meta:
            database = db
            table_name = 'theme'
    db.create_tables([Theme])

    class ReviewAction(Model):
        action = ForeignKeyField(Action, unique=True, on_delete='CASCADE')
        review = ForeignKeyField(Review, on_delete='CASCADE')
        theme = ForeignKeyField(Theme, on_delete='RESTRICT')
        recommendation = TextField(default='')
        assured = BooleanField(null=True)
        assurance_reason = TextField(default='')
        assured_at = DateTimeField(null=True)
        dip_sampled_at = DateTimeField(null=True)
        dip_outcome = CharField(default='')
        dip_note = TextField(default='')
        class Meta:
            database = db
            table_name = 'review_action'
    db.create_tables([ReviewAction])

    class ReviewTheme(Model):
        review = ForeignKeyField(Review, on_delete='CASCADE')
        theme = ForeignKeyField(Theme, on_delete='RESTRICT')
        class Meta:
            database = db
            table_name = 'review_theme'
            indexes = ((('review', 'theme'), True),)
    db.create_tables([ReviewTheme])

    class ThemeDecision(Model):
        theme = ForeignKeyField(Theme, on_delete='CASCADE')
        quarter_start = DateField()
        decision = CharField()
        note = TextField(default='')
        decided_at = DateTimeField(default=datetime.datetime.now)
        class Meta:
            database = db
            table_name = 'theme_decision'
            indexes = ((('theme', 'quarter_start'), True),)
    db.create_tables([ThemeDecision])

    migrator.migrate(migrator.drop_not_null('action', 'agency_id'))
    migrator.migrate(migrator.add_column('action', 'responsible_officer_id', ForeignKeyField(User, field=User.id, null=True, on_delete='SET NULL')))


def down(migrator, db):
    migrator.migrate(migrator.drop_index('action', 'action_responsible_officer_id'))
    migrator.migrate(migrator.drop_column('action', 'responsible_officer_id'))
    migrator.migrate(migrator.add_not_null('action', 'agency_id'))
    migrator.migrate(migrator.drop_table('theme_decision'))
    migrator.migrate(migrator.drop_table('review_theme'))
    migrator.migrate(migrator.drop_table('review_action'))
    migrator.migrate(migrator.drop_table('theme'))
    migrator.migrate(migrator.drop_table('review'))
