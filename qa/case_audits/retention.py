"""Keeping case audits no longer than the partnership's setting: part of `flask purge`."""

from datetime import date

from peewee import fn

from qa import audit
from qa.case_audits.models import CaseAudit
from qa.cycles.models import Cycle
from qa.db import db
from qa.partnership.models import PartnershipSettings


def cutoff(today: date, years: int) -> date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February in a year that has none
        return today.replace(year=today.year - years, day=28)


def purge(today=None):
    """Delete the case audits whose cycle ended before the cutoff (their cases, returns, grades,
    themes and meeting go with them; the actions they raised stay); says what it did."""
    today = today or date.today()
    years = PartnershipSettings.saved("").case_audit_years
    before = cutoff(today, years)
    with db.atomic("IMMEDIATE"):
        old = CaseAudit.select(CaseAudit.id).join(Cycle).where(Cycle.ends < before)
        ids = [row.id for row in old]
        topics = CaseAudit.select(fn.GROUP_CONCAT(CaseAudit.topic)).where(CaseAudit.id.in_(ids))
        named = topics.scalar() or ""
        deleted = CaseAudit.delete().where(CaseAudit.id.in_(ids)).execute() if ids else 0
        if deleted:
            audit.record(
                None,
                "purged",
                None,
                f"Deleted {deleted} case audits whose cycle ended before {before.isoformat()} "
                f"(kept for {years} years): {named}",
                object_type="CaseAudit",
            )
    return f"Deleted {deleted} case audits whose cycle ended before {before.isoformat()}."
