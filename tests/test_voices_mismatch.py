"""The pure rules: which answers count as positive.

And when a self-rating and its staff's answers disagree.
"""

import pytest

from qa.section11.mismatch import judge, line_share
from qa.surveys import kinds


def test_yes_is_the_positive_answer_to_a_yes_no_question():
    assert kinds.positive_values("yes_no", [], []) == {"yes"}


@pytest.mark.parametrize("points, positive", [(3, {"3"}), (5, {"4", "5"})])
def test_the_faces_above_the_middle_one_are_positive(points, positive):
    assert kinds.positive_values("smiley", kinds.default_options("smiley", points), []) == positive


def test_choose_one_counts_only_the_answers_marked_positive_and_free_text_never_counts():
    options = ["Every month", "Every quarter", "Never"]
    assert kinds.positive_values("choose_one", options, ["Every month", "Made up"]) == {
        "Every month"
    }
    assert kinds.positive_values("text", [], ["anything"]) == set()


def test_positive_answers_must_be_some_but_not_all_of_the_questions_own():
    options = ["Yes", "No"]
    assert (
        kinds.positive_problem("choose_one", options, [])
        == "Choose at least one answer that counts as positive"
    )
    assert (
        kinds.positive_problem("choose_one", options, ["Maybe"])
        == "Choose positive answers from the question's own answers"
    )
    assert (
        kinds.positive_problem("choose_one", options, ["Yes", "No"])
        == "Leave at least one answer that does not count as positive"
    )
    assert kinds.positive_problem("choose_one", options, ["Yes"]) is None


def test_green_with_fewer_than_half_positive_is_a_mismatch_in_plain_words():
    verdict = judge("G", 3, 14, 14, "supervision")
    assert verdict.flagged and verdict.kind == "mismatch" and verdict.share == 21
    assert verdict.sentence == (
        "Rated green, but only 21% of its staff gave a positive answer on supervision (3 of 14): "
        "fewer than the 50% the partnership expects beside a green rating."
    )


def test_several_linked_questions_are_counted_as_answers_from_so_many_staff():
    assert (
        "25% of its staff's answers on training were positive (5 of 20 answers, from 10 staff)"
        in judge("A", 5, 20, 10, "training").sentence
    )


@pytest.mark.parametrize("respondents, kind", [(4, "too_few"), (5, "mismatch")])
def test_four_staff_show_nothing_and_five_are_enough(respondents, kind):
    verdict = judge("G", 1, respondents, respondents, "training")
    assert verdict.kind == kind
    assert (verdict.share is None) == (kind == "too_few")
    if kind == "too_few":
        assert "%" not in verdict.sentence and "1 of" not in verdict.sentence


def test_the_threshold_is_the_partnerships_setting():
    assert not judge("G", 6, 10, 10, "supervision", percent=50).flagged
    assert judge("G", 6, 10, 10, "supervision", percent=70).flagged


@pytest.mark.parametrize("rag, kind", [("A", "consistent"), ("R", "consistent"), ("", "not_rated")])
def test_amber_red_and_unrated_are_never_flagged(rag, kind):
    verdict = judge(rag, 1, 10, 10, "supervision")
    assert verdict.kind == kind and not verdict.flagged


def test_red_beside_mostly_positive_staff_gets_a_softer_note():
    verdict = judge("R", 8, 10, 10, "supervision")
    assert (
        verdict.kind == "more_positive"
        and not verdict.flagged
        and "underselling" in verdict.sentence
    )


def test_green_beside_positive_staff_is_consistent():
    assert judge("G", 8, 10, 10, "supervision").sentence.startswith(
        "Rated green; 80% of its staff gave a positive answer on supervision (8 of 10)"
    )


def test_a_question_answered_by_fewer_than_five_hides_its_share():
    assert line_share(1, 4) is None and line_share(1, 5) == 20


def test_the_verdict_speaks_to_the_agencys_own_lead_as_your_staff():
    """The lead's own page said "its staff" to the lead."""
    theirs = judge("G", 2, 10, 10, "supervision")
    yours = judge("G", 2, 10, 10, "supervision", whose="your")
    assert "of its staff" in theirs.sentence and "of your staff" in yours.sentence
    underselling = judge("R", 10, 10, 10, "training", whose="your").sentence
    assert underselling.endswith("You may be underselling your practice.")
