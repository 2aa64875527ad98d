"""Demo challenge events.

Last cycle's five held, agreed and reported; this cycle's shortlist scheduled for January to March
2027.
"""

import random
from datetime import date, datetime, time, timedelta

from qa.challenge import findings, queries, scheduling, selection
from qa.challenge.demo_text import NOTES, ON_THE_DAY, RECOMMEND, SUMMARIES, SUMMARY, TEXT
from qa.challenge.models import ChallengeEvent, Finding, Visitor
from qa.cycles.models import Cycle
from qa.frameworks.models import Standard
from qa.people.models import Agency, User

LAST, THIS = "2025-26", "2026-27"
# (agency, day, start, end, place, lead, peer, why the sub-group chose it)
LAST_EVENTS = [
    (
        "Northbrook Constabulary",
        date(2026, 1, 14),
        10,
        13,
        "Northbrook Police HQ, Castle Street, meeting room 2",
        "Neil Foster",
        "Ryan Doherty",
        "Never challenged. The sub-group wanted to test how the new vulnerability hub shares "
        "information with health and schools.",
    ),
    (
        "Northbrook Hospitals NHS Foundation Trust",
        date(2026, 1, 28),
        10,
        13,
        "Northbrook General Hospital, education centre room 4",
        "Dr Samir Patel",
        "Ben Ashworth",
        "Never challenged. Two learning reviews this year involved the emergency department.",
    ),
    (
        "Oak Hill Primary School",
        date(2026, 2, 11),
        13,
        16,
        "Oak Hill Primary School, staff room",
        "Graham Lewis",
        "Tom Jenkins",
        "Never challenged, and the first school to be. Rated every standard green, which the "
        "sub-group wanted to test.",
    ),
    (
        "Northbrook Homes",
        date(2026, 2, 25),
        10,
        12,
        "Northbrook Homes, Riverside House, room 1",
        "Yvonne Clarke",
        "Victor Nunes",
        "Never challenged. Housing staff see families other agencies do not, and the return was "
        "thin on training.",
    ),
    (
        "Northbrook Youth Trust",
        date(2026, 3, 11),
        17,
        19,
        "Northbrook Youth Trust, The Hub, Mill Lane",
        "Sophie Turner",
        "Sean Murphy",
        "Never challenged. The largest voluntary sector provider, relying heavily on volunteers.",
    ),
]
THIS_EVENTS = [
    (
        "Northbrook Council Children's Services",
        date(2027, 1, 19),
        9.5,
        12.5,
        "Civic Centre, committee room 3",
        "Eleanor Watts",
        "Faisal Malik",
    ),
    (
        "Millbrook Academy",
        date(2027, 1, 27),
        13.5,
        16,
        "Millbrook Academy, conference room",
        "Michael Grant",
        "Harriet Cole",
    ),
    (
        "Northbrook Community Health NHS Trust",
        date(2027, 2, 10),
        10,
        13,
        "https://meet.example.org/northbrook-community-health-challenge",
        "Dr Samir Patel",
        "Anita Desai",
    ),
    (
        "Northbrook Probation Delivery Unit",
        date(2027, 3, 9),
        10,
        12.5,
        "Probation office, 12 Station Road, interview suite",
        "Darren Kaur",
        "Insp Joy Mbeki",
    ),
    (
        "Little Acorns Nursery Group",
        date(2027, 3, 17),
        10,
        12,
        "Little Acorns, Elm Street nursery, parents' room",
        None,
        None,
    ),
]
OVERRIDE = (
    "Anita has moved her leave to the following week (her email of 20 November 2026); no other "
    "health peer is free that week."
)
MANUAL = {
    "Insp Joy Mbeki": "No peer reviewer works in probation; a police inspector brings criminal "
    "justice experience."
}


def load(demo=None):
    """Add the demo events (safe to run again: a cycle that already has events is left as it is)."""
    cycles = {c.name: c for c in Cycle.select().where(Cycle.name.in_([LAST, THIS]))}
    admin = User.select().where(User.role == "admin").order_by(User.id).first()
    if len(cycles) < 2 or admin is None:
        return
    people = {u.name: u for u in User.select().where(User.role == "reviewer")}
    agencies = {a.name: a for a in Agency.select()}
    if not ChallengeEvent.select().where(ChallengeEvent.cycle == cycles[LAST]).exists():
        for row in LAST_EVENTS:
            _held(cycles[LAST], agencies[row[0]], row, people, admin)
    if not ChallengeEvent.select().where(ChallengeEvent.cycle == cycles[THIS]).exists():
        _this_cycle(cycles[THIS], agencies, people, admin)


def _at(day, hour):
    return datetime.combine(day, time(int(hour), int(round((hour % 1) * 60))))


def _held(cycle, agency, row, people, admin):
    """One of last cycle's events, taken through every step to reported, with findings in words."""
    name, day, start, end, place, lead, peer, reason = row
    event = scheduling.choose(cycle, [(agency, reason)], admin)[0]
    scheduling.assign_visitor(event, people[lead], "lead", "manual", "", admin)
    scheduling.assign_visitor(event, people[peer], "peer", "manual", "", admin)
    event = ChallengeEvent.get_by_id(event.id)
    scheduling.schedule(event, event.version, _at(day, start), _at(day, end), place, admin)
    event = ChallengeEvent.get_by_id(event.id)
    scheduling.mark_held(event, admin)
    _write_findings(event, random.Random(name), people[lead], day)
    for visitor in Visitor.select().where(Visitor.event == event):
        findings.agree(event, visitor, visitor.user)
    agreed = datetime.combine(day + timedelta(days=9), time(16, 0))
    ChallengeEvent.update(agreed_at=agreed).where(ChallengeEvent.id == event.id).execute()
    Visitor.update(agreed_at=agreed).where(Visitor.event == event).execute()
    findings.mark_reported([ChallengeEvent.get_by_id(event.id)], admin)
    ChallengeEvent.update(reported_at=datetime(2026, 4, 22, 14, 0)).where(
        ChallengeEvent.id == event.id
    ).execute()


def _agreed_rag(self_rag, rng):
    """Visitors mostly agree; now and then they find a standard weaker (or, rarely, stronger) than
    rated."""
    roll = rng.random()
    if self_rag == "G":
        return "A" if roll < 0.3 else "G"
    if self_rag == "A":
        return "R" if roll < 0.15 else ("G" if roll > 0.85 else "A")
    if self_rag == "R":
        return "A" if roll > 0.8 else "R"
    return rng.choice("GAA")


def _write_findings(event, rng, writer, day):
    rows = list(
        Finding.select(Finding, Standard)
        .join(Standard)
        .where(Finding.event == event)
        .order_by(Standard.position)
    )
    when = datetime.combine(day, time(15, 0))
    extra = ON_THE_DAY.get(event.agency.sector.slug, ON_THE_DAY["voluntary"])
    for finding in rows:
        agreed = _agreed_rag(finding.self_rag, rng)
        words = TEXT.get(finding.standard.code, TEXT["default"])
        note = NOTES[agreed]
        Finding.update(
            agreed_rag=agreed,
            evidence_seen=f"{words[0]} {rng.choice(extra)}",
            questions_asked=finding.standard.prompts[0] if finding.standard.prompts else "",
            strengths=words[1],
            development=words[2] + (" " + note if note else ""),
            updated_by=writer,
            updated_at=when,
            version=Finding.version + 1,
        ).where(Finding.id == finding.id).execute()
        if agreed in ("R", "A"):
            text, owner = RECOMMEND.get(finding.standard.code, RECOMMEND["default"])
            findings.add_recommendation(
                finding, text, owner, day + timedelta(days=rng.choice([90, 120, 180])), writer
            )
    summary = SUMMARIES.get(event.agency.name) or SUMMARY.format(agency=event.agency.name)
    ChallengeEvent.update(
        summary=summary, summary_version=2, summary_updated_by=writer, summary_updated_at=when
    ).where(ChallengeEvent.id == event.id).execute()


def _this_cycle(cycle, agencies, people, admin):
    """This cycle's shortlist, each with the facts behind it; dates and visitors, one clash
    overridden, one event left for pairing."""
    facts = {c.agency_id: c for c in queries.candidates(cycle)}
    for name, day, start, end, place, lead, peer in THIS_EVENTS:
        agency = agencies[name]
        candidate = facts.get(agency.id)
        why = (
            selection.sentence(selection.reasons(candidate))
            if candidate
            else "Chosen by the sub-group"
        )
        event = scheduling.choose(
            cycle,
            [
                (
                    agency,
                    f"{why}. The sub-group wants to see the evidence behind the self-assessment "
                    "at first hand.",
                )
            ],
            admin,
        )[0]
        scheduling.schedule(event, event.version, _at(day, start), _at(day, end), place, admin)
        event = ChallengeEvent.get_by_id(event.id)
        for role, person in (("lead", lead), ("peer", peer)):
            if person:
                # she declared 10 February unavailable
                override = OVERRIDE if person == "Anita Desai" else None
                scheduling.assign_visitor(
                    event, people[person], role, "manual", MANUAL.get(person, ""), admin, override
                )
