"""Chasing settings that have not returned: each reminder due (chasing_rules.next_stage) becomes
an email to the setting's lead, and after the second reminder one to its head and its chair of
governors. Sent by the daily `flask reminders` (the `reminders` declaration), each recorded as a
Chase so it goes once and the non-returners list shows it."""

from datetime import date

from qa.cycles.models import Cycle
from qa.db import db
from qa.people.models import User
from qa.schools import chasing_rules
from qa.schools import returns_queries as queries
from qa.schools.models import Chase, Setting


def messages(today=None):
    """[(to, subject, body)] of the reminders due today, recorded as sent."""
    today = today or date.today()
    cycle = Cycle.current(today)
    if cycle is None or cycle.deadline is None:
        return []
    with db.atomic("IMMEDIATE"):
        late = queries.non_returners(cycle, queries.not_returned(queries.progress(cycle)))
        leads = {}
        for user in User.select().where(
            User.role == "agency_lead",
            User.active == True,  # noqa: E712
            User.agency.in_([each.row["agency"] for each in late]),
        ):
            leads.setdefault(user.agency_id, []).append(user.email)
        heads = _heads_and_chairs([each.row["id"] for each in late])
        found = []
        for each in late:
            stage = chasing_rules.next_stage(each.deadline, today, each.chases)
            if stage is None:
                continue
            to = leads.get(each.row["agency"], [])
            head, chair = heads.get(each.row["id"], ("", ""))
            if stage == 3:
                to = to + [e for e in (head, chair) if e]
            elif not to and head:
                to = [head]  # no lead has an account yet: the head is asked instead
            if not to:
                continue
            Chase.create(
                setting=each.row["id"],
                cycle=cycle,
                stage=stage,
                sent_on=today,
                sent_to=", ".join(to),
            )
            found += [(address, *_words(stage, each, cycle, today)) for address in to]
    return found


def _heads_and_chairs(setting_ids):

    found = {}
    for setting in Setting.select().where(Setting.id.in_(setting_ids)):
        found[setting.id] = (setting.head_email, setting.chair_email)
    return found


def _words(stage, each, cycle, today):
    name, due = each.row["name"], f"{each.deadline:%-d %B %Y}"
    then = (
        "The deadline has passed and the return is locked: please ask the partnership's QA "
        "officer for a later deadline."
        if chasing_rules.locked(each.deadline, today)
        else "Please complete it in the QA system; after the deadline it locks."
    )
    if stage == 3:
        return (
            f"{name}: safeguarding return not yet received",
            f"{name} has not yet sent its {cycle.name} section 175/157 safeguarding return, due "
            f"by {due}, after two reminders to its designated safeguarding lead. As its head or "
            f"chair of governors, please make sure it is completed and submitted. {then}",
        )
    return (
        f"{chasing_rules.STAGES[stage]}: safeguarding return due by {due}",
        f"{name}'s {cycle.name} section 175/157 safeguarding return is due by {due} and has not "
        f"been submitted yet. {then}",
    )
