"""How the action register describes an action raised by a challenge event's finding."""

from flask import url_for

from qa.challenge.models import Finding


def describe(finding_id, user):
    """(detail, url) of the recommendation that raised the action, or None if it is gone."""
    return describe_many([finding_id], user).get(finding_id)


def describe_many(finding_ids, user):
    """{finding id: (detail, url)} as `describe` gives each, in one query."""
    findings = Finding.select(Finding.id, Finding.event).where(Finding.id.in_(list(finding_ids)))
    return {
        finding.id: (
            "A recommendation of the challenge event",
            url_for("challenge.event", event_id=finding.event_id),
        )
        for finding in findings
    }
