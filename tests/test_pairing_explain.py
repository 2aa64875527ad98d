"""Explanations say in plain English why a pairing was chosen and which rule left an event
unpaired."""

from datetime import date

from qa.pairing.data import LEAD, PEER, Context, Event, HardRule, Person
from qa.pairing.explain import explain_pairing, explain_unpaired, explain_unpaired_event
from qa.pairing.solver import candidates, propose
from qa.pairing.words import describe_breach, format_date, slot_reasons

DAY = date(2027, 3, 12)
DAY2 = date(2027, 3, 19)
HEALTH_VISIT = Event(
    id=1, agency_id="V", agency_name="Northshire Health", sector="health", date=DAY
)


def person(pid, name, agency="P", sector="health", lead=False, peer=False, **kw):
    kw.setdefault("previous_visits_total", 4)
    return Person(
        id=pid,
        name=name,
        agency_id=agency,
        sector=sector,
        is_lead_eligible=lead,
        is_peer_eligible=peer,
        **kw,
    )


ANN = person(1, "Ann Lead", agency="L", sector="police", lead=True)
BOB = person(2, "Bob Health", agency="P", sector="health", peer=True, visits_this_cycle=1)
EVE = person(3, "Eve Early", agency="Q", sector="early-years", peer=True)
PAT = person(4, "Pat Police", agency="R", sector="police", peer=True)


def lines(text):
    return text.split("\n")


# ---------------------------------------------------------------------------------------------
# Dates and reasons
# ---------------------------------------------------------------------------------------------


def test_dates_are_written_day_month_year():
    assert format_date(date(2027, 3, 12)) == "12 March 2027"
    assert format_date(date(2027, 11, 1), with_year=False) == "1 November"


def test_slot_reasons_describe_sector_load_and_history():
    visited = person(
        5,
        "Vic Visited",
        agency="Q",
        sector="early-years",
        peer=True,
        visits_last_three_cycles=2,
        visited_agency_ids=frozenset({"V"}),
    )
    assert slot_reasons(HEALTH_VISIT, PEER, visited, earlier_visits=1) == [
        "Related sector: Early years is related to Health",
        "1 visit this cycle (including 1 in this proposal), 2 in the last three cycles",
        "Has visited Northshire Health before",
    ]
    assert slot_reasons(HEALTH_VISIT, LEAD, ANN) == [
        "No visits this cycle",
        "Never visited this agency",
    ]


def test_swap_candidates_carry_their_reasons():
    found = candidates(
        HEALTH_VISIT, PEER, [ANN, BOB, EVE], assignment={1: (1, None)}, events=[HEALTH_VISIT]
    )
    assert [c.person.name for c in found] == ["Bob Health", "Eve Early"]
    assert found[0].reasons == (
        "Same sector: Health",
        "1 visit this cycle",
        "Never visited this agency",
    )


# ---------------------------------------------------------------------------------------------
# Why this pairing
# ---------------------------------------------------------------------------------------------


def test_same_sector_pairing_is_explained_line_by_line():
    text = explain_pairing(HEALTH_VISIT, ANN, BOB)
    assert lines(text) == [
        "Same sector: Health.",
        "Peer Bob Health (Health): 1 visit this cycle; never visited this agency.",
        "Lead Ann Lead (Police): no visits this cycle; never visited this agency.",
        "No conflicts.",
    ]


def test_related_sector_says_no_same_sector_peer_was_free():
    busy_bob = person(
        2, "Bob Health", sector="health", peer=True, unavailable_dates=frozenset({DAY})
    )
    text = explain_pairing(
        HEALTH_VISIT, ANN, EVE, people=[ANN, busy_bob, EVE], events=[HEALTH_VISIT]
    )
    assert (
        lines(text)[0] == "No free peer in Health (1 unavailable); Early years is a related sector."
    )


def test_related_sector_counts_why_each_same_sector_peer_could_not_go():
    conflicted = person(
        5,
        "Cal Conflict",
        agency="P",
        sector="health",
        peer=True,
        conflict_agency_ids=frozenset({"V"}),
    )
    insider = person(8, "Ida Inside", agency="V", sector="health", peer=True)
    away = person(
        9, "Al Away", agency="P", sector="health", peer=True, unavailable_dates=frozenset({DAY})
    )
    text = explain_pairing(
        HEALTH_VISIT, ANN, EVE, people=[ANN, conflicted, insider, away, EVE], events=[HEALTH_VISIT]
    )
    assert (
        lines(text)[0]
        == "No free peer in Health (1 from Northshire Health itself, 1 conflicted, 1 unavailable); "
        "Early years is a related sector."
    )


def test_a_lead_from_no_agency_is_named_without_a_sector():
    staff = person(10, "Pia Staff", agency=None, sector="", lead=True)
    assert (
        lines(explain_pairing(HEALTH_VISIT, staff, BOB))[2]
        == "Lead Pia Staff: no visits this cycle; never visited this agency."
    )


def test_related_sector_with_no_same_sector_peer_at_all_just_says_none_was_free():
    text = explain_pairing(HEALTH_VISIT, ANN, EVE, people=[ANN, EVE], events=[HEALTH_VISIT])
    assert lines(text)[0] == "No free peer in Health; Early years is a related sector."


def test_related_sector_admits_when_a_same_sector_peer_was_free():
    # Bob (Health, one visit already) costs 10 against Eve's 40: the text says so, term by term.
    text = explain_pairing(HEALTH_VISIT, ANN, EVE, people=[ANN, BOB, EVE], events=[HEALTH_VISIT])
    assert lines(text)[:3] == [
        "Early years is a related sector to Health.",
        "Peer Eve Early (Early years): no visits this cycle; never visited this agency.",
        "Bob Health (Health) was free and would have cost 30 points less (40 points less for the "
        "peer's sector, 10 points more for the peer's other visits).",
    ]


def test_related_sector_without_the_pool_just_names_the_relation():
    assert (
        lines(explain_pairing(HEALTH_VISIT, ANN, EVE))[0]
        == "Early years is a related sector to Health."
    )


def test_unrelated_sector_names_the_sectors_that_had_nobody_free():
    text = explain_pairing(HEALTH_VISIT, ANN, PAT, people=[ANN, PAT], events=[HEALTH_VISIT])
    assert (
        lines(text)[0]
        == "No free peer in Health or a related sector (Early years); Police is an unrelated "
        "sector, and every unrelated sector costs the same."
    )


def test_pairing_history_and_experience_are_mentioned():
    new_lead = person(6, "Nia New", agency="L", sector="police", lead=True, previous_visits_total=0)
    new_peer = person(7, "Ned New", agency="P", sector="health", peer=True, previous_visits_total=0)
    ctx = Context(last_cycle_pairs={(6, 7)})
    text = explain_pairing(HEALTH_VISIT, new_lead, new_peer, ctx)
    assert "They were paired together last cycle. Both are first-time visitors." in lines(text)
    assert "Ned New is a first-time visitor, going with Ann Lead who has visited before." in lines(
        explain_pairing(HEALTH_VISIT, ANN, new_peer)
    )


def test_other_visits_in_the_proposal_count_towards_this_cycle():
    second = Event(
        id=2,
        agency_id="W",
        agency_name="Westshire School",
        sector="education",
        date=date(2027, 3, 19),
    )
    text = explain_pairing(
        HEALTH_VISIT,
        ANN,
        BOB,
        people=[ANN, BOB],
        events=[HEALTH_VISIT, second],
        assignment={2: (1, None)},
    )
    assert (
        "Lead Ann Lead (Police): 2 visits in this proposal (also Westshire School on 19 March "
        "2027); never visited this agency." in lines(text)
    )


def test_a_double_visit_is_counted_the_same_at_both_events():
    second = Event(
        id=2, agency_id="W", agency_name="Westshire School", sector="education", date=DAY2
    )
    events = [HEALTH_VISIT, second]
    assignment = {1: (1, 2), 2: (1, 4)}
    first = explain_pairing(
        HEALTH_VISIT, ANN, BOB, people=[ANN, BOB, PAT], events=events, assignment=assignment
    )
    other = explain_pairing(
        second, ANN, PAT, people=[ANN, BOB, PAT], events=events, assignment=assignment
    )
    assert (
        "Lead Ann Lead (Police): 2 visits in this proposal (also Westshire School on 19 March "
        "2027); never visited this agency." in lines(first)
    )
    assert (
        "Lead Ann Lead (Police): 2 visits in this proposal (also Northshire Health on 12 March "
        "2027); never visited this agency." in lines(other)
    )


def test_a_pinned_peer_is_explained_as_pinned_with_the_price_of_keeping_the_pin():
    # The case: a pinned early-years peer while a free health peer costs 0 against 40.
    free_bob = person(2, "Bob Health", agency="P", sector="health", peer=True)
    pinned = Event(
        id=1,
        agency_id="V",
        agency_name="Northshire Health",
        sector="health",
        date=DAY,
        pinned_peer_id=3,
    )
    text = explain_pairing(
        pinned,
        ANN,
        EVE,
        people=[ANN, free_bob, EVE],
        events=[pinned],
        pin_notes={PEER: "pinned as the peer by Alice Admin on 1 December 2026"},
    )
    assert lines(text)[:4] == [
        "Eve Early was pinned as the peer by Alice Admin on 1 December 2026, not chosen by the "
        "proposal.",
        "Early years is a related sector to Health.",
        "Peer Eve Early (Early years): no visits this cycle; never visited this agency.",
        "Keeping the pin costs 40 points: Bob Health (Health) was free and would have cost 40 "
        "points less (40 points less for the peer's sector).",
    ]
    assert "fitted less well" not in text


def test_a_tie_is_called_a_tie_and_says_how_it_was_broken():
    bea = person(5, "Bea Health", agency="Q", sector="health", peer=True, visits_this_cycle=1)
    text = explain_pairing(HEALTH_VISIT, ANN, BOB, people=[ANN, BOB, bea], events=[HEALTH_VISIT])
    assert lines(text)[2] == (
        "A tie: Bea Health (Health) would have cost the same. The solver's fixed order chose Bob "
        "Health; the same information always gives the same choice."
    )


def test_several_ties_are_named_in_one_sentence():
    bea = person(5, "Bea Health", agency="Q", sector="health", peer=True, visits_this_cycle=1)
    cy = person(6, "Cy Health", agency="R", sector="health", peer=True, visits_this_cycle=1)
    text = explain_pairing(
        HEALTH_VISIT, ANN, BOB, people=[ANN, BOB, bea, cy], events=[HEALTH_VISIT]
    )
    assert lines(text)[2] == (
        "A tie: Bea Health (Health) and Cy Health (Health) would each have cost the same. The "
        "solver's fixed order chose Bob Health; the same information always gives the same choice."
    )


def test_a_closer_peer_who_cost_more_says_which_terms():
    dear = person(
        5,
        "Dee Health",
        agency="Q",
        sector="health",
        peer=True,
        visits_this_cycle=1,
        visited_agency_ids=frozenset({"V"}),
        visits_last_three_cycles=10,
    )
    text = explain_pairing(HEALTH_VISIT, ANN, EVE, people=[ANN, dear, EVE], events=[HEALTH_VISIT])
    assert lines(text)[2] == (
        "Dee Health (Health) was free but would have cost 15 points more (40 points less for the "
        "peer's sector, 40 points more for the peer's other visits, 15 points more for the peer "
        "visiting again)."
    )


def test_competition_names_the_event_that_took_the_person():
    free_bob = person(2, "Bob Health", agency="P", sector="health", peer=True)
    lee = person(9, "Lee Lead", agency="Z", sector="police", lead=True)
    school = Event(
        id=2, agency_id="W", agency_name="Westshire School", sector="education", date=DAY
    )
    text = explain_pairing(
        HEALTH_VISIT,
        ANN,
        EVE,
        people=[ANN, free_bob, EVE, lee],
        events=[HEALTH_VISIT, school],
        assignment={2: (9, 2)},
    )
    assert lines(text)[:3] == [
        "No free peer in Health (1 already visiting that day); Early years is a related sector.",
        "Peer Eve Early (Early years): no visits this cycle; never visited this agency.",
        "Bob Health would have cost 30 points less here, but this proposal sends them to "
        "Westshire School that day.",
    ]


def test_a_pinned_pair_that_breaks_the_rules_says_so():
    conflicted = person(
        8,
        "Cal Conflicted",
        agency="L",
        sector="police",
        lead=True,
        conflict_agency_ids=frozenset({"V"}),
    )
    pinned = Event(
        id=1,
        agency_id="V",
        agency_name="Northshire Health",
        sector="health",
        date=DAY,
        pinned_lead_id=8,
    )
    text = explain_pairing(pinned, conflicted, BOB)
    assert (
        lines(text)[-1]
        == "Pinned by an admin despite the rules: Cal Conflicted has declared a conflict with "
        "Northshire Health."
    )


def test_never_pair_breach_is_reported_once():
    ctx = Context(never_pair={(1, 2)})
    text = explain_pairing(HEALTH_VISIT, ANN, BOB, ctx)
    assert lines(text)[-1] == "Breaks the rules: Ann Lead must never be paired with Bob Health."


def test_each_hard_rule_has_a_plain_english_description():
    texts = {rule: describe_breach(rule, HEALTH_VISIT, PEER, BOB, ANN) for rule in HardRule}
    assert texts[HardRule.UNAVAILABLE] == "Bob Health is unavailable on 12 March 2027"
    assert (
        texts[HardRule.AT_MAXIMUM] == "Bob Health has reached their maximum of 2 visits this cycle"
    )
    assert texts[HardRule.SAME_PERSON] == "Bob Health is already the lead for this visit"
    assert texts[HardRule.NOT_ELIGIBLE] == "Bob Health is not one of the active reviewers"
    assert all(text and text[-1] != "." for text in texts.values())


# ---------------------------------------------------------------------------------------------
# Why no pairing
# ---------------------------------------------------------------------------------------------


def test_unpaired_explanation_counts_what_each_rule_removed():
    away = [
        person(10 + i, f"Away {i}", agency=f"A{i}", peer=True, unavailable_dates=frozenset({DAY}))
        for i in range(3)
    ]
    conflicted = [person(20, "Con", agency="C", peer=True, conflict_agency_ids=frozenset({"V"}))]
    full = [
        person(30 + i, f"Full {i}", agency=f"F{i}", peer=True, visits_this_cycle=2)
        for i in range(2)
    ]
    text = explain_unpaired(HEALTH_VISIT, PEER, [ANN] + away + conflicted + full)
    assert text == (
        "No peer is free to visit Northshire Health on 12 March 2027: "
        "3 unavailable, 2 at their maximum, 1 conflicted."
    )


def test_unpaired_explanation_names_own_agency_busy_reciprocal_and_never_pair():
    insider = person(40, "Ina Insider", agency="V", peer=True)
    busy = person(41, "Bea Busy", agency="B", peer=True, busy_dates=frozenset({DAY}))
    reciprocal = person(42, "Rex Recip", agency="X", peer=True)
    shunned = person(43, "Sam Shunned", agency="S", peer=True)
    ctx = Context(existing_peer_visits={("V", "X")}, never_pair={(1, 43)})
    text = explain_unpaired(
        HEALTH_VISIT,
        PEER,
        [ANN, insider, busy, reciprocal, shunned],
        ctx,
        events=[HEALTH_VISIT],
        assignment={1: (1, None)},
    )
    assert text == (
        "No peer is free to visit Northshire Health on 12 March 2027: 1 from Northshire Health "
        "itself, "
        "1 already visiting that day, 1 barred as a reciprocal visit, 1 never to be paired with "
        "Ann Lead."
    )


def test_unpaired_explanation_says_when_the_role_is_not_the_problem():
    text = explain_unpaired(HEALTH_VISIT, PEER, [BOB, EVE])
    assert (
        text
        == "2 peers could visit Northshire Health on 12 March 2027, so the peer is not what is "
        "missing."
    )


def test_unpaired_explanation_when_nobody_holds_the_role():
    assert (
        explain_unpaired(HEALTH_VISIT, LEAD, [BOB])
        == "There are no active sub-group members to act as lead."
    )


def test_unpaired_event_names_the_missing_role():
    proposal = propose([HEALTH_VISIT], [BOB, EVE])
    assert proposal.unpaired_event_ids == (1,)
    text = explain_unpaired_event(
        HEALTH_VISIT, [BOB, EVE], assignment=proposal.assignment(), events=[HEALTH_VISIT]
    )
    assert text == "There are no active sub-group members to act as lead."


def test_an_unpaired_event_names_which_event_took_each_person_that_day():
    school = Event(
        id=2, agency_id="W", agency_name="Westshire School", sector="education", date=DAY
    )
    assignment = {2: (1, 2), 1: (None, None)}
    text = explain_unpaired_event(
        HEALTH_VISIT, [ANN, BOB], events=[HEALTH_VISIT, school], assignment=assignment
    )
    assert text == (
        "No lead is free to visit Northshire Health on 12 March 2027: 1 already visiting that "
        "day. In this proposal, Westshire School took Ann Lead that day. No peer is free to visit "
        "Northshire Health on 12 March 2027: 1 already visiting that day. In this proposal, "
        "Westshire School took Bob Health that day."
    )


def test_unpaired_event_when_the_only_lead_and_peer_may_not_go_together():
    ctx = Context(never_pair={(1, 2)})
    proposal = propose([HEALTH_VISIT], [ANN, BOB], ctx)
    assert proposal.unpaired_event_ids == (1,)
    text = explain_unpaired_event(
        HEALTH_VISIT, [ANN, BOB], ctx, assignment=proposal.assignment(), events=[HEALTH_VISIT]
    )
    assert text.startswith(
        "Free leads and peers exist for Northshire Health on 12 March 2027, but none can go "
        "together"
    )


def test_unpaired_event_after_a_busy_day_blames_the_other_events():
    other = Event(id=2, agency_id="W", agency_name="Westshire School", sector="education", date=DAY)
    events = [other, HEALTH_VISIT]
    proposal = propose(events, [ANN, BOB])
    unpaired = [e for e in events if e.id in proposal.unpaired_event_ids]
    assert len(unpaired) == 1
    text = explain_unpaired_event(
        unpaired[0], [ANN, BOB], events=events, assignment=proposal.assignment()
    )
    assert "1 already visiting that day" in text
    # and it names the event that took them
    paired = next(e for e in events if e.id not in proposal.unpaired_event_ids)
    assert f"In this proposal, {paired.agency_name} took " in text and text.endswith(" that day.")


def test_explanations_use_british_spelling():
    texts = [
        explain_pairing(HEALTH_VISIT, ANN, EVE, people=[ANN, BOB, EVE], events=[HEALTH_VISIT]),
        explain_unpaired(HEALTH_VISIT, PEER, [ANN]),
    ]
    for text in texts:
        for american in ("organization", "prioritize", "favorite", "color", "canceled"):
            assert american not in text.lower()
