"""Children's survey safety (issue 17): the built-in themes (qa.surveys.disclosure) replace the
first safeguarding phrases, which flagged "kicked a ball", "secret den" and "hungry after PE"; the
partnership's own added phrases stay."""
from peewee import *

FIRST_PHRASES = [
    "hurt", "hurts me", "scared", "frightened", "afraid", "not safe", "unsafe", "hit", "hits me", "kick",
    "punch", "slap", "touched", "touch me", "abuse", "abused", "bully", "bullied", "want to die",
    "kill myself", "suicide", "self harm", "cut myself", "hurt myself", "run away", "no food", "hungry",
    "locked in", "secret", "groomed", "rape", "knife", "gang", "drugs", "don't feel safe", "nobody listens",
]


def up(migrator, db):
    db.execute_sql(
        "DELETE FROM safeguarding_term WHERE phrase IN (%s)" % ", ".join("?" * len(FIRST_PHRASES)),
        FIRST_PHRASES,
    )


def down(migrator, db):
    for phrase in FIRST_PHRASES:
        db.execute_sql("INSERT OR IGNORE INTO safeguarding_term (phrase) VALUES (?)", (phrase,))
