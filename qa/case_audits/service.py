"""Changing the audit programme and its cases, each change in one write transaction with its
audit line.

A case is saved with the agencies involved; each of them then owes a return on it, made here with
a blank grade per domain of the audit.
"""

from peewee import fn

from qa import audit, editing
from qa.case_audits.forms import CASE_LABELS
from qa.case_audits.models import Case, CaseAgency, CaseReturn, DomainGrade, NamedAuditor
from qa.db import VersionConflict, db
from qa.people.models import Agency


class AgencyStarted(Exception):
    """An agency cannot be taken off a case once it has started its return on it."""

    def __init__(self, names):
        super().__init__(
            f"{' and '.join(names)} started a return on this case, so cannot be taken off it"
        )


def _open_returns(case, agency_ids):
    """A return with a blank grade per domain for each agency newly involved."""
    domains = case.audit.domain_list
    for agency_id in agency_ids:
        CaseAgency.create(case=case, agency=agency_id)
        ret = CaseReturn.create(case=case, agency=agency_id)
        DomainGrade.insert_many(
            [{"return_": ret.id, "position": n, "domain": name} for n, name in enumerate(domains)]
        ).execute()


def add_case(audit_, data, agency_ids, user):
    with db.atomic("IMMEDIATE"):
        case = Case.create(audit=audit_, **data)
        _open_returns(case, agency_ids)
        audit.record(
            user,
            "created",
            case,
            f"Added case {case.reference} to {audit_} with {len(agency_ids)} agencies",
        )
    return case


def _started(case, agency_ids):
    """The names of those agencies that have written anything in their return on the case."""
    graded = DomainGrade.select(DomainGrade.return_).where(
        (DomainGrade.grade != "") | (DomainGrade.justification != "")
    )
    started = (
        CaseReturn.select(CaseReturn, Agency)
        .join(Agency)
        .where(
            (CaseReturn.case == case)
            & CaseReturn.agency.in_(list(agency_ids))
            & (
                (CaseReturn.status != "draft")
                | (CaseReturn.worked_well != "")
                | (CaseReturn.worried_about != "")
                | (CaseReturn.needs_to_happen != "")
                | CaseReturn.id.in_(graded)
            )
        )
    )
    return sorted(ret.agency.name for ret in started)


def update_case(case, version, data, agency_ids, user):
    """Save the case's details and the agencies involved; AgencyStarted when an agency taken off
    has begun its return (nothing is saved then), VersionConflict when someone saved first."""
    with db.atomic("IMMEDIATE"):
        before = {row.agency_id for row in CaseAgency.select().where(CaseAgency.case == case)}
        removed, added = before - set(agency_ids), set(agency_ids) - before
        started = _started(case, removed) if removed else []
        if started:
            raise AgencyStarted(started)
        editing.update(case, version, data, f"Changed case {case.reference}")
        if removed:
            CaseAgency.delete().where(
                (CaseAgency.case == case) & CaseAgency.agency.in_(list(removed))
            ).execute()
            CaseReturn.delete().where(
                (CaseReturn.case == case) & CaseReturn.agency.in_(list(removed))
            ).execute()
        _open_returns(case, sorted(added))
        if removed or added:
            audit.record(
                user,
                "changed",
                case,
                f"Changed the agencies involved in case {case.reference}: "
                f"{len(added)} added, {len(removed)} taken off",
            )
    return case


def reference_taken(audit_, form, case_id=None):
    """Whether another case of the audit has the reference (the form then says so)."""
    query = Case.select().where(
        (Case.audit == audit_) & (fn.LOWER(Case.reference) == form.reference.data.lower())
    )
    if case_id is not None:
        query = query.where(Case.id != case_id)
    if query.exists():
        form.reference.errors = [*form.reference.errors, "This audit already has a case with it"]
        return True
    return False


def save_case(case, form, user):
    """Save the case form: None when saved (or refused, with the reason on the form), else the
    Conflict to show."""
    if reference_taken(case.audit, form, case.id):
        return None
    data = {name: getattr(form, name).data for name in CASE_LABELS}
    try:
        update_case(case, form.version.data, data, form.agencies.data, user)
    except AgencyStarted as error:
        form.agencies.errors = [*form.agencies.errors, str(error)]
    except VersionConflict as error:
        return editing.conflict_for(form, error.current, CASE_LABELS)
    return None


def name_auditor(audit_, person, user):
    with db.atomic("IMMEDIATE"):
        named, created = NamedAuditor.get_or_create(audit=audit_, user=person)
        if created:
            audit.record(
                user,
                "created",
                named,
                f"Named {person.name} ({person.agency.name}) as an auditor in {audit_}",
            )
    return named


def remove_auditor(named, user):
    with db.atomic("IMMEDIATE"):
        audit.record(
            user, "deleted", named, f"{named.user.name} is no longer an auditor in {named.audit}"
        )
        named.delete_instance()
