"""Saving pairings the admin accepted.

Every hard rule checked again against the database as it is now, then one transaction.
"""

from qa import audit
from qa.challenge import scheduling
from qa.challenge.models import ChallengeEvent, ClashOverride, Visitor
from qa.db import db
from qa.pairing import inputs, planning, rules, words
from qa.pairing.data import LEAD, PEER, HardRule
from qa.pairing.models import PairingPin
from qa.people.models import Agency

# What clashes.py already checks (and records when overridden) inside assign_visitor; the rest are
# pairing's own.
CHECKED_BY_SCHEDULING = {
    HardRule.OWN_AGENCY,
    HardRule.CONFLICT,
    HardRule.UNAVAILABLE,
    HardRule.BUSY,
}


class WorldChanged(Exception):
    """Something changed since the proposal was shown; `problems` say what, and nothing was
    saved."""

    def __init__(self, problems):
        super().__init__("; ".join(problems))
        self.problems = problems


def apply(cycle, chosen, who):
    """Save each accepted pair {event id: (lead id, peer id)}: how='auto', or 'manual' for a pinned
    visitor.

    All or nothing: if any pair now breaks a rule it did not break when shown (or an event no longer
    needs
    visitors), WorldChanged is raised and nothing is saved.
    """
    with db.atomic("IMMEDIATE"):
        data = inputs.build(cycle)
        assignment = {**_saved_only(data), **chosen}
        problems = _problems(data, chosen, assignment)
        if problems:
            raise WorldChanged(problems)
        visitors = []
        for event in data.events:
            if event.id in chosen:
                visitors.extend(_assign(data, event, chosen[event.id], assignment, who))
        PairingPin.delete().where(PairingPin.event.in_(list(chosen))).execute()
        names = ", ".join(data.records[event_id].agency.name for event_id in chosen)
        audit.record(
            who,
            "applied pairings",
            cycle,
            f"Applied {len(chosen)} pairing{'s' if len(chosen) != 1 else ''} in {cycle.name}: "
            f"{names}",
        )
    return visitors


def _saved_only(data):
    """Events not being applied keep only their saved visitors: another event's pins are not real
    yet."""
    return {
        event.id: tuple(_saved_id(data, event.id, role) for role in (LEAD, PEER))
        for event in data.events
    }


def _saved_id(data, event_id, role):
    visitor = data.saved.get((event_id, role))
    return visitor.user_id if visitor else None


def _problems(data, chosen, assignment):
    gone = [event_id for event_id in chosen if data.event(event_id) is None]
    names = (
        dict(
            ChallengeEvent.select(ChallengeEvent.id, Agency.name)
            .join(Agency)
            .where(ChallengeEvent.id.in_(gone))
            .tuples()
        )
        if gone
        else {}
    )
    problems = [
        f"{names.get(event_id, 'An event')} no longer needs visitors, or no longer has a date."
        for event_id in gone
    ]
    for event_id, pair in chosen.items():
        event = data.event(event_id)
        if event is not None:
            problems.extend(
                _slot_problem(data, event, role, user_id, assignment)
                for role, user_id in zip((LEAD, PEER), pair, strict=True)
            )
    return [p for p in problems if p]


def _slot_problem(data, event, role, user_id, assignment):
    agency, noun = event.agency_name, "lead" if role == LEAD else "peer"
    saved = data.saved.get((event.id, role))
    if saved is not None:
        return (
            "" if saved.user_id == user_id else f"{agency} now has {saved.user.name} as its {noun}."
        )
    person = data.person(user_id)
    if person is None:
        return f"The {noun} proposed for {agency} can no longer visit."
    pin = data.pins.get((event.id, role))
    if pin is not None and pin.user_id != user_id:
        return f"The {noun} pinned for {agency} has changed to {data.users[pin.user_id].name}."
    allowed = pin.broken_rules if pin is not None else set()
    new = [
        rule
        for rule in rules.check_hard_rules(
            event,
            role,
            person,
            data.context,
            people=data.people,
            events=data.events,
            assignment=assignment,
        )
        if rule.name not in allowed
    ]
    if not new:
        return ""
    partner = data.person(assignment[event.id][1 if role == LEAD else 0])
    return (
        "; ".join(words.describe_breach(rule, event, role, person, partner) for rule in new) + "."
    )


def _assign(data, event, pair, assignment, who):
    record = data.records[event.id]
    lines = planning.explain_pair(data, event, pair[0], pair[1], assignment)
    made = []
    for role, user_id in zip((LEAD, PEER), pair, strict=True):
        if (event.id, role) in data.saved:
            continue
        pin = data.pins.get((event.id, role))
        reason = pin.reason if pin is not None and pin.broken else None
        try:
            visitor = scheduling.assign_visitor(
                record,
                data.users[user_id],
                role,
                "manual" if pin else "auto",
                planning.visitor_explanation(lines, role),
                who,
                reason,
            )
        except (scheduling.Clashes, scheduling.ScheduleError) as error:
            raise WorldChanged([str(error)]) from error
        if pin is not None and pin.broken:
            _record_override(record, visitor, pin, event, role, data, assignment, who)
        made.append(visitor)
    return made


def _record_override(record, visitor, pin, event, role, data, assignment, who):
    """Keep the admin's reason on the visitor, and the pairing rules it overrode beside the clashes
    scheduling recorded."""
    if not visitor.override_reason:
        Visitor.update(override_reason=pin.reason).where(Visitor.id == visitor.id).execute()
        visitor.override_reason = pin.reason
    person = data.person(pin.user_id)
    partner = data.person(assignment[event.id][1 if role == LEAD else 0])
    own = [
        rule
        for rule in HardRule
        if rule.name in pin.broken_rules and rule not in CHECKED_BY_SCHEDULING
    ]
    if own:
        texts = [
            _sentence(words.describe_breach(rule, event, role, person, partner)) for rule in own
        ]
        ClashOverride.create(event=record, clashes="\n".join(texts), reason=pin.reason, by=who)
        audit.record(
            who,
            "overrode pairing rule",
            record,
            f"Put {person.name} on the {record} despite: " + " ".join(texts),
        )


def _sentence(fragment):
    return fragment[:1].upper() + fragment[1:] + "."
