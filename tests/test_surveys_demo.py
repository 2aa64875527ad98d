"""The demo partnership's surveys.

Two open with about a hundred answers, suppression and a flag to show, last year's closed.
"""

from qa.surveys import queries
from qa.surveys.demo import LAST_YEAR, TEENS, THIS_YEAR, load
from qa.surveys.models import Flag, Response, Survey, YouSaidWeDid


def test_demo_surveys_show_every_feature_and_load_once(app):
    load()
    counts = (Survey.select().count(), Response.select().count(), Flag.select().count())
    load()
    assert (Survey.select().count(), Response.select().count(), Flag.select().count()) == counts
    this_year, teens, last_year = (
        Survey.get(Survey.title == t) for t in (THIS_YEAR, TEENS, LAST_YEAR)
    )
    assert this_year.status == teens.status == "open" and last_year.status == "closed"
    assert 90 <= this_year.responses.count() <= 110 and 90 <= teens.responses.count() <= 110
    assert any(count is None for _, count in queries.responses_by_setting(this_year))
    assert any("hits me" in f.answer.value for f in queries.flags_of(this_year))
    assert (
        YouSaidWeDid.select()
        .where((YouSaidWeDid.survey == last_year) & YouSaidWeDid.published)
        .count()
        == 3
    )
    assert this_year.accepting()


def test_purge_deletes_responses_older_than_the_retention_period_and_audits_it(app):
    from datetime import date, timedelta

    from qa.audit import AuditEvent
    from qa.surveys.models import Answer
    from qa.surveys.retention import cutoff, purge

    load()
    old = Response.select().first()
    Response.update(submitted_on=date.today() - timedelta(days=3 * 366)).where(
        Response.id == old.id
    ).execute()
    result = app.test_cli_runner().invoke(args=["purge"])
    assert result.exit_code == 0 and "Deleted 1 survey responses" in result.output
    assert Response.get_or_none(Response.id == old.id) is None
    assert not Answer.select().where(Answer.response == old.id).exists()
    assert AuditEvent.select().where(AuditEvent.verb == "purged").count() == 1
    assert purge()["responses"] == 0
    assert cutoff(date(2028, 2, 29), 3) == date(2025, 2, 28)
