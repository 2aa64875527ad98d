"""The selection rules (pure).

A shortlist spread across sectors, favouring reds, ambers, challenged ratings and those never or
long ago challenged.
"""

from qa.challenge.selection import Candidate, priority, reasons, shortlist, years_label


def c(agency_id, sector, red=0, amber=0, challenged=0, years=None, chosen=False, submitted=True):
    return Candidate(
        agency_id, f"Agency {agency_id}", sector, red, amber, challenged, years, submitted, chosen
    )


def ids(suggestions):
    return [s.candidate.agency_id for s in suggestions]


def test_default_shortlist_has_five_agencies():
    pool = [c(n, f"Sector {n % 7}", red=n % 3) for n in range(1, 20)]
    assert len(shortlist(pool)) == 5


def test_shortlist_size_is_configurable_and_never_more_than_the_pool():
    pool = [c(n, "Health") for n in range(1, 4)]
    assert len(shortlist(pool, size=2)) == 2
    assert len(shortlist(pool, size=10)) == 3


def test_shortlist_takes_one_per_sector_before_any_sector_gets_a_second():
    pool = [
        c(1, "Health", red=5),
        c(2, "Health", red=4),
        c(3, "Police", amber=1),
        c(4, "Education"),
    ]
    assert ids(shortlist(pool, size=3)) == [1, 3, 4]


def test_a_second_agency_from_a_sector_comes_only_once_every_sector_is_covered():
    pool = [c(1, "Health", red=5), c(2, "Health", red=4), c(3, "Police")]
    assert ids(shortlist(pool, size=3)) == [1, 3, 2]


def test_never_challenged_outranks_recently_challenged_with_the_same_ratings():
    pool = [c(1, "Health", amber=2, years=1), c(2, "Police", amber=2, years=None)]
    assert ids(shortlist(pool, size=1)) == [2]


def test_longer_since_last_challenge_ranks_higher():
    assert priority(c(1, "Health", years=3)) > priority(c(2, "Health", years=1))


def test_red_ratings_weigh_more_than_amber():
    assert priority(c(1, "Health", red=1, years=2)) > priority(c(2, "Health", amber=1, years=2))


def test_challenged_ratings_raise_priority():
    assert priority(c(1, "Health", challenged=2, years=2)) > priority(c(2, "Health", years=2))


def test_agencies_already_chosen_count_towards_the_size_and_cover_their_sector():
    pool = [c(1, "Health", chosen=True), c(2, "Health", red=9), c(3, "Police")]
    assert ids(shortlist(pool, size=2)) == [3]


def test_ties_break_by_name_so_the_shortlist_is_stable():
    pool = [c(2, "Health"), c(1, "Police")]
    assert ids(shortlist(pool, size=2)) == ids(shortlist(list(reversed(pool)), size=2))


def test_reasons_are_plain_words():
    words = reasons(
        c(1, "Health", red=2, amber=1, challenged=1, years=None, submitted=False),
        first_in_sector=True,
    )
    assert words == [
        "2 red and 1 amber self-ratings",
        "1 rating challenged by the sub-group",
        "never challenged",
        "return not submitted yet",
        "brings Health to the shortlist",
    ]
    assert reasons(c(2, "Police", years=1)) == ["last challenged last year"]
    assert reasons(c(3, "Police", amber=1, years=3))[0] == "1 amber self-rating"


def test_years_label_says_never_for_an_agency_never_challenged():
    assert years_label(None) == "Never"
    assert years_label(1) == "Last year"
    assert years_label(4) == "4 years ago"
