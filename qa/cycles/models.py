"""An audit cycle ("2026-27") with its dates and the deadline for returns."""

from peewee import CharField, DateField

from qa.db import VersionedModel


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
        return found or cls.select().order_by(cls.starts.desc()).first()


MODELS = [Cycle]
