"""A meeting's pure rules: the quorum (at least three agencies represented by someone who came),
said in words, and which due things are not yet on the agenda."""

from types import SimpleNamespace

from qa.meetings import rules


def test_three_agencies_present_make_a_quorum():
    found = rules.quorum([(1, True), (2, True), (3, True)])
    assert found.quorate and found.words == "Quorate — 3 agencies"


def test_two_agencies_are_not_quorate_however_many_people_came():
    found = rules.quorum([(1, True), (1, True), (2, True), (2, True)])
    assert not found.quorate
    assert found.words == "Not quorate — 2 agencies"


def test_apologies_and_people_with_no_agency_do_not_count():
    found = rules.quorum([(1, True), (2, True), (3, False), (None, True)])
    assert found.agencies == 2 and not found.quorate


def test_one_agency_is_said_in_the_singular():
    assert rules.quorum([(7, True)]).words == "Not quorate — 1 agency"


def test_the_number_needed_is_the_rule_of_the_terms_of_reference():
    assert rules.QUORUM_AGENCIES == 3
    assert rules.quorum([(1, True), (2, True)], needed=2).quorate


def test_due_things_already_on_the_agenda_are_not_offered_again_and_the_rest_keep_order():
    due = [
        SimpleNamespace(source="workplan", source_id=4),
        SimpleNamespace(source="action", source_id=9),
        SimpleNamespace(source="case_audit", source_id=2),
        SimpleNamespace(source="action", source_id=3),
    ]
    agenda = [SimpleNamespace(source="action", source_id=9)]
    fresh = rules.not_yet_on(due, agenda)
    assert [(d.source, d.source_id) for d in fresh] == [
        ("action", 3),
        ("case_audit", 2),
        ("workplan", 4),
    ]
