"""Complementary suppression: no figure under 5 can be worked out by switching filters.

Every view of a survey's counts (all ages, one age band, one setting, both, each answer within them)
is protected at once; a hidden count under 5 can be neither read nor subtracted back out.
"""

import io
import re
from fractions import Fraction
from itertools import product

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from qa.surveys import suppression
from qa.surveys.models import Answer, Question, Response, SurveyLink
from tests.survey_fixtures import make_survey

SETTINGS, BANDS, ANSWERS = ("Oak", "Ash", "Elm"), ("8-12", "13-17"), ("yes", "no")


def test_five_aged_8_to_12_and_one_aged_13_to_17_give_nobody_away():
    shown = suppression.protect({("Oak", "8-12"): 5, ("Oak", "13-17"): 1}, [{}, {}])
    assert shown.count((None, None)) == 6
    # "all ages" minus "8-12 only" would be the one 13-17 child
    assert shown.count((None, "8-12")) is None and shown.count((None, "13-17")) is None


def test_a_setting_with_one_response_hides_another_so_the_total_does_not_give_it_away():
    shown = suppression.protect({("Oak",): 20, ("Ash",): 9, ("Elm",): 1}, [{}])
    assert [shown.count((s,)) for s in SETTINGS] == [20, None, None]
    assert shown.count((None,)) == 30


def test_answers_within_a_band_are_hidden_when_all_ages_would_give_them_back():
    counts = {("8-12", "yes"): 5, ("13-17", "yes"): 1, ("8-12", "no"): 6, ("13-17", "no"): 6}
    shown = suppression.protect(counts, [{}, {}])
    # 11 in 8-12, 7 in 13-17; yes: 6 of all ages, 5 of 8-12, so 8-12 "yes" must go
    assert shown.count((None, "yes")) == 6
    assert shown.count(("8-12", "yes")) is None and shown.count(("13-17", "yes")) is None


def test_a_sector_hides_with_its_agencies():
    sectors = {"Police": "Justice", "Probation": "Justice", "School": "Education"}
    counts = {("Police",): 6, ("Probation",): 2, ("School",): 12}
    shown = suppression.protect(counts, [sectors])
    assert shown.count(("Probation",)) is None and shown.count(("Police",)) is None
    assert shown.count(("Justice",)) == 8 and shown.count(("School",)) == 12


def test_a_group_hidden_elsewhere_is_hidden_here_with_everything_inside_it():
    shown = suppression.protect(
        {("Oak", "yes"): 10, ("Ash", "yes"): 10}, [{}, {}], hidden=[("Oak", None)]
    )
    assert shown.count(("Oak", None)) is None and shown.count(("Oak", "yes")) is None


def groups(dims):
    return list(product(*[(None, *values) for values in dims]))


def contains(whole, part):
    return all(w is None or w == p for w, p in zip(whole, part, strict=True))


def rank(rows):
    """Rank of 0/1 rows, exactly (fractions)."""
    rows = [[Fraction(x) for x in row] for row in rows]
    r = 0
    for col in range(len(rows[0]) if rows else 0):
        pivot = next((i for i in range(r, len(rows)) if rows[i][col]), None)
        if pivot is None:
            continue
        rows[r], rows[pivot] = rows[pivot], rows[r]
        for i in range(len(rows)):
            if i != r and rows[i][col]:
                factor = rows[i][col] / rows[r][col]
                rows[i] = [a - factor * b for a, b in zip(rows[i], rows[r], strict=True)]
        r += 1
    return r


def derivable(target, known, atoms):
    """Whether the count of `target` is a sum and difference of the `known` groups' counts."""
    rows = [[1 if contains(g, a) else 0 for a in atoms] for g in known]
    goal = [1 if contains(target, a) else 0 for a in atoms]
    return rank([*rows, goal]) == rank(rows) if rows else not any(goal)


tables = st.sampled_from([(SETTINGS, BANDS), (SETTINGS[:2], BANDS, ANSWERS), (SETTINGS, ANSWERS)])


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.integers(0, 47), max_size=3),
    tables.flatmap(
        lambda dims: st.tuples(
            st.just(dims),
            st.lists(
                st.integers(0, 12),
                min_size=len(list(product(*dims))),
                max_size=len(list(product(*dims))),
            ),
        )
    ),
)
def test_no_hidden_count_under_five_can_be_worked_out_from_the_figures_shown(forced, case):
    dims, numbers = case
    atoms = list(product(*dims))
    counts = dict(zip(atoms, numbers, strict=True))
    views = groups(dims)  # every filter combination, and each answer within it
    # some groups hidden because another table of the same responses hides them
    hidden = [views[n % len(views)] for n in forced]
    shown = suppression.protect(counts, [{} for _ in dims], hidden=hidden)
    assert all(shown.count(g) is None for g in hidden)
    true = {g: sum(n for a, n in counts.items() if contains(g, a)) for g in views}
    visible = [g for g in views if shown.count(g) is not None]
    for g in visible:
        assert shown.count(g) == true[g] and (true[g] == 0 or true[g] >= 5)
    # subtracting one shown figure from another it contains
    for whole in visible:
        for part in visible:
            if whole != part and contains(whole, part):
                assert not 0 < true[whole] - true[part] < 5, (whole, part)
    # any sum and difference of shown figures (and the zeros they show) at all
    zeros = [a for a in atoms if any(true[g] == 0 and contains(g, a) for g in visible)]
    known = visible + zeros
    for g in views:
        if shown.count(g) is None and 0 < true[g] < 5:
            assert not derivable(g, known, atoms), g


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(0, 12), min_size=6, max_size=6))
def test_agencies_within_sectors_and_roles_keep_every_small_count_underivable(numbers):
    """The staff shape: agencies within sectors (a sector hidden or shown as well as each agency),
    and roles."""
    sectors = {"Police": "Justice", "Probation": "Justice", "School": "Education"}
    dims = [tuple(sectors), ("health", "police")]
    atoms = list(product(*dims))
    counts = dict(zip(atoms, numbers, strict=True))
    shown = suppression.protect(counts, [sectors, {}])
    views = list(product((None, *sectors, "Justice", "Education"), (None, *dims[1])))

    def inside(g, a):
        return (g[0] is None or g[0] in (a[0], sectors[a[0]])) and g[1] in (None, a[1])

    true = {g: sum(n for a, n in counts.items() if inside(g, a)) for g in views}
    visible = [g for g in views if shown.count(g) is not None]
    assert all(true[g] == 0 or true[g] >= 5 for g in visible)
    rows = [[1 if inside(g, a) else 0 for a in atoms] for g in visible]
    rows += [  # a group shown as 0 says each of its leaves is 0
        [1 if b == a else 0 for b in atoms]
        for a in atoms
        if any(true[g] == 0 and inside(g, a) for g in visible)
    ]
    for g in views:
        if shown.count(g) is None and 0 < true[g] < 5:
            goal = [1 if inside(g, a) else 0 for a in atoms]
            assert rank([*rows, goal]) > rank(rows), (numbers, g)


# On the pages: Results filtered, the table by setting and the board's PDF


def children(survey, link, band, count, answer="yes"):
    question = survey.questions.where(Question.kind == "yes_no").get()
    for _ in range(count):
        response = Response.create(survey=survey, link=link, age_band=band)
        Answer.create(response=response, question=question, value=answer)


@pytest.fixture
def five_and_one(app):
    survey = make_survey()
    oak = survey.links.order_by(SurveyLink.id).first()
    children(survey, oak, "8-12", 5)
    children(survey, oak, "13-17", 1)
    return survey


def test_all_ages_and_8_to_12_only_together_do_not_give_the_one_13_to_17_away(
    admin_client, five_and_one
):
    survey = five_and_one
    everyone = admin_client.get(f"/admin/surveys/{survey.id}/results").get_data(as_text=True)
    younger = admin_client.get(f"/admin/surveys/{survey.id}/results?band=8-12").get_data(
        as_text=True
    )
    assert "6 responses" in everyone and "6 (100%)" in everyone
    assert "5 responses in this group" not in younger and "5 (100%)" not in younger
    assert "Responses hidden in this group" in younger
    older = admin_client.get(f"/admin/surveys/{survey.id}/results?band=13-17").get_data(
        as_text=True
    )
    assert "1 response in this group" not in older and "1 (100%)" not in older


def test_the_table_by_setting_never_shows_a_setting_with_one_response(admin_client, app):
    survey = make_survey()
    oak, club = list(survey.links.order_by(SurveyLink.id))
    children(survey, oak, "8-12", 9)
    children(survey, club, "8-12", 1)
    html = admin_client.get(f"/admin/surveys/{survey.id}/results").get_data(as_text=True)
    cells = re.findall(r'govuk-table__cell--numeric">([^<]*)<', html)
    assert cells == ["hidden", "hidden"], cells  # Oak's 9 would give the club's 1 away
    assert "10 responses" in html
    pdf = admin_client.get(f"/admin/surveys/{survey.id}/summary.pdf").data
    text = " ".join("".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "Oak Primary Y6 hidden" in text and "Youth club Tuesday hidden" in text
    assert "Oak Primary Y6 9" not in text
