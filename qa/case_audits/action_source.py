"""How the action register describes an action raised by a case audit's recommendation."""

from flask import url_for

from qa.case_audits.models import AuditRecommendation, CaseAudit


def describe(recommendation_id, user):
    """(detail, url) of the recommendation that raised the action, or None if it is gone."""
    return describe_many([recommendation_id], user).get(recommendation_id)


def describe_many(recommendation_ids, user):
    """{recommendation id: (detail, url)} as `describe` gives each, in one query."""
    found = (
        AuditRecommendation.select(AuditRecommendation, CaseAudit)
        .join(CaseAudit)
        .where(AuditRecommendation.id.in_(list(recommendation_ids)))
    )
    return {rec.id: _described(rec, user) for rec in found}


def _described(rec, user):
    url = url_for("case_audits.show", audit_id=rec.audit_id) if user.on_subgroup else None
    return f"A recommendation of the {rec.audit.topic} case audit", url
