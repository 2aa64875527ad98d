"""Seed the Section 11 framework (nine standards) and the shorter schools framework."""
from qa.frameworks.seed import seed


def up(migrator, db):
    seed(db)
