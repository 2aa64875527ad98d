"""Keeping answers no longer than needed.

Delete responses older than the retention period, and stale drafts.
"""

from datetime import date

from qa import audit
from qa.db import db
from qa.surveys import visits
from qa.surveys.models import ContactRequest, Response, SurveySettings


def cutoff(today: date, years: int) -> date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February in a year that has none
        return today.replace(year=today.year - years, day=28)


def purge(today=None):
    """Delete responses submitted before the cutoff (their answers and flags go with them); audited.
    Returns counts."""
    today = today or date.today()
    years = SurveySettings.current().retention_years
    before = cutoff(today, years)
    with db.atomic("IMMEDIATE"):
        deleted = Response.delete().where(Response.submitted_on < before).execute()
        ContactRequest.delete().where(ContactRequest.created_on < before).execute()
        if deleted:
            audit.record(
                None,
                "purged",
                None,
                f"Deleted {deleted} survey responses submitted before {before.isoformat()} "
                f"(kept for {years} years)",
                object_type="Response",
            )
    drafts = visits.purge_drafts()
    return {"responses": deleted, "drafts": drafts, "before": before}


def scheduled_purge():
    """The surveys' part of `flask purge`: purge(), said in a sentence."""
    done = purge()
    return (
        f"Deleted {done['responses']} survey responses from before "
        f"{done['before']:%-d %B %Y} and {done['drafts']} abandoned drafts."
    )
