"""A cycle's pairing plan.

Propose and explain (saving nothing), pin a visitor by hand, and the swap and by-hand lists.
"""

from dataclasses import dataclass, field

from qa import audit
from qa.db import db
from qa.pairing import costs, explain, inputs, rules, stability, words
from qa.pairing.data import LEAD, PEER, Event, HardRule, Pairing, Proposal
from qa.pairing.models import PairingPin
from qa.people.models import User

# The solver is imported where it is used: OR-Tools (with numpy and pandas) takes most of a second
# to import, which every one-off `flask` command and every page that makes no proposal would pay.

TIME_LIMIT_S = 5.0
COST_TABLE = [
    ("Peer from the visited agency's own sector", costs.SAME_SECTOR_COST),
    ("Peer from a related sector", costs.RELATED_SECTOR_COST),
    ("Peer from an unrelated sector", costs.UNRELATED_SECTOR_COST),
    ("Each visit the person already has this cycle", costs.VISIT_THIS_CYCLE_COST),
    ("Each visit they made in the last three cycles", costs.VISIT_LAST_THREE_CYCLES_COST),
    ("Visitor has visited this agency before", costs.REPEAT_AGENCY_VISIT_COST),
    ("Lead and peer were paired together last cycle", costs.REPEAT_PAIRING_COST),
    ("Both would be first-time visitors", costs.TWO_FIRST_TIMERS_COST),
    (
        "Each visit that brings someone towards the fewest visits asked of them",
        -costs.UNDER_MINIMUM_COST,
    ),
    ("Visit to a sector the visitor asked to review", costs.PREFERRED_SECTOR_COST),
    ("Visit on a day the visitor would like", costs.PREFERRED_DATE_COST),
    ("Visit on a day the visitor would rather not", costs.AVOIDED_DATE_COST),
    (
        "When the proposal is worked out again: each visitor changed from the one shown before",
        costs.CHANGE_COST,
    ),
]
COST_WORDS = words.TERM_WORDS
STABILITY_WORDS = (
    f"When you propose again, a visitor shown before is changed only if they can no longer go, "
    f"are needed elsewhere, or the change saves at least {costs.STABILITY_THRESHOLD} points."
)
# assign_visitor refuses these whatever the reason
NEVER_OVERRIDDEN = (HardRule.NOT_ELIGIBLE, HardRule.SAME_PERSON)


class PinError(ValueError):
    """A pin that cannot be made; `breaches` lists the rules in words when a reason would allow
    it."""

    def __init__(self, message, breaches=()):
        super().__init__(message)
        self.breaches = list(breaches)


@dataclass
class Slot:
    role: str
    user: object = None  # the User proposed, saved or pinned; None when nobody could be found
    saved: object = None  # Visitor already saved on the event
    pin: object = None  # PairingPin the admin set while planning
    # solver Candidates for the swap list, cheapest first
    candidates: list = field(default_factory=list)
    # the Candidates who would cost exactly as much as the one proposed: other equally good choices
    alternatives: list = field(default_factory=list)

    @property
    def open(self):
        return self.saved is None


@dataclass
class Row:
    record: object  # ChallengeEvent
    event: Event
    pairing: Pairing
    lead: Slot
    peer: Slot
    why: list = field(default_factory=list)  # explanation lines when paired
    unpaired: str = ""  # why not, when not

    @property
    def paired(self):
        return self.pairing.paired

    @property
    def slots(self):
        return (self.lead, self.peer)

    @property
    def cost_parts(self):
        """What the cost is made of, e.g. "40 points for the peer's sector, 10 points for the
        lead's other visits" (a bare "lead's visits 10" read as ten visits)."""
        return ", ".join(
            f"{value} points for {COST_WORDS.get(key, key)}"
            for key, value in self.pairing.breakdown.items()
        )


@dataclass
class Plan:
    cycle: object
    data: inputs.Inputs
    proposal: Proposal
    rows: list

    @property
    def paired(self):
        return [row for row in self.rows if row.paired]

    @property
    def undated(self):
        return self.data.undated

    @property
    def shown(self):
        """The proposal as shown, "event:lead:peer" per event (blank for nobody), for the page to
        send back so the next one can say what changed."""
        return " ".join(
            f"{row.record.id}:{row.pairing.lead_id or ''}:{row.pairing.peer_id or ''}"
            for row in self.rows
        )


@dataclass
class Change:
    """One slot a re-run filled differently from the proposal shown before it."""

    record: object  # ChallengeEvent
    role: str
    was: object  # User, or None for nobody
    now: object  # User, or None for nobody
    why: str = ""  # why it changed, and who took the place (stability.change_reason)


def changes(plan, before):
    """Every slot of `plan` whose visitor differs from `before` ({event id: (lead id, peer id)},
    the proposal shown before this one), in the plan's order; events not in `before` are new to
    the page and not counted as changes."""
    found = []
    for row in plan.rows:
        if row.record.id not in before:
            continue
        for role, was_id, now_id in zip(
            (LEAD, PEER),
            before[row.record.id],
            (row.pairing.lead_id, row.pairing.peer_id),
            strict=True,
        ):
            if was_id != now_id:
                found.append((row.record, role, was_id, now_id))
    missing = {was for _, _, was, _ in found if was is not None and was not in plan.data.users}
    users = dict(plan.data.users)
    if missing:
        users.update((u.id, u) for u in User.select().where(User.id.in_(missing)))
    assignment = plan.proposal.assignment()
    return [
        Change(
            record,
            role,
            users.get(was),
            users.get(now),
            stability.change_reason(
                plan.data.event(record.id),
                role,
                was,
                now,
                plan.data.people,
                plan.data.context,
                events=plan.data.events,
                assignment=assignment,
            ),
        )
        for record, role, was, now in found
    ]


def why(reasons):
    """Reasons as one phrase: "Same sector: Health; no visits this cycle; never visited this
    agency"."""
    return "; ".join([*reasons[:1], *(r[:1].lower() + r[1:] for r in reasons[1:])])


def propose(cycle, before=None):
    """The best pairing of every dated event still needing visitors, explained; nothing is saved.

    `before` ({event id: (lead id, peer id)}), the proposal the page showed, makes this a re-run:
    each visitor changed from it costs costs.CHANGE_COST, so only what must change, or what gains
    at least that much, does."""
    from qa.pairing import solver

    data = inputs.build(cycle)
    if before:
        data.events = stability.with_shown(data.events, before)
        data.__post_init__()
    proposal = solver.propose(data.events, data.people, data.context, time_limit_s=TIME_LIMIT_S)
    assignment = proposal.assignment()
    return Plan(
        cycle,
        data,
        proposal,
        [_row(data, event, proposal.pairing_for(event.id), assignment) for event in data.events],
    )


def _row(data, event, pairing, assignment):
    from qa.pairing import solver

    slots = {}
    for role, user_id in ((LEAD, pairing.lead_id), (PEER, pairing.peer_id)):
        slot = Slot(
            role,
            data.users.get(user_id),
            data.saved.get((event.id, role)),
            data.pins.get((event.id, role)),
        )
        if slot.open:
            slot.candidates = solver.candidates(
                event, role, data.people, data.context, events=data.events, assignment=assignment
            )
            if pairing.paired and slot.pin is None:
                slot.alternatives = alternatives(slot.candidates, user_id)
        slots[role] = slot
    row = Row(data.records[event.id], event, pairing, slots[LEAD], slots[PEER])
    if pairing.paired:
        row.why = [
            text
            for _, text in explain_pair(data, event, pairing.lead_id, pairing.peer_id, assignment)
        ]
    else:
        row.unpaired = explain.explain_unpaired_event(
            event, data.people, data.context, events=data.events, assignment=assignment
        )
    return row


def alternatives(found, chosen_id):
    """The candidates who would add exactly what the chosen person adds: swapping one in leaves the
    proposal's total cost the same (every other visitor staying), so when the proposal is the
    lowest possible, so is each of these."""
    mine = next((c.cost for c in found if c.person.id == chosen_id), None)
    return [c for c in found if c.cost == mine and c.person.id != chosen_id]


def explain_pair(data, event, lead_id, peer_id, assignment):
    """The pair's explanation as (about, line): about is LEAD or PEER, or None for the pair."""
    return explain.explain_pairing_lines(
        event,
        data.person(lead_id),
        data.person(peer_id),
        data.context,
        people=data.people,
        events=data.events,
        assignment=assignment,
        pin_notes=pin_notes(data, event.id),
    )


def pin_notes(data, event_id):
    """{role: "pinned as the lead by Ann Admin on 3 December 2026"} for the event's fixed
    visitors: pinned while planning, or already saved."""
    notes = {}
    for role in (LEAD, PEER):
        saved, pin = data.saved.get((event_id, role)), data.pins.get((event_id, role))
        if saved is not None:
            how, by_id, at = "saved", saved.assigned_by_id, saved.assigned_at
        elif pin is not None:
            how, by_id, at = "pinned", pin.by_id, pin.at
        else:
            continue
        by = data.names.get(by_id)
        notes[role] = f"{how} as the {role}" + (f" by {by}" if by else "")
        if at is not None:
            notes[role] += f" on {words.format_date(at.date())}"
    return notes


def visitor_explanation(lines, role):
    """What one visitor's record keeps of the pair's explanation: the lines about them, then the
    lines about the pair."""
    return " ".join(text for about, text in lines if about in (role, None))


# By hand ----------------------------------------------------------------------------------------


@dataclass
class Choice:
    """Someone the admin could put in a slot by hand: their cost and why, or the rules they would
    break."""

    user: object
    cost: int = 0
    reasons: tuple = ()
    breaches: list = field(default_factory=list)  # plain words; empty when every hard rule holds


def by_hand(data, event, role):
    """Everyone who could take the slot round the saved and pinned visitors: those within the rules
    (cheapest
    first, with cost and why), then those who would break one (with the rules, in words)."""
    from qa.pairing import solver

    fixed = _without(data.fixed_assignment(), event.id, role)
    allowed = solver.candidates(
        event, role, data.people, data.context, events=data.events, assignment=fixed
    )
    choices = [Choice(data.users[c.person.id], c.cost, c.reasons) for c in allowed]
    taken = {c.person.id for c in allowed}
    for person in data.people:
        if person.id in taken or not person.eligible_for(role):
            continue
        broken = _breaches(data, event, role, person, fixed)
        if broken and not any(rule in NEVER_OVERRIDDEN for rule in broken):
            choices.append(
                Choice(
                    data.users[person.id], breaches=_words(data, event, role, person, broken, fixed)
                )
            )
    return choices


def pin(cycle, event_id, role, user_id, reason, who):
    """Fix `user_id` in (event, role) for the next proposals; a rule may be broken only with a
    reason, which is kept."""
    reason = (reason or "").strip()
    with db.atomic("IMMEDIATE"):
        data = inputs.build(cycle)
        event, person = data.event(event_id), data.person(user_id)
        if event is None or role not in (LEAD, PEER) or (event_id, role) in data.saved:
            raise PinError("This visit no longer needs that visitor: look at the event again")
        if person is None or not person.eligible_for(role):
            raise PinError("Choose someone who can visit in this role")
        fixed = _without(data.fixed_assignment(), event_id, role)
        broken = _breaches(data, event, role, person, fixed)
        if any(rule in NEVER_OVERRIDDEN for rule in broken):
            raise PinError(
                f"{person.name} cannot take this role here: "
                + "; ".join(_words(data, event, role, person, broken, fixed))
            )
        if broken and not reason:
            raise PinError(
                f"Give a reason for breaking the {'rule' if len(broken) == 1 else 'rules'}",
                _words(data, event, role, person, broken, fixed),
            )
        PairingPin.delete().where(
            (PairingPin.event == event_id) & (PairingPin.role == role)
        ).execute()
        made = PairingPin.create(
            event=event_id,
            role=role,
            user=user_id,
            reason=reason if broken else "",
            broken="\n".join(rule.name for rule in broken),
            by=who,
        )
        record = data.records[event_id]
        note = f" despite the rules ({reason})" if broken else ""
        audit.record(
            who,
            "pinned",
            made,
            f"Pinned {person.name} as the {role} for {record.agency.name} while planning "
            f"pairings{note}",
        )
    return made


def unpin(event_id, role, who):
    with db.atomic("IMMEDIATE"):
        found = PairingPin.get_or_none((PairingPin.event == event_id) & (PairingPin.role == role))
        if found:
            audit.record(
                who,
                "unpinned",
                found,
                f"Unpinned the {role} of event {event_id} while planning pairings",
            )
            found.delete_instance()
    return found


def _without(assignment, event_id, role):
    pair = list(assignment.get(event_id, (None, None)))
    pair[0 if role == LEAD else 1] = None
    return {**assignment, event_id: tuple(pair)}


def _breaches(data, event, role, person, assignment):
    return rules.check_hard_rules(
        event,
        role,
        person,
        data.context,
        people=data.people,
        events=data.events,
        assignment=assignment,
    )


def _words(data, event, role, person, broken, assignment):
    partner_id = assignment.get(event.id, (None, None))[1 if role == LEAD else 0]
    partner = data.person(partner_id) if partner_id is not None else None
    return [words.describe_breach(rule, event, role, person, partner) for rule in broken]
