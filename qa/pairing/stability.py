"""Why a re-run changed a visitor from the proposal shown before it, in plain words.

A re-run costs every visitor changed costs.CHANGE_COST (the stability threshold), so a visitor
changes only when they can no longer go, when they are needed elsewhere, or when the change saves
at least that many points; change_reason says which, and who took the place.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Mapping, Optional, Sequence

from qa.pairing import rules
from qa.pairing.costs import STABILITY_THRESHOLD
from qa.pairing.data import ROLES, Context, Event, HardRule, Person
from qa.pairing.facts import slot_cost
from qa.pairing.words import ROLE_NOUNS, describe_breach, format_date

BY_THIS_PROPOSAL = (
    HardRule.BUSY,
    HardRule.AT_MAXIMUM,
    HardRule.SAME_AGENCY_TWICE,
    HardRule.RECIPROCAL,
    HardRule.NEVER_PAIR,
)
"""Rules a person may break only because of where else the new proposal sends people."""


def with_shown(events: Iterable[Event], before: Mapping) -> list:
    """`events` with who the proposal shown before had in each open slot ({event id: (lead id,
    peer id)}), so that changing them costs CHANGE_COST; pinned slots are the admin's own
    change."""
    found = []
    for event in events:
        lead_id, peer_id = before.get(event.id, (None, None))
        found.append(
            replace(
                event,
                shown_lead_id=lead_id if event.pinned_lead_id is None else None,
                shown_peer_id=peer_id if event.pinned_peer_id is None else None,
            )
        )
    return found


def change_reason(
    event: Event,
    role: str,
    was_id,
    now_id,
    people: Iterable[Person],
    context: Optional[Context],
    *,
    events: Sequence[Event],
    assignment: Mapping,
) -> str:
    """Why (event, role) now has `now_id` where the proposal before had `was_id` (either may be
    None), given the new proposal's `assignment`: e.g. "Ann Lee is unavailable on 12 March 2027;
    Raj Patel was the next best fit."."""
    context = context or Context()
    people = tuple(people)
    by_id = rules.index_people(people)
    events_by_id = {e.id: e for e in events}
    side = ROLES.index(role)
    pair = list(assignment.get(event.id, (None, None)))
    partner_id = pair[1 - side]
    now = by_id.get(now_id)
    if now is not None and event.pinned(role) == now_id:
        return f"{now.name} was pinned here by hand."
    if was_id is None:
        return f"Nobody was proposed before; {now.name} is free now." if now else ""
    was = by_id.get(was_id)
    if was is None:
        return f"The person proposed before can no longer visit as the {ROLE_NOUNS[role]}."
    if now is None:
        return f"{was.name} can no longer go, and nobody else can take the place."
    moved = [
        e for e, p in assignment.items() if e != event.id and was_id in p and e in events_by_id
    ]
    rest = {**assignment, event.id: tuple(None if i == side else v for i, v in enumerate(pair))}
    ledger = rules.Ledger(events, by_id, rest)
    broken = rules.breaches(event, role, was, context, ledger, partner_id)
    next_best = _next_best(event, role, now, people, context, ledger, partner_id)
    partner = by_id.get(partner_id)
    if broken and broken[0] not in BY_THIS_PROPOSAL:
        why = describe_breach(broken[0], event, role, was, partner)
        return f"{why[:1].upper()}{why[1:]}; {now.name} {next_best}."
    if moved:
        where = " and ".join(
            f"{events_by_id[e].agency_name} on {format_date(events_by_id[e].date)}" for e in moved
        )
        return f"{was.name} is now proposed for {where} instead; {now.name} {next_best}."
    if broken:
        why = describe_breach(broken[0], event, role, was, partner)
        return f"{why[:1].upper()}{why[1:]}; {now.name} {next_best}."
    earlier = ledger.visits_elsewhere(was_id, event.id)
    keep = sum(slot_cost(event, role, was, partner, context, earlier).values())
    earlier = ledger.visits_elsewhere(now_id, event.id)
    change = sum(slot_cost(event, role, now, partner, context, earlier).values())
    saving = keep - change + STABILITY_THRESHOLD  # change's cost counts the threshold once
    if saving >= STABILITY_THRESHOLD:
        return (
            f"{now.name} fits {saving} points better than {was.name}, at least the "
            f"{STABILITY_THRESHOLD} points a re-run needs to change a visitor."
        )
    return (
        f"{was.name} could still go; the proposal as a whole changed round them "
        f"({now.name} {next_best})."
    )


def _next_best(event, role, now, people, context, ledger, partner_id) -> str:
    """'was the next best fit' when nobody free would cost less in the place, else what is true."""
    partner = next((p for p in people if p.id == partner_id), None)

    def cost(person):
        earlier = ledger.visits_elsewhere(person.id, event.id)
        return sum(slot_cost(event, role, person, partner, context, earlier).values())

    mine = cost(now)
    cheaper = [
        p
        for p in people
        if p.id != now.id
        and rules.allowed(event, role, p, context, ledger, partner_id)
        and cost(p) < mine
    ]
    if not cheaper:
        return "was the next best fit"
    return "fitted the proposal as a whole best (see why this pair)"
