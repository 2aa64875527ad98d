"""The pure rules of scrutiny themes: a finding must rest on the theme's own evidence; evidence is
shown grouped by kind in the declared order."""

from qa.scrutiny import rules


def test_a_finding_with_no_evidence_chosen_is_refused():
    assert rules.finding_problem([], [1, 2]) == rules.NO_EVIDENCE


def test_a_finding_resting_only_on_another_themes_evidence_is_refused():
    assert rules.finding_problem([9], [1, 2]) == rules.NO_EVIDENCE


def test_a_finding_resting_on_one_piece_of_the_themes_evidence_may_be_recorded():
    assert rules.finding_problem([2], [1, 2]) is None


def test_evidence_is_grouped_by_kind_in_the_declared_order_leaving_out_empty_kinds():
    items = [{"kind": "b", "id": 1}, {"kind": "a", "id": 2}, {"kind": "b", "id": 3}]
    labels = {"a": "Kind A", "c": "Kind C", "b": "Kind B"}
    assert rules.grouped(items, labels) == [
        ("Kind A", [{"kind": "a", "id": 2}]),
        ("Kind B", [{"kind": "b", "id": 1}, {"kind": "b", "id": 3}]),
    ]
