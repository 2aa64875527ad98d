"""Work plan and meeting test data: a reporting year whose third quarter holds today, and the
records an item's progress is drawn from."""

from datetime import date, timedelta

import pytest

from qa.cycles.models import Cycle
from qa.frameworks.models import Framework
from qa.section11.models import Return
from qa.surveys.models import Response, Survey
from qa.workplan.models import Priority, WorkPlanItem


def months_back(day, months):
    month = day.month - 1 - months
    return date(day.year + month // 12, month % 12 + 1, 1)


@pytest.fixture(name="year")
def year_fixture(app):
    """A reporting year that began on the first of the month seven months ago: today is in its
    third quarter, its first two quarters are over."""
    starts = months_back(date.today(), 7)
    ends = months_back(date.today(), -5) - timedelta(days=1)
    return Cycle.create(name="2026-27", starts=starts, ends=ends, deadline=ends)


def make_item(cycle, title, quarter, status="not_started", **more):
    return WorkPlanItem.create(cycle=cycle, title=title, quarter=quarter, status=status, **more)


def make_priority(cycle, title, position=0):
    return Priority.create(cycle=cycle, title=title, position=position)


def submitted_return(agency, cycle):
    framework = Framework.select().first()
    return Return.create(agency=agency, cycle=cycle, framework=framework, status="submitted")


def survey_with(responses, status="open"):
    survey = Survey.create(title="What children told us", status=status)
    for _ in range(responses):
        Response.create(survey=survey)
    return survey
