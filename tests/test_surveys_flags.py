"""The safeguarding matcher finds worrying words in free text, with their endings.

And not inside other words.
"""

import pytest

from qa.surveys.flags import DEFAULT_PHRASES, matches


@pytest.mark.parametrize(
    "text, found",
    [
        ("My brother hits me when mum is out", ["hit", "hits me"]),
        ("I get HURT at home", ["hurt"]),
        ("sometimes i want to die", ["want to die"]),
        ("I don’t feel safe walking home", ["don't feel safe"]),
        ("He keeps hitting people", ["hit"]),
        ("I am not   safe.", ["not safe"]),
    ],
)
def test_worrying_answers_are_flagged(text, found):
    assert matches(text, DEFAULT_PHRASES) == found


@pytest.mark.parametrize(
    "text",
    [
        "I like white bread and history lessons",
        "School is great",
        "",
        "The hurtle race was fun",
    ],
)
def test_ordinary_answers_are_not_flagged(text):
    assert matches(text, DEFAULT_PHRASES) == []


def test_admins_own_phrases_are_used():
    assert matches("they took my phone", ["took my phone"]) == ["took my phone"]
    assert matches("they took my phone", []) == []
