"""Small numbers are never shown.

Fewer than 5 hides the figure, and any figure that would reveal it.
"""

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from qa.surveys import results, suppression


def test_a_group_of_fewer_than_five_is_never_broken_down():
    assert suppression.too_small(4) and not suppression.too_small(5)


def test_counts_of_one_to_four_show_as_fewer_than_five_and_zero_is_shown():
    shown = suppression.cells({"a": 20, "b": 3, "c": 0, "d": 2})
    assert shown == {"a": 20, "b": None, "c": 0, "d": None}


def test_one_hidden_count_takes_the_next_smallest_with_it_so_it_cannot_be_worked_out():
    shown = suppression.cells({"yes": 30, "no": 9, "not-sure": 2})
    assert shown == {"yes": 30, "no": None, "not-sure": None}


@given(st.dictionaries(st.sampled_from("abcdef"), st.integers(0, 40), min_size=1))
def test_no_count_between_one_and_four_is_ever_shown_nor_derivable_from_the_total(counts):
    shown = suppression.cells(counts)
    assert all(value is None or value == 0 or value >= 5 for value in shown.values())
    hidden = [key for key, value in shown.items() if value is None]
    assert len(hidden) != 1 or sum(1 for c in counts.values() if c > 0) == 1


QUESTIONS = [
    {"id": 1, "kind": "yes_no", "prompt": "Safe?", "options": []},
    {"id": 2, "kind": "text", "prompt": "Anything else?", "options": []},
    {"id": 3, "kind": "choose_many", "prompt": "Who?", "options": ["Teacher", "Parent"]},
]


def test_results_of_a_group_of_four_show_no_figures_and_no_free_text():
    summary = results.summarise(
        QUESTIONS, {(1, "yes"): 4}, {1: 4, 2: 1}, {2: ["I like lunch"]}, responses=4
    )
    assert all(item["suppressed"] for item in summary)
    assert all(row["count"] is None for row in summary[0]["rows"])
    assert summary[1]["texts"] == []


def test_results_count_and_percent_of_those_who_answered_each_question():
    counts = {(1, "yes"): 12, (1, "no"): 8, (3, "Teacher"): 10, (3, "Parent"): 10}
    summary = results.summarise(
        QUESTIONS, counts, {1: 20, 2: 6, 3: 15}, {2: [f"note {n}" for n in range(6)]}, responses=25
    )
    yes, no, unsure = summary[0]["rows"]
    assert (yes["count"], yes["percent"], no["count"], no["percent"], unsure["count"]) == (
        12,
        60,
        8,
        40,
        0,
    )
    assert summary[0]["answered"] == 20
    assert [row["percent"] for row in summary[2]["rows"]] == [67, 67]
    assert len(summary[1]["texts"]) == 6


def test_a_question_few_answered_is_suppressed_even_in_a_big_group():
    summary = results.summarise(QUESTIONS, {(1, "yes"): 3}, {1: 3}, {}, responses=80)
    assert summary[0]["suppressed"] and summary[0]["rows"][0]["count"] is None


def test_settings_with_fewer_than_five_responses_show_no_figure():
    assert results.by_setting([("Oak Primary", 40), ("Youth club", 3), ("Library", 0)]) == [
        ("Oak Primary", 40),
        ("Youth club", None),
        ("Library", 0),
    ]


STEPS = ((1, lambda cell: cell[:7]), (0, suppression.hide), (1, suppression.hide))


def test_export_rows_coarsen_a_date_to_its_month_then_hide_what_fewer_than_five_share():
    rows = [["Oak", "2026-03-02"]] * 5 + [["Oak", "2026-03-09"]] * 4 + [["Ash", "2026-03-09"]]
    shown = suppression.coarsen_rows(rows, STEPS)
    assert shown[:5] == [["Oak", "2026-03-02"]] * 5  # a group of five is shown as it is
    # the four Oak rows and the lone Ash row of the 9th: their month, and then no setting, makes
    # a group of five
    assert shown[5:] == [[suppression.HIDDEN, "2026-03"]] * 5


@given(
    st.lists(
        st.tuples(
            st.sampled_from("ABC"), st.sampled_from(["2026-03-01", "2026-03-02", "2026-04-01"])
        ),
        max_size=40,
    )
)
def test_every_row_shown_is_shared_by_five_or_shows_nothing(rows):
    shown = suppression.coarsen_rows([list(row) for row in rows], STEPS)
    counts = Counter(tuple(row) for row in shown)
    for row in shown:
        assert counts[tuple(row)] >= 5 or row == [suppression.HIDDEN, suppression.HIDDEN]
