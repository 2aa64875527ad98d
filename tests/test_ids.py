"""Ids from URLs and forms: a number SQLite can hold, or nothing; never a server error."""

import pytest

from qa.ids import LARGEST, parse_id


@pytest.mark.parametrize(
    "value, expected",
    [
        ("7", 7),
        (" 42 ", 42),
        (42, 42),
        (str(LARGEST), LARGEST),
        (str(LARGEST + 1), None),
        ("9" * 40, None),
        ("0", None),
        ("-3", None),
        ("3.5", None),
        ("١٢", None),  # Arabic-Indic digits: isdigit() says yes, SQLite would not
        ("", None),
        (None, None),
        (True, None),
        ("12abc", None),
    ],
)
def test_parse_id(value, expected):
    assert parse_id(value) == expected


def test_an_id_too_big_for_sqlite_in_a_url_is_not_found(admin_client):
    assert admin_client.get(f"/section11/returns/{LARGEST + 1}").status_code == 404
    assert admin_client.get(f"/actions/{'9' * 30}").status_code == 404


def test_the_largest_id_sqlite_holds_is_simply_not_found(admin_client):
    assert admin_client.get(f"/section11/returns/{LARGEST}").status_code == 404
