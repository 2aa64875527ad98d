"""The auditors' meeting: who came, the themes seen across cases, and per case the agreed
multi-agency grade of each domain and the good practice; each change one write transaction with
its audit line."""

from qa import audit, editing
from qa.actions.models import Action
from qa.case_audits.models import (
    AgreedGrade,
    AuditAttendance,
    AuditRecommendation,
    AuditTheme,
    CaseTheme,
)
from qa.db import db


class ThemeTaken(Exception):
    """The audit already has a theme of that name."""


def save_attendance(audit_, attended_ids, agency_ids, user):
    """Record which of the audit's agencies came to the meeting (the rest did not)."""
    with db.atomic("IMMEDIATE"):
        AuditAttendance.delete().where(AuditAttendance.audit == audit_).execute()
        AuditAttendance.insert_many(
            [
                {"audit": audit_.id, "agency": agency_id, "attended": agency_id in attended_ids}
                for agency_id in agency_ids
            ]
        ).execute()
        audit.record(
            user,
            "changed",
            audit_,
            f"Recorded the auditors' meeting of {audit_}: {len(attended_ids)} of "
            f"{len(agency_ids)} agencies came",
        )


def add_theme(audit_, name, kind, user):
    with db.atomic("IMMEDIATE"):
        if (
            AuditTheme.select()
            .where((AuditTheme.audit == audit_) & (AuditTheme.name == name))
            .exists()
        ):
            raise ThemeTaken()
        theme = AuditTheme.create(audit=audit_, name=name, kind=kind)
        audit.record(user, "created", theme, f"Added the {kind} theme ‘{name}’ to {audit_}")
    return theme


def agree_case(case, version, grades, data, theme_ids, user):
    """Save what the meeting agreed for a case: a grade per domain (blank for not agreed), its
    good practice and notes (at `version`: VersionConflict when someone saved first), and its
    themes."""
    with db.atomic("IMMEDIATE"):
        editing.update(case, version, data, f"Recorded the meeting's view of case {case.reference}")
        AgreedGrade.delete().where(AgreedGrade.case == case).execute()
        rows = [{"case": case.id, "domain": d, "grade": g} for d, g in grades.items() if g]
        if rows:
            AgreedGrade.insert_many(rows).execute()
        CaseTheme.delete().where(CaseTheme.case == case).execute()
        if theme_ids:
            CaseTheme.insert_many([{"case": case.id, "theme": t} for t in theme_ids]).execute()
        audit.record(
            user,
            "agreed",
            case,
            f"Agreed {len(rows)} grades and {len(theme_ids)} themes for case {case.reference}",
            {name: ["", grade] for name, grade in grades.items() if grade},
        )
    return case


def recommend(audit_, text, agency, officer, owner, due, user):
    """Add a recommendation and its action on the register (source: case audit): one agency's, or
    a partnership-wide one (no agency) followed up by its responsible `officer`."""
    with db.atomic("IMMEDIATE"):
        rec = AuditRecommendation.create(audit=audit_, text=text, agency=agency)
        rec.action = Action.create(
            agency=agency,
            responsible_officer=None if agency is not None else officer,
            cycle=audit_.cycle_id,
            source="case_audit",
            source_id=rec.id,
            description=text,
            owner=owner,
            due=due,
        )
        rec.save()
        whom = agency.name if agency is not None else "the whole partnership"
        audit.record(user, "created", rec, f"Recommended to {whom} in {audit_}: {text[:80]}")
    return rec
