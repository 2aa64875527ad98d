"""Reading frameworks and their standards."""

from peewee import JOIN, fn

from qa.frameworks.models import Framework, Standard


def with_standard_counts():
    """Every framework by name, each with `standard_count`."""
    return (
        Framework.select(Framework, fn.COUNT(Standard.id).alias("standard_count"))
        .join(Standard, on=(Standard.framework == Framework.id), join_type=JOIN.LEFT_OUTER)
        .group_by(Framework.id)
        .order_by(Framework.name)
    )


def name_taken(name):
    return Framework.select().where(Framework.name == name).exists()


def standards_of(framework):
    """A framework's standards in their order."""
    return Standard.select().where(Standard.framework == framework).order_by(Standard.position)


def next_position(framework):
    """The place after the framework's last standard."""
    last = Standard.select(fn.MAX(Standard.position)).where(Standard.framework == framework)
    return (last.scalar() or 0) + 1


def standard_with_framework():
    """Standards with their framework loaded."""
    return Standard.select(Standard, Framework).join(Framework)
