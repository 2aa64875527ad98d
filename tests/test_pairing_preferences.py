"""Reviewers' wishes (sectors they asked to review, days they would or would rather not visit) are
soft costs: they tip a choice between otherwise equal people, never a hard rule, and each is
explained. Random instances with wishes are checked against brute force in test_pairing_solver and
sentence by sentence in test_pairing_explain_facts."""

from datetime import date

from qa.pairing import costs
from qa.pairing.data import Event, Person
from qa.pairing.explain import explain_pairing
from qa.pairing.solver import candidates, propose

DAY = date(2027, 3, 12)
SCHOOL = Event(id=1, agency_id="V", agency_name="Northbrook Academy", sector="education", date=DAY)


def person(pid, name, agency, sector="education", lead=False, peer=True, **kw):
    kw.setdefault("previous_visits_total", 3)
    return Person(pid, name, agency, sector, lead, peer, **kw)


ANN = person(1, "Ann Lead", "L", sector="police", lead=True, peer=False)
RAJ = person(2, "Raj Patel", "P")


def peer_of(proposal):
    return proposal.pairings[0].peer_id


def test_a_peer_who_asked_to_review_the_sector_is_chosen_and_it_is_said():
    sam = person(3, "Sam Jones", "Q", preferred_sectors=frozenset({"education"}))
    proposal = propose([SCHOOL], [ANN, RAJ, sam])
    assert peer_of(proposal) == sam.id
    assert proposal.pairings[0].breakdown[costs.sector_wish_key("peer")] == -20
    text = explain_pairing(SCHOOL, ANN, sam, people=[ANN, RAJ, sam], events=[SCHOOL])
    assert "Sam Jones asked to review Education (20 points off)." in text.split("\n")
    assert (
        "Raj Patel (Education) was free and would have cost" not in text
    )  # Sam is the cheaper one


def test_a_day_they_would_rather_not_is_avoided_when_someone_else_is_free_and_said_when_not():
    sam = person(3, "Sam Jones", "Q", avoided_dates=frozenset({DAY}))
    assert peer_of(propose([SCHOOL], [ANN, RAJ, sam])) == RAJ.id
    # alone, Sam still goes: a wish is not a rule
    proposal = propose([SCHOOL], [ANN, sam])
    assert peer_of(proposal) == sam.id
    text = explain_pairing(SCHOOL, ANN, sam, people=[ANN, sam], events=[SCHOOL])
    assert "Sam Jones prefers not to visit on 12 March 2027 (30 points more)." in text.split("\n")


def test_a_day_they_would_like_tips_a_tie_and_the_swap_list_says_why():
    sam = person(3, "Sam Jones", "Q", preferred_dates=frozenset({DAY}))
    assert peer_of(propose([SCHOOL], [ANN, RAJ, sam])) == sam.id
    found = candidates(SCHOOL, "peer", [ANN, RAJ, sam], assignment={1: (1, None)}, events=[SCHOOL])
    assert [c.person.id for c in found] == [sam.id, RAJ.id]
    assert "Prefers to visit on 12 March 2027" in found[0].reasons
    assert found[1].cost - found[0].cost == -costs.PREFERRED_DATE_COST


def test_a_wish_never_outweighs_the_sector_of_the_peer():
    # asked to review education, but from early years (related): the same-sector peer still goes
    eve = person(
        3, "Eve Early", "Q", sector="early-years", preferred_sectors=frozenset({"education"})
    )
    assert peer_of(propose([SCHOOL], [ANN, RAJ, eve])) == RAJ.id
