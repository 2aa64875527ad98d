"""How the action register describes an action raised by a challenge event's finding."""

from flask import url_for

from qa.challenge.models import Finding


def describe(finding_id, user):
    """(detail, url) of the recommendation that raised the action, or None if it is gone."""
    finding = Finding.get_or_none(Finding.id == finding_id)
    if finding is None:
        return None
    return "A recommendation of the challenge event", url_for(
        "challenge.event", event_id=finding.event_id
    )
