"""Small data-set worlds for the data set's tests: an indicator or two and their figures."""

from datetime import date

from qa.dataset import rules
from qa.dataset.models import Comparator, Figure, Indicator, Locality

NOW = rules.last_closed(date.today())  # the quarter agencies are asked for now
BEFORE = rules.shift(NOW, -1)


def indicator(code="re-referrals", **fields):
    defaults = {
        "name": "Re-referrals within 12 months",
        "definition": "Referrals about a child referred in the year before.",
        "unit": "percent",
        "polarity": "lower",
        "target": 20.0,
        "tolerance": 2.0,
        "cohort": "All children",
    }
    return Indicator.create(code=code, **{**defaults, **fields})


def figures(ind, values, locality=None, last=NOW):
    """Whole-area (or one locality's) figures for the quarters up to `last`, oldest first."""
    periods = rules.recent(last, len(values))
    for period, value in zip(periods, values, strict=True):
        Figure.create(indicator=ind, period=period, locality=locality, value=value)


def comparator(ind, area, value, period=BEFORE):
    return Comparator.create(
        indicator=ind, period=period, area=area, value=value, source="Published statistics"
    )


def locality(name, position=0):
    return Locality.create(name=name, position=position)
