"""A framework is an ordered list of standards that agencies rate themselves against."""

from peewee import BooleanField, CharField, ForeignKeyField, IntegerField, TextField

from qa.db import VersionedModel


class Framework(VersionedModel):
    name = CharField(unique=True)
    description = TextField(default="")
    active = BooleanField(default=True)

    def __str__(self):
        return self.name


class Standard(VersionedModel):
    framework = ForeignKeyField(Framework, backref="standards", on_delete="CASCADE")
    position = IntegerField()
    code = CharField()
    title = CharField()
    guidance = TextField(default="")
    challenge_prompts = TextField(default="")

    class Meta:
        indexes = ((("framework", "code"), True),)

    def __str__(self):
        return f"{self.code} {self.title}"

    @property
    def prompts(self):
        return [line.strip() for line in self.challenge_prompts.splitlines() if line.strip()]


MODELS = [Framework, Standard]
