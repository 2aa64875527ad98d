"""Pure survey rules: kinds of question and their answers, link codes.

When a survey takes answers.
"""

from datetime import date

import pytest

from qa.surveys import kinds, rules


def test_every_question_is_optional_so_nothing_sent_is_a_skip():
    for kind in kinds.KINDS:
        options = ["A", "B"] if kind.startswith("choose") else kinds.default_options(kind)
        assert kinds.clean(kind, options, []) == []
        assert kinds.clean(kind, options, [""]) == []


def test_smiley_answers_are_the_points_of_the_scale():
    options = kinds.default_options("smiley", 3)
    assert kinds.choices("smiley", options) == [("1", "Not good"), ("2", "OK"), ("3", "Good")]
    assert kinds.clean("smiley", options, ["3"]) == ["3"]
    assert [face for _, _, face in kinds.faces(options)] == [1, 3, 5]


@pytest.mark.parametrize(
    "kind, options, sent",
    [
        ("smiley", ["a", "b", "c"], ["4"]),
        ("smiley", ["a", "b", "c"], ["1", "2"]),
        ("yes_no", [], ["maybe"]),
        ("choose_one", ["Bus", "Car"], ["Plane"]),
        ("choose_many", ["Bus", "Car"], ["Bus", "<script>"]),
    ],
)
def test_answers_outside_the_questions_options_are_refused(kind, options, sent):
    with pytest.raises(kinds.AnswerRefused):
        kinds.clean(kind, options, sent)


def test_choose_several_keeps_each_choice_once_in_the_questions_order():
    assert kinds.clean("choose_many", ["Bus", "Car", "Walk"], ["Walk", "Bus", "Walk"]) == [
        "Bus",
        "Walk",
    ]


def test_free_text_is_trimmed_and_length_limited():
    assert kinds.clean("text", [], ["  hello \r\n there "]) == ["hello \n there"]
    assert kinds.clean("anything_else", [], ["x" * kinds.TEXT_LIMIT]) == ["x" * kinds.TEXT_LIMIT]
    with pytest.raises(kinds.AnswerRefused):
        kinds.clean("text", [], ["x" * (kinds.TEXT_LIMIT + 1)])


def test_options_must_suit_the_kind_of_question():
    assert kinds.options_problem("smiley", ["a", "b", "c", "d"]) is not None
    assert kinds.options_problem("smiley", ["a", "b", "c"]) is None
    assert kinds.options_problem("choose_one", ["only"]) is not None
    assert kinds.options_problem("choose_many", ["a", "a"]) is not None
    assert kinds.options_problem("yes_no", []) is None
    assert kinds.options_problem("essay", []) is not None


def test_link_codes_are_random_unambiguous_and_checkable():
    codes = {rules.new_code() for _ in range(500)}
    assert len(codes) == 500
    assert all(rules.looks_like_code(code) for code in codes)
    assert not any(set(code) & set("01lio") for code in codes)
    assert not rules.looks_like_code("../admin12")


@pytest.mark.parametrize(
    "status, opens, closes, today, expected",
    [
        ("open", None, None, date(2026, 5, 1), True),
        ("draft", None, None, date(2026, 5, 1), False),
        ("closed", None, None, date(2026, 5, 1), False),
        ("open", date(2026, 5, 2), None, date(2026, 5, 1), False),
        ("open", date(2026, 5, 1), date(2026, 5, 1), date(2026, 5, 1), True),
        ("open", None, date(2026, 4, 30), date(2026, 5, 1), False),
    ],
)
def test_a_survey_takes_answers_only_while_open_and_within_its_dates(
    status, opens, closes, today, expected
):
    assert rules.accepting(status, opens, closes, today) is expected


def test_not_yet_open_and_closed_get_different_kind_words():
    assert rules.why_not_accepting("draft", None, None, date(2026, 1, 1)) == "not-yet"
    assert rules.why_not_accepting("open", date(2026, 2, 1), None, date(2026, 1, 1)) == "not-yet"
    assert rules.why_not_accepting("closed", None, None, date(2026, 1, 1)) == "closed"
