"""The soft costs of a pairing (lower is better) and the sector relations they rest on.

Hard rules live in rules.py.
"""

from __future__ import annotations

from functools import lru_cache
from types import MappingProxyType
from typing import Mapping

from qa.pairing.data import PEER, Context, Event, Person

# ---------------------------------------------------------------------------------------------
# Cost table (integers; lower is better). Only soft preferences live here: hard rules are never
# traded against cost.
# ---------------------------------------------------------------------------------------------

SAME_SECTOR_COST = 0
"""Peer's agency is in the visited agency's sector: the strong preference, so free."""

RELATED_SECTOR_COST = 40
"""Peer's agency is in a related sector (see RELATED_SECTORS). Larger than any single load or
variety penalty, so a same-sector peer wins unless they are much busier or a repeat visitor."""

UNRELATED_SECTOR_COST = 120
"""Peer's agency is in an unrelated sector: used only when nobody closer is free or sensible."""

VISIT_THIS_CYCLE_COST = 10
"""Per visit the person already has this cycle, counting earlier visits in the same proposal (in
date order), so a person's second visit costs more than their first and work is spread out."""

VISIT_LAST_THREE_CYCLES_COST = 3
"""Per visit in the three completed cycles before this one: a gentler, longer-run spread."""

REPEAT_PAIRING_COST = 30
"""The lead and peer were paired together last cycle: variety brings fresh eyes."""

REPEAT_AGENCY_VISIT_COST = 15
"""The visitor has visited this agency before (any previous cycle): per visitor."""

TWO_FIRST_TIMERS_COST = 25
"""Both visitors would be first-time visitors (no previous visits ever): mix experience."""

UNDER_MINIMUM_COST = 50
"""Per visit a person falls short of the fewest visits asked of them this cycle (min_visits):
written as 50 points off each visit that brings them towards it, so a person below their
minimum is chosen before others unless a much better fit is free."""

PREFERRED_SECTOR_COST = -20
"""A visit to an agency in a sector the visitor asked to review: 20 points off. Less than the
step from a same-sector to a related-sector peer, so a wish never outweighs the sector rule."""

PREFERRED_DATE_COST = -10
"""A visit on a day the visitor said they would like: 10 points off."""

AVOIDED_DATE_COST = 30
"""A visit on a day the visitor said they would rather not (they could, if need be)."""

CHANGE_COST = 30
"""Re-running a proposal: each visitor different from the one the page showed before costs this
much, so a re-run changes someone only when the change saves at least this many points
(STABILITY_THRESHOLD); a slot the change of the world forces open costs it too, for whoever
takes it, which does not change who that is."""

STABILITY_THRESHOLD = CHANGE_COST

UNPAIRED_EVENT_COST = 1_000_000
"""Per event left without a full pair. propose() raises it automatically above the largest
possible total of all other costs, so pairing one more event always beats any cost saving."""

SECTOR_COSTS = MappingProxyType(
    {"same": SAME_SECTOR_COST, "related": RELATED_SECTOR_COST, "unrelated": UNRELATED_SECTOR_COST}
)

# Symmetric: if a lists b then b lists a (a test checks this). Keys are sector slugs.
RELATED_SECTORS: Mapping[str, frozenset] = MappingProxyType(
    {
        "health": frozenset({"early-years"}),
        "early-years": frozenset({"health", "childrens-social-care", "education"}),
        "police": frozenset({"youth-justice"}),
        "youth-justice": frozenset({"police", "probation"}),
        "probation": frozenset({"youth-justice"}),
        "childrens-social-care": frozenset({"early-years", "education"}),
        "education": frozenset({"childrens-social-care", "early-years"}),
        "housing": frozenset({"voluntary"}),
        "voluntary": frozenset({"housing"}),
    }
)

SECTOR_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "health": "Health",
        "early-years": "Early years",
        "police": "Police",
        "youth-justice": "Youth justice",
        "probation": "Probation",
        "childrens-social-care": "Children's social care",
        "education": "Education",
        "housing": "Housing",
        "voluntary": "Voluntary sector",
    }
)

# Breakdown keys, shared with explain.py so texts and costs cannot drift apart.
PEER_SECTOR = "peer_sector"
REPEAT_PAIRING = "repeat_pairing"
TWO_FIRST_TIMERS = "two_first_timers"


def load_key(role: str) -> str:
    return f"{role}_load"


def repeat_agency_key(role: str) -> str:
    return f"{role}_repeat_agency"


def minimum_key(role: str) -> str:
    return f"{role}_minimum"


def sector_wish_key(role: str) -> str:
    return f"{role}_sector_wish"


def date_wish_key(role: str) -> str:
    return f"{role}_date_wish"


def change_key(role: str) -> str:
    return f"{role}_change"


PEOPLE_SUFFIXES = ("_load", "_minimum", "_wish", "_change")
"""Cost terms about fairness and kindness to people, or steadiness, not about how visitors suit
an event: left out of costs.fit."""


def fit(items: Mapping) -> int:
    """How well visitors suit an event, from its cost breakdown: every term but their load and
    minimum, their own wishes and a re-run's changes (about people, not events). Lower is better."""
    return sum(v for k, v in items.items() if not k.endswith(PEOPLE_SUFFIXES))


def towards_minimum(person: Person, earlier_visits: int) -> int:
    """-UNDER_MINIMUM_COST for a visit that brings the person towards their minimum, else 0."""
    below = person.visits_this_cycle + earlier_visits < person.min_visits
    return -UNDER_MINIMUM_COST if below else 0


def extra_visit_cost(person: Person, pinned: int, k: int) -> int:
    """What the person's (k + 1)-th proposed visit costs beyond their first (k = 0 is 0), with
    `pinned` pinned visits: more load, and no longer towards their minimum. Never falls as k
    grows, so the model's and the relaxation's convex load terms stay exact."""
    return (
        VISIT_THIS_CYCLE_COST * k
        + towards_minimum(person, pinned + k)
        - towards_minimum(person, pinned)
    )


# ---------------------------------------------------------------------------------------------
# Sectors and costs
# ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=1024)
def sector_slug(sector: str) -> str:
    """'Children's social care' -> 'childrens-social-care'."""
    text = (sector or "").strip().lower().replace("'", "").replace("\u2019", "")
    return "-".join(text.replace("_", " ").replace("-", " ").split())


def sector_label(sector: str) -> str:
    slug = sector_slug(sector)
    return SECTOR_LABELS.get(slug) or slug.replace("-", " ").capitalize()


def sector_relation(peer_sector: str, visited_sector: str) -> str:
    """'same', 'related' or 'unrelated': how the peer's sector sits against the visited agency's."""
    peer, visited = sector_slug(peer_sector), sector_slug(visited_sector)
    if peer == visited:
        return "same"
    if peer in RELATED_SECTORS.get(visited, ()):
        return "related"
    return "unrelated"


def slot_breakdown(event: Event, role: str, person: Person, earlier_visits: int = 0) -> dict:
    """Costs that depend on one visitor alone; earlier_visits = their earlier visits in this
    proposal."""
    items = {}
    if role == PEER:
        items[PEER_SECTOR] = SECTOR_COSTS[sector_relation(person.sector, event.sector)]
    items[load_key(role)] = (
        VISIT_THIS_CYCLE_COST * (person.visits_this_cycle + earlier_visits)
        + VISIT_LAST_THREE_CYCLES_COST * person.visits_last_three_cycles
    )
    if event.agency_id in person.visited_agency_ids:
        items[repeat_agency_key(role)] = REPEAT_AGENCY_VISIT_COST
    items[minimum_key(role)] = towards_minimum(person, earlier_visits)
    items.update(wish_breakdown(event, role, person))
    shown = event.shown(role)
    if shown is not None and shown != person.id:
        items[change_key(role)] = CHANGE_COST
    return {key: value for key, value in items.items() if value}


def slot_total(event: Event, role: str, person: Person, earlier_visits: int = 0) -> int:
    """sum(slot_breakdown(...).values()) without building the breakdown: prepare() works it out
    for every candidate of every slot (200,000 on a region's pool). A test keeps the two equal."""
    total = (
        VISIT_THIS_CYCLE_COST * (person.visits_this_cycle + earlier_visits)
        + VISIT_LAST_THREE_CYCLES_COST * person.visits_last_three_cycles
    )
    if role == PEER:
        total += SECTOR_COSTS[sector_relation(person.sector, event.sector)]
    if event.agency_id in person.visited_agency_ids:
        total += REPEAT_AGENCY_VISIT_COST
    if person.visits_this_cycle + earlier_visits < person.min_visits:
        total -= UNDER_MINIMUM_COST
    if person.preferred_sectors and sector_slug(event.sector) in person.preferred_sectors:
        total += PREFERRED_SECTOR_COST
    if event.date in person.avoided_dates:
        total += AVOIDED_DATE_COST
    elif event.date in person.preferred_dates:
        total += PREFERRED_DATE_COST
    shown = event.shown(role)
    if shown is not None and shown != person.id:
        total += CHANGE_COST
    return total


def wish_breakdown(event: Event, role: str, person: Person) -> dict:
    """The visitor's own wishes for this visit: its sector, and its day."""
    items = {}
    if person.preferred_sectors and sector_slug(event.sector) in person.preferred_sectors:
        items[sector_wish_key(role)] = PREFERRED_SECTOR_COST
    if event.date in person.avoided_dates:
        items[date_wish_key(role)] = AVOIDED_DATE_COST
    elif event.date in person.preferred_dates:
        items[date_wish_key(role)] = PREFERRED_DATE_COST
    return items


def pair_breakdown(lead: Person, peer: Person, context: Context) -> dict:
    """Costs that depend on who goes with whom."""
    items = {}
    if frozenset((lead.id, peer.id)) in context.last_cycle_pairs:
        items[REPEAT_PAIRING] = REPEAT_PAIRING_COST
    if lead.is_first_timer and peer.is_first_timer:
        items[TWO_FIRST_TIMERS] = TWO_FIRST_TIMERS_COST
    return items
