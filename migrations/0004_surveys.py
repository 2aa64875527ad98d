"""Surveys: questions, links, anonymous responses and answers, flags, "you said, we did", safeguarding terms."""
# public_code, code and key get their random defaults in Python (qa.surveys.models), not in the schema.
from peewee import *
import datetime

PHRASES = [
    "hurt", "hurts me", "scared", "frightened", "afraid", "not safe", "unsafe", "hit", "hits me", "kick",
    "punch", "slap", "touched", "touch me", "abuse", "abused", "bully", "bullied", "want to die",
    "kill myself", "suicide", "self harm", "cut myself", "hurt myself", "run away", "no food", "hungry",
    "locked in", "secret", "groomed", "rape", "knife", "gang", "drugs", "don't feel safe", "nobody listens",
]


def up(migrator, db):
    class Standard(Model):
        class Meta:
            database = db
            table_name = 'standard'

    class User(Model):
        class Meta:
            database = db
            table_name = 'user'

    class Survey(Model):
        version = IntegerField(default=1)
        title = CharField()
        audience = CharField(default='children')
        age_band = CharField(default='8-12')
        introduction = TextField(default='')
        readers = TextField(default='')
        opens_on = DateField(null=True)
        closes_on = DateField(null=True)
        status = CharField(index=True, default='draft')
        safety_message = TextField(default='')
        public_code = CharField(unique=True)
        created_at = DateTimeField(default=datetime.datetime.now)
        class Meta:
            database = db
            table_name = 'survey'
    db.create_tables([Survey])

    class SurveyLink(Model):
        survey = ForeignKeyField(Survey, on_delete='CASCADE')
        code = CharField(unique=True)
        label = CharField()
        closed = BooleanField(default=False)
        created_at = DateTimeField(default=datetime.datetime.now)
        class Meta:
            database = db
            table_name = 'survey_link'
    db.create_tables([SurveyLink])

    class Response(Model):
        survey = ForeignKeyField(Survey, on_delete='CASCADE')
        link = ForeignKeyField(SurveyLink, null=True, on_delete='SET NULL')
        idempotency_key = CharField(unique=True)
        submitted_on = DateField(index=True, default=datetime.date.today)
        age_band = CharField(default='')
        class Meta:
            database = db
            table_name = 'response'
    db.create_tables([Response])

    class Question(Model):
        version = IntegerField(default=1)
        survey = ForeignKeyField(Survey, on_delete='CASCADE')
        position = IntegerField()
        kind = CharField()
        prompt = TextField()
        hint = TextField(default='')
        options = TextField(default='[]')
        key = CharField()
        standard = ForeignKeyField(Standard, null=True, on_delete='SET NULL')
        class Meta:
            database = db
            table_name = 'question'
            indexes = ((('survey', 'key'), True),)
    db.create_tables([Question])

    class Answer(Model):
        response = ForeignKeyField(Response, on_delete='CASCADE')
        question = ForeignKeyField(Question, on_delete='CASCADE')
        value = TextField()
        class Meta:
            database = db
            table_name = 'answer'
            indexes = ((('response', 'question', 'value'), True),)
    db.create_tables([Answer])

    class Flag(Model):
        answer = ForeignKeyField(Answer, unique=True, on_delete='CASCADE')
        phrases = CharField(default='')
        reviewed = BooleanField(default=False)
        note = TextField(default='')
        reviewed_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        reviewed_at = DateTimeField(null=True)
        class Meta:
            database = db
            table_name = 'flag'
    db.create_tables([Flag])

    class SafeguardingTerm(Model):
        phrase = CharField(unique=True)
        class Meta:
            database = db
            table_name = 'safeguarding_term'
    db.create_tables([SafeguardingTerm])

    class SurveyDraft(Model):
        visit_key = CharField(unique=True)
        link = ForeignKeyField(SurveyLink, on_delete='CASCADE')
        answers = TextField(default='{}')
        age_band = CharField(default='')
        updated_at = DateTimeField(index=True, default=datetime.datetime.now)
        class Meta:
            database = db
            table_name = 'survey_draft'
    db.create_tables([SurveyDraft])

    class SurveySettings(Model):
        safety_message = TextField(default='If you are worried about your safety, talk to an adult you trust, or call Childline on 0800 1111. It is free and they will listen.')
        retention_years = IntegerField(default=3)
        class Meta:
            database = db
            table_name = 'survey_settings'
    db.create_tables([SurveySettings])

    class YouSaidWeDid(Model):
        version = IntegerField(default=1)
        survey = ForeignKeyField(Survey, on_delete='CASCADE')
        you_said = TextField()
        we_did = TextField()
        published = BooleanField(default=False)
        created_at = DateTimeField(default=datetime.datetime.now)
        class Meta:
            database = db
            table_name = 'you_said_we_did'
    db.create_tables([YouSaidWeDid])

    SafeguardingTerm.insert_many([{"phrase": phrase} for phrase in PHRASES]).execute()
    SurveySettings.create()


def down(migrator, db):
    migrator.migrate(migrator.drop_table('you_said_we_did'))
    migrator.migrate(migrator.drop_table('survey_settings'))
    migrator.migrate(migrator.drop_table('survey_draft'))
    migrator.migrate(migrator.drop_table('safeguarding_term'))
    migrator.migrate(migrator.drop_table('flag'))
    migrator.migrate(migrator.drop_table('answer'))
    migrator.migrate(migrator.drop_table('question'))
    migrator.migrate(migrator.drop_table('response'))
    migrator.migrate(migrator.drop_table('survey_link'))
    migrator.migrate(migrator.drop_table('survey'))
