"""The demo's staff surveys.

Two years with the same questions, most agencies answering, and two ratings their staff contradict.
"""

import pytest

from qa.cycles.models import Cycle
from qa.demo import load
from qa.section11 import voices
from qa.section11 import voices_demo as demo
from qa.surveys import queries as survey_queries
from qa.surveys.models import Question, Response, Survey


@pytest.fixture
def cycles(demo_partnership):
    return {c.name: c for c in Cycle.select()}


def test_the_constabulary_and_childrens_services_are_flagged_in_both_cycles_and_nobody_else(cycles):
    for name in ("2025-26", "2026-27"):
        flagged = [(agency, topic) for agency, topic, _ in voices.mismatches(cycles[name])]
        assert flagged == [
            ("Northbrook Constabulary", "Supervision"),
            ("Northbrook Council Children's Services", "Training"),
        ], name


def test_most_agencies_answer_a_few_stay_under_five_and_last_year_compares(cycles):
    this = Survey.get(Survey.title == demo.THIS_YEAR)
    counts = dict(survey_queries.responses_by_agency(this))
    assert (
        sum(1 for n in counts.values() if n is None) >= 4
        and sum(1 for n in counts.values() if n) >= 20
    )
    before, summary = survey_queries.last_year(this, survey_queries.results_for(this)[1])
    assert before.title == demo.LAST_YEAR and all(
        item["compared"] for item in summary if item["rows"]
    )
    assert (
        Question.select().where(Question.survey == this, Question.standard.is_null(False)).count()
        == 6
    )
    before_count = Response.select().count()
    load("kettle river orange")  # a second run adds nothing
    assert Response.select().count() == before_count
