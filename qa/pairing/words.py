"""Words the explanations share.

Dates, reasons for one visitor in one slot, and each hard rule in plain English.
"""

from __future__ import annotations

from datetime import date as Date
from typing import Optional

from qa.pairing import costs
from qa.pairing.costs import sector_label, sector_relation
from qa.pairing.data import LEAD, PEER, Context, Event, HardRule, Person

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)  # fmt: skip  (spelt out here so output never depends on the server's locale)

ROLE_NOUNS = {LEAD: "lead", PEER: "peer"}
TERM_WORDS = {
    costs.PEER_SECTOR: "the peer's sector",
    costs.load_key(LEAD): "the lead's other visits",
    costs.load_key(PEER): "the peer's other visits",
    costs.repeat_agency_key(LEAD): "the lead visiting again",
    costs.repeat_agency_key(PEER): "the peer visiting again",
    costs.minimum_key(LEAD): "the lead being below their fewest visits",
    costs.minimum_key(PEER): "the peer being below their fewest visits",
    costs.sector_wish_key(LEAD): "the lead having asked to review this sector",
    costs.sector_wish_key(PEER): "the peer having asked to review this sector",
    costs.date_wish_key(LEAD): "the lead's wishes about the day",
    costs.date_wish_key(PEER): "the peer's wishes about the day",
    costs.change_key(LEAD): "changing the lead shown before",
    costs.change_key(PEER): "changing the peer shown before",
    costs.REPEAT_PAIRING: "pairing them again",
    costs.TWO_FIRST_TIMERS: "two first-timers",
}
"""Each cost term (costs.py's breakdown keys) in words, after "points for"."""
POOL_NOUNS = {LEAD: "active sub-group members", PEER: "active reviewers"}


def format_date(day: Date, with_year: bool = True) -> str:
    text = f"{day.day} {MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if with_year else text


def counted(count: int, singular: str, plural: Optional[str] = None) -> str:
    """A count with its noun: '1 visit', '3 visits'."""
    return f"{count} {singular if count == 1 else (plural or singular + 's')}"


# ---------------------------------------------------------------------------------------------
# Reasons for one visitor in one slot
# ---------------------------------------------------------------------------------------------


def sector_reason(event: Event, peer: Person) -> str:
    relation = sector_relation(peer.sector, event.sector)
    if relation == "same":
        return f"Same sector: {sector_label(event.sector)}"
    if relation == "related":
        related = f"{sector_label(peer.sector)} is related to {sector_label(event.sector)}"
        return f"Related sector: {related}"
    return f"Different sector: {sector_label(peer.sector)}"


def load_reason(person: Person, earlier_visits: int = 0) -> str:
    this_cycle = person.visits_this_cycle + earlier_visits
    text = (
        "No visits this cycle" if this_cycle == 0 else f"{counted(this_cycle, 'visit')} this cycle"
    )
    if earlier_visits:
        text += f" (including {earlier_visits} in this proposal)"
    if person.visits_last_three_cycles:
        text += f", {person.visits_last_three_cycles} in the last three cycles"
    if this_cycle < person.min_visits:
        text += f"; below the fewest asked of them ({person.min_visits})"
    return text


def agency_reason(event: Event, person: Person) -> str:
    if event.agency_id in person.visited_agency_ids:
        return f"Has visited {event.agency_name} before"
    return "Never visited this agency"


def wish_reasons(event: Event, person: Person) -> list:
    """The person's own wishes that bear on this visit, e.g. "Asked to review Education"."""
    reasons = []
    if costs.sector_slug(event.sector) in person.preferred_sectors:
        reasons.append(f"Asked to review {sector_label(event.sector)}")
    day = format_date(event.date)
    if event.date in person.avoided_dates:
        reasons.append(f"Prefers not to visit on {day}")
    elif event.date in person.preferred_dates:
        reasons.append(f"Prefers to visit on {day}")
    return reasons


def partner_reasons(person: Person, partner: Person, context: Context) -> list:
    reasons = []
    if frozenset((person.id, partner.id)) in context.last_cycle_pairs:
        reasons.append(f"Paired with {partner.name} last cycle")
    if person.is_first_timer and partner.is_first_timer:
        reasons.append("Both would be first-time visitors")
    elif person.is_first_timer:
        reasons.append(f"First-time visitor, with an experienced partner ({partner.name})")
    return reasons


def slot_reasons(
    event: Event,
    role: str,
    person: Person,
    context: Optional[Context] = None,
    *,
    partner: Optional[Person] = None,
    earlier_visits: int = 0,
) -> list:
    """Short phrases (no full stops) for the swap list: sector, load, history, partner."""
    context = context or Context()
    reasons = [sector_reason(event, person)] if role == PEER else []
    reasons.append(load_reason(person, earlier_visits))
    reasons.append(agency_reason(event, person))
    reasons.extend(wish_reasons(event, person))
    if partner is not None:
        reasons.extend(partner_reasons(person, partner, context))
    return reasons


# ---------------------------------------------------------------------------------------------
# Hard-rule wording
# ---------------------------------------------------------------------------------------------


def describe_breach(
    rule: HardRule, event: Event, role: str, person: Person, partner: Optional[Person] = None
) -> str:
    """One hard rule broken by one person, as a sentence fragment starting with their name."""
    name = person.name
    day = format_date(event.date)
    texts = {
        HardRule.NOT_ELIGIBLE: f"{name} is not one of the {POOL_NOUNS[role]}",
        HardRule.OWN_AGENCY: f"{name} works for {event.agency_name}",
        HardRule.OWN_ORGANISATION: f"{name} works for {event.organisation}, as "
        f"{event.agency_name} does",
        HardRule.CONFLICT: f"{name} has declared a conflict with {event.agency_name}",
        HardRule.SAME_PERSON: f"{name} is already the {ROLE_NOUNS[_other(role)]} for this visit",
        HardRule.UNAVAILABLE: f"{name} is unavailable on {day}",
        HardRule.BUSY: f"{name} is already visiting another agency on {day}",
        HardRule.AT_MAXIMUM: f"{name} has reached their maximum of "
        f"{counted(person.max_visits, 'visit')} this cycle",
        HardRule.SAME_AGENCY_TWICE: f"{name} is already visiting {event.agency_name} at another "
        "event of this proposal",
        HardRule.RECIPROCAL: f"a peer from {event.agency_name} is already challenging {name}'s "
        "agency this cycle",
        HardRule.NEVER_PAIR: f"{name} must never be paired with "
        f"{partner.name if partner else 'the other visitor'}",
    }
    return texts[rule]


def count_phrase(
    rule: HardRule, count: int, event: Event, role: str, partner: Optional[Person]
) -> str:
    """How many candidates one rule removed, e.g. '3 unavailable'."""
    other = ROLE_NOUNS[_other(role)]
    texts = {
        HardRule.NOT_ELIGIBLE: f"{count} not eligible",
        HardRule.OWN_AGENCY: f"{count} from {event.agency_name} itself",
        HardRule.OWN_ORGANISATION: f"{count} from {event.organisation}, as {event.agency_name} is",
        HardRule.CONFLICT: f"{count} conflicted",
        HardRule.SAME_PERSON: f"{count} already the {other}",
        HardRule.UNAVAILABLE: f"{count} unavailable",
        HardRule.BUSY: f"{count} already visiting that day",
        HardRule.AT_MAXIMUM: f"{count} at their maximum",
        HardRule.SAME_AGENCY_TWICE: f"{count} already visiting {event.agency_name} another day",
        HardRule.RECIPROCAL: f"{count} barred as a reciprocal visit",
        HardRule.NEVER_PAIR: f"{count} never to be paired with "
        f"{partner.name if partner else 'the ' + other}",
    }
    return texts[rule]


def _other(role: str) -> str:
    return PEER if role == LEAD else LEAD
