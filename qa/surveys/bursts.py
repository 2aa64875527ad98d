"""Bursts: many responses on one link within a few minutes, noticed as they are sent, and
discarded by the admin when they are ballot stuffing."""

from qa import audit
from qa.db import db
from qa.surveys.models import Response, SurveyBurst


def notice(link, response_ids):
    """Keep (or widen) the link's burst to cover `response_ids`; nothing when there are none."""
    if not response_ids:
        return
    first, last = min(response_ids), max(response_ids)
    with db.atomic("IMMEDIATE"):
        burst = (
            SurveyBurst.select()
            .where(
                (SurveyBurst.link == link.id)
                & ~SurveyBurst.discarded
                & (SurveyBurst.last_response >= first)
            )
            .first()
        )
        if burst is None:
            SurveyBurst.create(link=link.id, first_response=first, last_response=last)
        else:
            SurveyBurst.update(
                first_response=min(first, burst.first_response),
                last_response=max(last, burst.last_response),
            ).where(SurveyBurst.id == burst.id).execute()


def responses_in(burst):
    """The responses of a burst: the link's, within its range of ids."""
    return Response.select().where(
        (Response.link == burst.link_id)
        & Response.id.between(burst.first_response, burst.last_response)
    )


def discard(burst, user):
    """Delete the burst's responses (their answers and flags go with them); audited."""
    with db.atomic("IMMEDIATE"):
        count = Response.delete().where(Response.id.in_(responses_in(burst).select(Response.id)))
        count = count.execute()
        SurveyBurst.update(discarded=True).where(SurveyBurst.id == burst.id).execute()
        audit.record(
            user,
            "discarded",
            burst,
            f"Discarded a burst of {count} survey responses sent within a few minutes on "
            f"{burst.link.label}",
        )
    return count
