"""Children's survey safety (issue 17): the people the partnership names to review written answers
and flags; the local help number and privacy contact shown to children; and the built-in themes
(qa.surveys.disclosure) replace the first safeguarding phrases, which flagged "kicked a ball",
"secret den" and "hungry after PE" (the partnership's own added phrases stay)."""
from peewee import *

FIRST_PHRASES = [
    "hurt", "hurts me", "scared", "frightened", "afraid", "not safe", "unsafe", "hit", "hits me", "kick",
    "punch", "slap", "touched", "touch me", "abuse", "abused", "bully", "bullied", "want to die",
    "kill myself", "suicide", "self harm", "cut myself", "hurt myself", "run away", "no food", "hungry",
    "locked in", "secret", "groomed", "rape", "knife", "gang", "drugs", "don't feel safe", "nobody listens",
]


def up(migrator, db):
    class User(Model):
        class Meta:
            database = db
            table_name = 'user'

    class FlagReviewer(Model):
        user = ForeignKeyField(User, unique=True, on_delete='CASCADE')
        class Meta:
            database = db
            table_name = 'flag_reviewer'
    db.create_tables([FlagReviewer])

    migrator.migrate(migrator.add_column('survey_settings', 'help_name', CharField(default='')))
    migrator.migrate(migrator.add_column('survey_settings', 'help_phone', CharField(default='')))
    migrator.migrate(migrator.add_column('survey_settings', 'privacy_contact', CharField(default='')))

    db.execute_sql(
        "DELETE FROM safeguarding_term WHERE phrase IN (%s)" % ", ".join("?" * len(FIRST_PHRASES)),
        FIRST_PHRASES,
    )


def down(migrator, db):
    for phrase in FIRST_PHRASES:
        db.execute_sql("INSERT OR IGNORE INTO safeguarding_term (phrase) VALUES (?)", (phrase,))
    migrator.migrate(migrator.drop_column('survey_settings', 'privacy_contact'))
    migrator.migrate(migrator.drop_column('survey_settings', 'help_phone'))
    migrator.migrate(migrator.drop_column('survey_settings', 'help_name'))
    migrator.migrate(migrator.drop_table('flag_reviewer'))
