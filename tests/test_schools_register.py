"""Reading the register's CSV export: good rows become settings of the right kind, bad rows are
listed by line, Windows-1252 files read, and what an import would change is worked out before
anything is saved."""

from qa.schools import register, rules
from tests.schools_fixtures import register as file_of
from tests.schools_fixtures import row


def test_a_good_file_gives_settings_of_each_kind_in_their_locality():
    data = file_of(
        row("100001", "Oak Primary School"),
        row("100002", "Hill Academy", kind="Academy converter", phase="Secondary"),
        row("100003", "Grange School", kind="Other independent school", phase="Not applicable"),
        row(
            "100004",
            "Little Ducks Nursery School",
            kind="Local authority nursery school",
            phase="Nursery",
        ),
        row(
            "100005",
            "Northbrook College",
            kind="Further education",
            phase="16 plus",
            town="Elsewhere",
        ),
    )
    problem, entries, bad = register.read(data, ["Millbrook", "Riverside"])
    assert problem is None and bad == []
    kinds = {e["urn"]: e["kind"] for e in entries}
    assert kinds == {
        "100001": "school",
        "100002": "school",
        "100003": "independent",
        "100004": "early_years",
        "100005": "further_education",
    }
    first = entries[0]
    assert first["locality"] == "Millbrook" and entries[4]["locality"] == ""
    assert first["head_name"] == "Mrs Ann Lee" and first["address"] == "1 High Street, Millbrook"
    assert entries[2]["phase"] == ""  # "Not applicable" is no phase


def test_bad_rows_are_listed_with_their_line_numbers():
    data = file_of(
        row("100001", "Oak Primary School"),
        row("12", "Short URN School"),
        row("100003", ""),
        row("100001", "Oak Primary School again"),
        row("100005", "Odd School", status="Sort of open"),
    )
    problem, entries, bad = register.read(data)
    assert problem is None and [e["urn"] for e in entries] == ["100001"]
    assert bad == [
        (3, "the URN \u201c12\u201d must be a number of 5 to 7 digits"),
        (4, "the establishment's name is blank"),
        (5, "the URN 100001 is also on line 2"),
        (6, "the status \u201cSort of open\u201d is not one the register uses"),
    ]


def test_a_file_without_the_registers_columns_is_refused_whole():
    problem, entries, _ = register.read(b"urn,name\n100001,Oak\n")
    assert problem.startswith("Line 1: the header must name the columns URN, EstablishmentName")
    assert entries == []


def test_a_windows_1252_export_reads():
    data = file_of(row("100001", "St Anne\u2019s C\u00e9 Primary School"), encoding="cp1252")
    problem, entries, _ = register.read(data)
    assert problem is None and entries[0]["name"] == "St Anne\u2019s C\u00e9 Primary School"


def _entry(urn, **changes):
    base = register.read(file_of(row(urn, f"School {urn}")))[1][0]
    return base | changes


def test_the_plan_names_new_changed_and_closed_settings():
    existing = {
        "100001": (1, _entry("100001")),
        "100002": (2, _entry("100002")),
        "100003": (3, _entry("100003")),
        "100004": (4, _entry("100004")),
    }
    entries = [
        _entry("100001"),
        _entry("100002", name="New name", phase="Secondary"),
        _entry("100003", status="closed"),
        _entry("100009"),
        _entry("100010", status="closed"),
    ]
    plan = rules.compare(entries, existing)
    assert [e["urn"] for e in plan.new] == ["100009"]
    assert [(e["urn"], labels) for e, labels, _ in plan.changed] == [("100002", ["name", "phase"])]
    assert [e["urn"] for e, _ in plan.closed] == ["100003"]
    assert [e["urn"] for e in plan.skipped_closed] == ["100010"]
    assert (plan.unchanged, plan.not_in_file, plan.writes) == (1, 1, 3)


def test_two_settings_with_one_name_get_names_of_their_own():
    entry = _entry("100001", name="St Mary's School", address="1 Lane, Millbrook")
    assert rules.unique_name(entry, set()) == "St Mary's School"
    assert rules.unique_name(entry, {"st mary's school"}) == "St Mary's School (Millbrook)"
    taken = {"st mary's school", "st mary's school (millbrook)"}
    assert rules.unique_name(entry, taken) == "St Mary's School (URN 100001)"
