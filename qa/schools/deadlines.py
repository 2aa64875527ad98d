"""A school's return locks after its deadline; an admin may give one setting a later deadline,
with the reason (audited)."""

from peewee import JOIN

from qa import audit
from qa.db import db
from qa.people.models import Agency
from qa.schools import chasing_rules
from qa.schools.models import Extension, Setting


def lock_reason(ret, today):
    """Why a setting's return may not change: its deadline passed (a section11 `return_locks`
    hook); None for an agency that is not a setting, or before its deadline."""
    row = (
        Setting.select(Agency.name, Extension.until)
        .join(Agency)
        .switch(Setting)
        .join(
            Extension,
            JOIN.LEFT_OUTER,
            on=(Extension.setting == Setting.id) & (Extension.cycle == ret.cycle_id),
        )
        .where(Setting.agency == ret.agency_id)
        .tuples()
        .first()
    )
    if row is None:
        return None
    name, until = row
    deadline = chasing_rules.deadline_for(ret.cycle.deadline, until)
    if chasing_rules.locked(deadline, today):
        return chasing_rules.lock_sentence(deadline, name)
    return None


def extend(setting, cycle, until, reason, who):
    """Give the setting a later deadline for the cycle's return, for the reason given."""
    with db.atomic("IMMEDIATE"):
        found = Extension.get_or_none((Extension.setting == setting) & (Extension.cycle == cycle))
        before = found.until if found else cycle.deadline
        if found:
            found.until, found.reason, found.granted_by = until, reason, who
            found.save()
        else:
            found = Extension.create(
                setting=setting, cycle=cycle, until=until, reason=reason, granted_by=who
            )
        audit.record(
            who,
            "extended",
            setting,
            f"Extended the deadline of {setting.agency.name}'s {cycle.name} return to "
            f"{until:%-d %B %Y}: {reason}",
            {"deadline": [f"{before:%-d %B %Y}" if before else "", f"{until:%-d %B %Y}"]},
        )
    return found
