"""The clash rules (pure).

Busy elsewhere that day, unavailable, a declared conflict, the visited agency's own staff, two
events for one agency.
"""

from datetime import date

from qa.challenge.clashes import Booking, Person, Plan, find, for_person

DAY = date(2027, 2, 10)


def plan(visitors=(), day=DAY, event_id=None):
    return Plan(event_id, 1, "2026-27", 10, "Northbrook Hospitals", day, tuple(visitors))


def kinds(found):
    return [c.kind for c in found]


def test_no_clash_for_a_free_visitor():
    assert find(plan([Person(1, "Olivia Chen", agency_id=20)]), []) == []


def test_visitor_already_visiting_elsewhere_that_day():
    other = Booking(5, 1, 11, "Northbrook Ambulance", DAY, frozenset({1}))
    found = find(plan([Person(1, "Olivia Chen")]), [other])
    assert kinds(found) == ["busy"]
    assert (
        found[0].text == "Olivia Chen is already visiting Northbrook Ambulance on 10 February 2027."
    )


def test_a_busy_visitor_clash_says_when_the_other_visit_is():
    """The warning gave only the date: the admin could not see whether the visits overlapped."""
    other = Booking(5, 1, 11, "Northbrook Ambulance", DAY, frozenset({1}), "09:30 to 12:00")
    found = find(plan([Person(1, "Olivia Chen")]), [other])
    assert found[0].text == (
        "Olivia Chen is already visiting Northbrook Ambulance on 10 February 2027 "
        "from 09:30 to 12:00."
    )


def test_visitor_on_another_day_is_not_busy():
    other = Booking(5, 1, 11, "Northbrook Ambulance", date(2027, 2, 11), frozenset({1}))
    assert find(plan([Person(1, "Olivia Chen")]), [other]) == []


def test_visitor_who_declared_the_date_unavailable():
    found = find(plan([Person(1, "Anita Desai", unavailable=frozenset({DAY}))]), [])
    assert found[0].text == "Anita Desai has said they are not available on 10 February 2027."


def test_visitor_with_a_declared_conflict_with_the_agency():
    found = find(
        plan([Person(1, "Zara Ahmed", conflicts=((10, "Family or personal relationship"),))]), []
    )
    assert found[0].kind == "conflict"
    assert (
        "declared a conflict of interest with Northbrook Hospitals (family or personal "
        "relationship)" in found[0].text
    )


def test_conflict_with_a_different_agency_is_no_clash():
    assert find(plan([Person(1, "Zara Ahmed", conflicts=((99, "Other"),))]), []) == []


def test_visitor_who_works_for_the_visited_agency():
    assert kinds(find(plan([Person(1, "Precious Adebayo", agency_id=10)]), [])) == ["own-agency"]


def test_two_live_events_for_one_agency_in_a_cycle():
    other = Booking(5, 1, 10, "Northbrook Hospitals", date(2027, 3, 3))
    found = find(plan(), [other])
    assert (
        found[0].text
        == "Northbrook Hospitals already has a challenge event in 2026-27 (on 3 March 2027)."
    )


def test_the_event_itself_is_not_a_clash_with_itself():
    same = Booking(7, 1, 10, "Northbrook Hospitals", DAY, frozenset({1}))
    assert find(plan([Person(1, "Olivia Chen")], event_id=7), [same]) == []


def test_an_undated_event_only_checks_conflicts_and_duplicates():
    person = Person(1, "Anita Desai", unavailable=frozenset({DAY}))
    assert (
        for_person(plan(day=None), person, [Booking(5, 1, 11, "Other", None, frozenset({1}))]) == []
    )


def test_every_clash_is_listed_not_just_the_first():
    person = Person(
        1, "Anita Desai", agency_id=10, unavailable=frozenset({DAY}), conflicts=((10, "Other"),)
    )
    assert sorted(kinds(find(plan([person]), []))) == ["conflict", "own-agency", "unavailable"]
