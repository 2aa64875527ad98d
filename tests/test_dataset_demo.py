"""The demo data set: three years of quarterly figures for the starter set with comparators, two
indicators off target and one worse than statistical neighbours; loading twice adds nothing."""

from datetime import date

from qa.dataset import demo, highlight, queries, rules
from qa.dataset.models import Comparator, Figure, Indicator
from qa.dataset.starter import STARTER


def test_the_demo_data_set_tells_its_story(app, people, cycles):
    demo.load()
    assert Indicator.select().count() == len(STARTER)
    quarters = {p for (p,) in Figure.select(Figure.period).distinct().tuples()}
    assert len(quarters) == 12
    assert Comparator.select().where(Comparator.area == "neighbours").count() == 11 * len(STARTER)
    lines = queries.scorecard({}, date.today())
    red = {line["indicator"].code for line in lines if line["rag"] == "R"}
    assert red == {"re-referrals", "cla-out-of-area"}
    behind = {
        line["indicator"].code
        for line in lines
        if next(c for c in line["comparisons"] if c["area"] == "neighbours")["position"] == "worse"
    }
    assert behind == {"hv-new-birth"}
    assert {e["indicator"].code for e in highlight.exceptions(lines)} >= red | behind
    assert any(row["late"] for row in queries.returns_status(date.today()))
    query = Figure.select(Figure.value, Indicator.unit).join(Indicator).tuples()
    assert [(v, u) for v, u in query if rules.figure_problem(v, u)] == []  # each fits its unit
    before = Figure.select().count()
    demo.load()
    assert Figure.select().count() == before
