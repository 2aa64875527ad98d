"""Reviewers' wishes (sectors they asked to review, days they would or would rather not visit) are
soft costs: they tip a choice between otherwise equal people, never a hard rule, and each is
explained. Random instances with wishes are checked against brute force in test_pairing_solver and
sentence by sentence in test_pairing_explain_facts."""

from datetime import date

from hypothesis import given, settings

from qa.audit import AuditEvent
from qa.pairing import costs, inputs, planning
from qa.pairing.data import Event, Person
from qa.pairing.explain import explain_pairing
from qa.pairing.solver import candidates, propose
from qa.people.models import DatePreference, PreferredSector, Sector
from tests.challenge_helpers import SOON, cycle_fixture  # noqa: F401
from tests.conftest import dates
from tests.pairing_helpers import world_fixture  # noqa: F401
from tests.test_pairing_solver import instances

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


# ---------------------------------------------------------------------------------------------
# Said on the account page or by the admin, used by the proposal
# ---------------------------------------------------------------------------------------------


def test_reviewers_say_what_they_would_like_and_the_proposal_follows_and_explains_it(
    world, signed_in
):
    eddie, hana = signed_in(world.eddie), signed_in(world.hana)
    health = Sector.get(Sector.slug == "health")
    assert eddie.post("/account/sectors", {"sectors": [health.id]}).status_code == 302
    # Eddie (early years, related: 40) asked for health: 40 - 20 = 20, Hana (same sector) still 0
    (row,) = planning.propose(world.cycle).rows
    assert row.pairing.peer_id == world.hana.id
    response = hana.post("/account/date-preferences", {**dates(day=SOON), "wish": "avoid"})
    assert response.status_code == 302
    # Hana would rather not go that day: 0 + 30 > 20
    (row,) = planning.propose(world.cycle).rows
    assert row.pairing.peer_id == world.eddie.id
    assert "Eddie Evans asked to review Health (20 points off)." in row.why
    assert any("30 points more for the peer's wishes about the day" in line for line in row.why)
    page = hana.get("/account").get_data(as_text=True)
    assert "you would rather not visit" in page
    page = eddie.get("/account").get_data(as_text=True)
    assert "Health." in page and 'value="%d" checked' % health.id in page
    # withdrawn, Hana goes again
    entry = DatePreference.get(DatePreference.user == world.hana)
    hana.post(f"/account/date-preferences/{entry.id}/withdraw")
    (row,) = planning.propose(world.cycle).rows
    assert row.pairing.peer_id == world.hana.id


def test_the_admin_records_preferences_on_a_persons_behalf_with_an_audit_line(world, admin_client):
    base = f"/admin/people/{world.eddie.id}/pairing"
    response = admin_client.post(f"{base}/date-preferences", {**dates(day=SOON), "wish": "prefer"})
    assert response.status_code == 302
    assert inputs.build(world.cycle).person(world.eddie.id).preferred_dates == {SOON}
    assert AuditEvent.get(AuditEvent.verb == "declared date preference").user_id == world.admin.id
    early = Sector.get(Sector.slug == "early-years")
    admin_client.post(f"{base}/sectors", {"sectors": [early.id]})
    assert inputs.build(world.cycle).person(world.eddie.id).preferred_sectors == {"early-years"}
    page = admin_client.get(base).get_data(as_text=True)
    assert "they would like to visit" in page and "Early years." in page
    # a day in the past is refused, beside the form
    refused = admin_client.post(
        f"{base}/date-preferences", {**dates(day=date(2020, 1, 6)), "wish": "avoid"}
    )
    assert refused.status_code == 200
    assert "The date must be today or in the future" in refused.get_data(as_text=True)
    # untick every sector: none left
    admin_client.post(f"{base}/sectors", {})
    assert not PreferredSector.select().where(PreferredSector.user == world.eddie).exists()


@settings(max_examples=60, deadline=None)
@given(instance=instances(max_people=6))
def test_the_quick_slot_total_is_the_sum_of_the_breakdown(instance):
    # prepare() uses slot_total for speed; explanations and score() use slot_breakdown
    events, people, _ = instance
    for ev in events:
        for p in people:
            for role in ("lead", "peer"):
                for earlier in (0, 1, 2):
                    assert costs.slot_total(ev, role, p, earlier) == sum(
                        costs.slot_breakdown(ev, role, p, earlier).values()
                    )
