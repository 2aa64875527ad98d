"""Demo pairings: two more 2026-27 events paired by the engine.

(an obvious pair, and a related-sector peer), one left for a newcomer.
"""

from datetime import date, datetime, time

from qa.challenge import scheduling
from qa.challenge.models import LIVE, ChallengeEvent, Visitor
from qa.cycles.models import Cycle
from qa.pairing import apply, planning
from qa.pairing.models import NeverPair
from qa.people.models import Agency, User

THIS = "2026-27"
# (agency, day, start, end, place, why chosen). GP Federation: a health peer with no visits and no
# conflicts is the obvious
# choice. Family Help: its only children's social care reviewers work there or manage it, so a
# related sector is chosen.
# Little Acorns (from the challenge demo) is left without visitors for a newcomer to pair.
EVENTS = [
    (
        "Northbrook GP Federation",
        date(2027, 2, 3),
        13,
        16,
        "GP Federation offices, 4 Market Row, training room",
        "Never challenged. Practices are the first to hear of many concerns, and the return was "
        "thin on supervision.",
    ),
    (
        "Northbrook Council Family Help",
        date(2027, 2, 24),
        10,
        13,
        "Civic Centre, committee room 1",
        "Never challenged. The new Family Help service took over early help cases this year.",
    ),
]
NEVER = [
    (
        "Graham Lewis",
        "Rachel Green",
        "Oak Hill Primary is in a formal improvement partnership led by Graham's college.",
    )
]


def load(demo=None):
    """Add the two events and let pairing pair them (safe to run again: nothing is added or paired
    twice)."""
    cycle = Cycle.get_or_none(Cycle.name == THIS)
    admin = User.select().where(User.role == "admin").order_by(User.id).first()
    people = {u.name: u for u in User.select().where(User.role == "reviewer")}
    if cycle is None or admin is None or not people:
        return
    for a, b, reason in NEVER:
        low, high = sorted((people[a].id, people[b].id))
        NeverPair.get_or_create(
            user_a=low, user_b=high, defaults={"reason": reason, "created_by": admin}
        )
    events = [_event(cycle, row, admin) for row in EVENTS]
    ids = [
        e.id
        for e in events
        if e is not None and not Visitor.select().where(Visitor.event == e).exists()
    ]
    if ids:
        plan = planning.propose(cycle)
        chosen = {
            row.record.id: (row.pairing.lead_id, row.pairing.peer_id)
            for row in plan.paired
            if row.record.id in ids
        }
        apply.apply(cycle, chosen, admin)


def _event(cycle, row, admin):
    name, day, start, end, place, reason = row
    agency = Agency.get_or_none(Agency.name == name)
    if agency is None:
        return None
    found = ChallengeEvent.get_or_none(
        (ChallengeEvent.cycle == cycle)
        & (ChallengeEvent.agency == agency)
        & ChallengeEvent.status.in_(LIVE)
    )
    if found is not None:
        return found
    event = scheduling.choose(cycle, [(agency, reason)], admin)[0]
    return scheduling.schedule(
        event,
        event.version,
        datetime.combine(day, time(start)),
        datetime.combine(day, time(end)),
        place,
        admin,
    )
