# Generated from a schema diff on 2026-12-03 13:51.
from peewee import *
import datetime

def up(migrator, db):
    class Agency(Model):
        class Meta:
            database = db
            table_name = 'agency'

    class Sector(Model):
        class Meta:
            database = db
            table_name = 'sector'

    class User(Model):
        class Meta:
            database = db
            table_name = 'user'

    class Indicator(Model):
        version = IntegerField(default=1)
        code = CharField(unique=True)
        name = CharField()
        definition = TextField()
        unit = CharField(default='count')
        polarity = CharField(default='neither')
        agency = ForeignKeyField(Agency, null=True, on_delete='SET NULL')
        sector = ForeignKeyField(Sector, null=True, on_delete='SET NULL')
        frequency = CharField(default='quarterly')
        target = FloatField(null=True)
        tolerance = FloatField(null=True)
        cohort = CharField(default='')
        standard = CharField(default='')
        by_locality = BooleanField(default=False)
        position = IntegerField(default=0)
        active = BooleanField(default=True)
        topic_proposal = TextField(default='')
        topic_proposed_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        topic_proposed_at = DateTimeField(null=True)
        updated_at = DateTimeField(null=True)
        class Meta:
            database = db
            table_name = 'indicator'
    db.create_tables([Indicator])

    class Comment(Model):
        indicator = ForeignKeyField(Indicator, on_delete='CASCADE')
        period = CharField()
        text = TextField()
        by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        at = DateTimeField(default=datetime.datetime.now)
        class Meta:
            database = db
            table_name = 'comment'
    db.create_tables([Comment])

    class Comparator(Model):
        indicator = ForeignKeyField(Indicator, on_delete='CASCADE')
        period = CharField()
        area = CharField()
        value = FloatField()
        source = CharField()
        published = DateField(null=True)
        class Meta:
            database = db
            table_name = 'comparator'
            indexes = ((('indicator', 'period', 'area'), True),)
    db.create_tables([Comparator])

    class Locality(Model):
        name = CharField(unique=True)
        position = IntegerField(default=0)
        class Meta:
            database = db
            table_name = 'locality'
    db.create_tables([Locality])

    class Figure(Model):
        indicator = ForeignKeyField(Indicator, on_delete='CASCADE')
        period = CharField()
        locality = ForeignKeyField(Locality, null=True, on_delete='CASCADE')
        value = FloatField()
        note = TextField(default='')
        entered_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        entered_at = DateTimeField(default=datetime.datetime.now)
        version = IntegerField(default=1)
        class Meta:
            database = db
            table_name = 'figure'
            indexes = ((('indicator', 'period', 'locality'), False), (('period',), False))
    db.create_tables([Figure])

    class FigureHistory(Model):
        figure = ForeignKeyField(Figure, on_delete='CASCADE')
        version = IntegerField()
        value = FloatField()
        note = TextField(default='')
        entered_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        entered_at = DateTimeField()
        replaced_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        replaced_at = DateTimeField(default=datetime.datetime.now)
        reason = TextField()
        class Meta:
            database = db
            table_name = 'figure_history'
    db.create_tables([FigureHistory])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('figure_history'))
    migrator.migrate(migrator.drop_table('figure'))
    migrator.migrate(migrator.drop_table('locality'))
    migrator.migrate(migrator.drop_table('comparator'))
    migrator.migrate(migrator.drop_table('comment'))
    migrator.migrate(migrator.drop_table('indicator'))
