"""Solver inputs from the database.

A cycle's dated events still needing visitors, who might go, and what they did before.

Twelve queries whatever the size of the partnership (see build; the last names whoever saved or
pinned a visitor). What the numbers mean:
* visits_this_cycle: the person's visits to this cycle's live events other than the ones being
paired
  (their existing visitors are passed as pins instead, as the solver expects);
* visits_last_three_cycles: visits to live events of the three cycles before this one;
* previous_visits_total: visits to events that have been held (held, agreed or reported), any cycle:
  0 means a first-time visitor;
* visited_agency_ids: agencies whose held events they visited; busy_dates: days of every live event
  they visit, in any cycle, other than the ones being paired.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from peewee import JOIN, Case, Value, fn

from qa.challenge.models import LIVE, ChallengeEvent, Visitor
from qa.challenge.queries import events_needing_visitors
from qa.cycles.models import Cycle
from qa.pairing.data import LEAD, PEER, Context, Event, Person
from qa.pairing.models import NeverPair, PairingPin
from qa.people.models import (
    Agency,
    Conflict,
    DatePreference,
    PreferredSector,
    Sector,
    Unavailability,
    User,
)

HELD = ("held", "agreed", "reported")
VISITING_ROLES = ("reviewer", "admin")  # the roles assign_visitor accepts


@dataclass
class Inputs:
    cycle: Cycle
    # solver Events, soonest first; pinned ids are saved visitors, else the admin's pins
    events: list
    people: list  # solver Persons: everyone who may visit, and anyone already saved or pinned
    context: Context
    records: dict  # event id -> ChallengeEvent (agency, sector, cycle joined; .visitors prefetched)
    users: dict  # user id -> User (agency and sector joined) for every Person
    # ChallengeEvents needing visitors but with no date yet
    undated: list = field(default_factory=list)
    saved: dict = field(default_factory=dict)  # (event id, role) -> Visitor already saved
    # (event id, role) -> PairingPin for a slot not yet saved
    pins: dict = field(default_factory=dict)
    never_pairs: list = field(default_factory=list)  # NeverPair rows
    names: dict = field(
        default_factory=dict
    )  # user id -> name of whoever saved or pinned a visitor

    def __post_init__(self):
        self._people = {p.id: p for p in self.people}
        self._events = {e.id: e for e in self.events}

    def person(self, user_id):
        return self._people.get(user_id)

    def event(self, event_id):
        return self._events.get(event_id)

    def fixed_assignment(self):
        """Only what is certain or chosen by hand: saved visitors and pins, per event."""
        return {e.id: (e.pinned_lead_id, e.pinned_peer_id) for e in self.events}


def build(cycle):
    """The cycle's pairing problem as the database holds it now."""
    records = list(events_needing_visitors(cycle))  # 2 queries: events, then their visitors
    dated = [r for r in records if r.starts_at is not None]
    undated = [r for r in records if r.starts_at is None]
    ids = [r.id for r in dated]
    saved = {(r.id, v.role): v for r in dated for v in r.visitors}
    pins = {
        (p.event_id, p.role): p
        for p in PairingPin.select().where(PairingPin.event.in_(ids))
        if (p.event_id, p.role) not in saved
    }
    # 1-2 queries
    users = _users({v.user_id for v in saved.values()} | {p.user_id for p in pins.values()})
    history = _history(cycle, set(ids))  # 2 queries
    days = {r.starts_at.date() for r in dated}
    conflicts, unavailable = _declared(list(users), days)  # 2 queries
    wishes = _wishes(list(users), days)  # 1 query
    never = list(NeverPair.select())
    organisation = organisations()
    people = [
        _person(user, history, conflicts[user.id], unavailable[user.id], days, organisation, wishes)
        for user in users.values()
    ]
    events = [_event(r, saved, pins, organisation) for r in dated]
    context = Context(
        never_pair=[(n.user_a_id, n.user_b_id) for n in never],
        last_cycle_pairs=history.last_cycle_pairs,
        existing_peer_visits=history.peer_visits,
    )
    by = {v.assigned_by_id for v in saved.values()} | {p.by_id for p in pins.values()}
    by.discard(None)
    names = dict(User.select(User.id, User.name).where(User.id.in_(by)).tuples()) if by else {}
    return Inputs(
        cycle,
        events,
        people,
        context,
        {r.id: r for r in dated},
        users,
        undated,
        saved,
        pins,
        never,
        names,
    )


def _users(extra_ids):
    """Everyone who may visit, plus anyone already saved or pinned who no longer may (they keep
    their place)."""
    query = (
        User.select(User, Agency, Sector)
        .join(Agency, JOIN.LEFT_OUTER)
        .join(Sector, JOIN.LEFT_OUTER)
        .order_by(User.name)
    )
    users = {u.id: u for u in query.where((User.active == True) & User.role.in_(VISITING_ROLES))}
    missing = extra_ids - set(users)
    if missing:
        users.update({u.id: u for u in query.where(User.id.in_(missing))})
    return users


@dataclass
class _History:
    this_cycle: dict = field(default_factory=lambda: defaultdict(int))
    last_three: dict = field(default_factory=lambda: defaultdict(int))
    held: dict = field(default_factory=lambda: defaultdict(int))
    agencies: dict = field(default_factory=lambda: defaultdict(set))
    busy: dict = field(default_factory=lambda: defaultdict(set))
    last_cycle_pairs: set = field(default_factory=set)
    peer_visits: set = field(default_factory=set)


def _history(cycle, proposal_ids):
    """Every live visit ever, summed per person: one query for the earlier cycles, one for the
    visits."""
    earlier = [
        c.id
        for c in Cycle.select(Cycle.id)
        .where(Cycle.starts < cycle.starts)
        .order_by(Cycle.starts.desc())
        .limit(3)
    ]
    rows = (
        Visitor.select(
            Visitor.user,
            Visitor.role,
            Visitor.event,
            User.agency,
            ChallengeEvent.agency,
            ChallengeEvent.cycle,
            ChallengeEvent.starts_at,
            ChallengeEvent.status,
        )
        .join(User)
        .switch(Visitor)
        .join(ChallengeEvent)
        .where(ChallengeEvent.status.in_(LIVE))
        .tuples()
    )
    found = _History()
    pairs = defaultdict(dict)  # last cycle's event id -> {role: user id}
    for user_id, role, event_id, own_agency, agency, cycle_id, starts_at, status in rows:
        if event_id in proposal_ids:
            continue  # these visitors are pins of the events being paired
        if cycle_id == cycle.id:
            found.this_cycle[user_id] += 1
            if role == PEER and own_agency is not None:
                found.peer_visits.add((own_agency, agency))
        if cycle_id in earlier:
            found.last_three[user_id] += 1
        if earlier and cycle_id == earlier[0]:
            pairs[event_id][role] = user_id
        if status in HELD:
            found.held[user_id] += 1
            found.agencies[user_id].add(agency)
        if starts_at is not None:
            found.busy[user_id].add(starts_at.date())
    found.last_cycle_pairs = {(p[LEAD], p[PEER]) for p in pairs.values() if LEAD in p and PEER in p}
    return found


def _declared(user_ids, days):
    conflicts, unavailable = defaultdict(set), defaultdict(set)
    for user_id, agency_id in (
        Conflict.select(Conflict.user, Conflict.agency).where(Conflict.user.in_(user_ids)).tuples()
    ):
        conflicts[user_id].add(agency_id)
    if days:
        query = Unavailability.select(Unavailability.user, Unavailability.date).where(
            Unavailability.user.in_(user_ids) & Unavailability.date.in_(list(days))
        )
        for user_id, day in query.tuples():
            unavailable[user_id].add(day)
    return conflicts, unavailable


@dataclass
class _Wishes:
    sectors: dict = field(default_factory=lambda: defaultdict(set))  # user id -> sector slugs
    liked: dict = field(default_factory=lambda: defaultdict(set))  # user id -> days that suit
    avoided: dict = field(default_factory=lambda: defaultdict(set))  # user id -> rather not


def _wishes(user_ids, days):
    """What each person would like: sectors to review, and days among `days` that suit them or
    that they would rather not. One query: the two lists as one union, each row (user, what, kind)
    with kind "sector", "liked" or "avoided"."""
    found = _Wishes()
    sectors = (
        PreferredSector.select(PreferredSector.user, Sector.slug, Value("sector"))
        .join(Sector)
        .where(PreferredSector.user.in_(user_ids))
    )
    dated = DatePreference.select(
        DatePreference.user,
        fn.strftime("%Y-%m-%d", DatePreference.date),
        Case(None, [(DatePreference.prefers, "liked")], "avoided"),
    ).where(DatePreference.user.in_(user_ids) & DatePreference.date.in_(list(days) or [None]))
    for user_id, what, kind in (sectors + dated).tuples():
        if kind == "sector":
            found.sectors[user_id].add(what)
        else:
            getattr(found, kind)[user_id].add(date.fromisoformat(what))
    return found


def _person(user, history, conflicts, unavailable, days, organisation, wishes):
    may_visit = user.active and user.role in VISITING_ROLES
    agency = user.agency if user.agency_id else None
    return Person(
        id=user.id,
        name=user.name,
        agency_id=user.agency_id,
        sector=agency.sector.slug if agency else "",
        is_lead_eligible=may_visit and user.subgroup_member,
        # a peer speaks for a similar organisation
        is_peer_eligible=may_visit and agency is not None,
        max_visits=user.max_visits,
        min_visits=user.min_visits,
        visits_this_cycle=history.this_cycle[user.id],
        visits_last_three_cycles=history.last_three[user.id],
        previous_visits_total=history.held[user.id],
        unavailable_dates=frozenset(unavailable),
        conflict_agency_ids=frozenset(conflicts),
        busy_dates=frozenset(history.busy[user.id] & days),
        visited_agency_ids=frozenset(history.agencies[user.id]),
        organisation=organisation(agency.parent_organisation) if agency else "",
        preferred_sectors=frozenset(wishes.sectors[user.id]),
        preferred_dates=frozenset(wishes.liked[user.id]),
        avoided_dates=frozenset(wishes.avoided[user.id]),
    )


def organisations():
    """A parent organisation as the engine compares it (a function): spaces tidied and the first
    spelling seen kept, so "northbrook  council" and "Northbrook Council" are one."""
    spellings = {}

    def organisation(name):
        tidy = " ".join((name or "").split())
        return spellings.setdefault(tidy.casefold(), tidy) if tidy else ""

    return organisation


def _event(record, saved, pins, organisation):
    def fixed(role):
        chosen = saved.get((record.id, role)) or pins.get((record.id, role))
        return chosen.user_id if chosen else None

    return Event(
        id=record.id,
        agency_id=record.agency_id,
        agency_name=record.agency.name,
        sector=record.agency.sector.slug,
        date=record.starts_at.date(),
        pinned_lead_id=fixed(LEAD),
        pinned_peer_id=fixed(PEER),
        organisation=organisation(record.agency.parent_organisation),
    )
