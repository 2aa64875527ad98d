"""Pure: the staff survey's "about your work" answers are checked against the list.

And "prefer not to say" is always possible.
"""

import pytest

from qa.surveys.kinds import AnswerRefused
from qa.surveys.staff import agency_label, clean_about


def test_a_listed_agency_and_role_are_kept():
    assert clean_about("7", "police", [3, 7]) == {
        "agency": 7,
        "agency_answer": "listed",
        "role_group": "police",
    }


@pytest.mark.parametrize("sent", ["other", "not-said"])
def test_other_and_prefer_not_to_say_keep_no_agency(sent):
    assert clean_about(sent, "", [3]) == {
        "agency": None,
        "agency_answer": sent,
        "role_group": "not-said",
    }


def test_leaving_both_blank_is_prefer_not_to_say():
    assert clean_about("", "", [3]) == {
        "agency": None,
        "agency_answer": "not-said",
        "role_group": "not-said",
    }


@pytest.mark.parametrize(
    "agency, role",
    [("99999", ""), ("3 OR 1=1", ""), ("-3", ""), ("12345678901234", ""), ("3", "chief constable")],
)
def test_anything_off_the_list_is_refused(agency, role):
    with pytest.raises(AnswerRefused):
        clean_about(agency, role, [3])


def test_agency_labels_read_plainly():
    assert agency_label("Northbrook Constabulary", "listed") == "Northbrook Constabulary"
    assert (
        agency_label(None, "other") == "Another organisation"
        and agency_label(None, "not-said") == "Prefer not to say"
    )
