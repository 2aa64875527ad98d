"""An audit cycle ("2026-27") with its dates and the deadline for returns."""

from peewee import CharField, DateField

from qa.db import VersionedModel
from qa.ids import parse_id


class NoCycle(Exception):
    """The partnership has opened no audit cycle yet: a page about a cycle says so, and points an
    admin to opening one, instead of "Page not found"."""


class Cycle(VersionedModel):
    name = CharField(unique=True)
    starts = DateField()
    ends = DateField()
    deadline = DateField(null=True)

    def __str__(self):
        return self.name

    @classmethod
    def current(cls, today=None):
        """The cycle that contains today, else the latest."""
        from datetime import date

        today = today or date.today()
        found = (
            cls.select()
            .where((cls.starts <= today) & (cls.ends >= today))
            .order_by(cls.starts.desc())
            .first()
        )
        return found or cls.newest_first().first()

    @classmethod
    def asked(cls, wanted):
        """The cycle whose id is written in `wanted` (a query argument; None when there is no such
        cycle), or the current one when `wanted` is not an id. Raises NoCycle when there is none."""
        cycle_id = parse_id(wanted)
        if cycle_id:
            return cls.get_or_none(cls.id == cycle_id)
        found = cls.current()
        if found is None:
            raise NoCycle()
        return found

    @classmethod
    def newest_first(cls):
        """Every cycle, the latest first."""
        return cls.select().order_by(cls.starts.desc())

    @classmethod
    def name_taken(cls, name, other_than=None):
        """Another cycle (than the one with id `other_than`) already has this name."""
        query = cls.select().where(cls.name == name)
        if other_than:
            query = query.where(cls.id != other_than)
        return query.exists()


MODELS = [Cycle]
