"""Recording findings: autosaved fields that never silently overwrite the other visitor.

Recommendations, agreeing, reopening.
"""

from datetime import datetime, timedelta

from qa import audit
from qa.actions.models import Action
from qa.audit import AuditEvent
from qa.challenge.models import RAG, RECORDING, ChallengeEvent, Finding, Recommendation, Visitor
from qa.challenge.scheduling import lay_out_findings
from qa.db import db
from qa.frameworks.models import Standard

FIELDS = {
    "agreed_rag": "Agreed rating",
    "evidence_seen": "Evidence seen",
    "questions_asked": "Questions asked",
    "strengths": "Strengths",
    "development": "Areas for development",
}
MAX_TEXT = 20_000
# Autosave writes often; one audit line per person per record per quarter hour says enough.
AUDIT_QUIET = timedelta(minutes=15)


class Locked(Exception):
    """The findings are agreed (or the event is not being recorded): nothing may change."""


class NotReady(Exception):
    def __init__(self, problems):
        super().__init__("; ".join(problems))
        self.problems = problems


class FieldConflict(Exception):
    """The other visitor saved different words in this field since you opened it."""

    def __init__(self, field, mine, theirs, version, by, at):
        super().__init__(f"{field} changed since it was opened")
        self.field, self.mine, self.theirs, self.version, self.by, self.at = (
            field,
            mine,
            theirs,
            version,
            by,
            at,
        )


def _check_recording(event_id):
    """Read the status inside the write transaction, so findings agreed a moment ago are still
    refused."""
    if (
        ChallengeEvent.select(ChallengeEvent.status).where(ChallengeEvent.id == event_id).scalar()
        not in RECORDING
    ):
        raise Locked()


def _clean(field, text):
    text = (text or "").replace("\r\n", "\n")
    if field == "agreed_rag":
        return text if text in RAG else ""
    return text[:MAX_TEXT]


def save_finding_field(finding, field, text, base, version, who, overwrite=None):
    """Save one field of a finding (see _save_field); returns the saved finding."""
    if field not in FIELDS:
        raise KeyError(field)
    return _save_field(
        Finding,
        finding.id,
        finding.event_id,
        field,
        "version",
        _clean(field, text),
        _clean(field, base),
        version,
        who,
        overwrite,
        {"updated_at": "updated_at", "updated_by": "updated_by"},
    )


def save_summary(event, text, base, version, who, overwrite=None):
    return _save_field(
        ChallengeEvent,
        event.id,
        event.id,
        "summary",
        "summary_version",
        _clean("summary", text),
        _clean("summary", base),
        version,
        who,
        overwrite,
        {"updated_at": "summary_updated_at", "updated_by": "summary_updated_by"},
    )


def _save_field(
    model, record_id, event_id, field, counter, text, base, version, who, overwrite, stamps
):
    """Save `text` into one field if nobody saved since `version`.

    A stale version is only a conflict when this field's words changed since the visitor opened it
    (`base`): the other visitor saving a different field is merged, not refused. `overwrite` is the
    version the visitor saw in a conflict and chose to replace ("keep mine").
    """
    column, count = getattr(model, field), getattr(model, counter)
    with db.atomic("IMMEDIATE"):
        _check_recording(event_id)
        current = model.get_by_id(record_id)
        saved = getattr(current, field)
        if str(getattr(current, counter)) != str(version):
            if saved == text:
                return current
            if saved != base and str(getattr(current, counter)) != str(overwrite):
                by = getattr(current, stamps["updated_by"])
                raise FieldConflict(
                    field,
                    text,
                    saved,
                    getattr(current, counter),
                    by,
                    getattr(current, stamps["updated_at"]),
                )
        if saved == text:
            return current
        now = datetime.now()
        model.update(
            {
                column: text,
                count: count + 1,
                getattr(model, stamps["updated_at"]): now,
                getattr(model, stamps["updated_by"]): who.id,
            }
        ).where(model.id == record_id).execute()
        _unagree(event_id)
        record = model.get_by_id(record_id)
        _audit_quietly(who, record, field, saved, text)
    return record


def _unagree(event_id):
    """A change after one visitor agreed means they must agree again to the words as they are
    now."""
    Visitor.update(agreed_at=None).where(
        (Visitor.event == event_id) & Visitor.agreed_at.is_null(False)
    ).execute()


def _audit_quietly(who, record, field, before, after):
    if field == "agreed_rag":
        shown = {"": "", **RAG}
        audit.record(
            who,
            "changed",
            record,
            f"Agreed rating for {record}",
            {"agreed rating": [shown.get(before, before), shown.get(after, after)]},
        )
        return
    recent = (
        AuditEvent.select()
        .where(
            (AuditEvent.object_type == type(record).__name__)
            & (AuditEvent.object_id == record.id)
            & (AuditEvent.user == who.id)
            & (AuditEvent.verb == "changed")
            & (AuditEvent.at > datetime.now() - AUDIT_QUIET)
        )
        .exists()
    )
    if not recent:
        audit.record(
            who,
            "changed",
            record,
            "Edited the "
            f"{'summary of the ' + str(record) if field == 'summary' else FIELDS[field].lower() + ' for the ' + str(record)}",
        )


# Recommendations ------------------------------------------------------------------------------


def add_recommendation(finding, text, owner, due, who):
    with db.atomic("IMMEDIATE"):
        _check_recording(finding.event_id)
        rec = Recommendation.create(
            finding=finding, text=text.strip(), owner=owner.strip(), due=due, created_by=who
        )
        _unagree(finding.event_id)
        audit.record(
            who, "created", rec, f"Recommended for {finding.standard.title}: {rec.text[:200]}"
        )
    return rec


def remove_recommendation(rec, who):
    """Withdraw a recommendation; its action (if the findings were agreed before a reopen) is
    cancelled, not lost."""
    with db.atomic("IMMEDIATE"):
        _check_recording(rec.finding.event_id)
        if rec.action_id:
            Action.update(
                status="cancelled",
                cancelled_reason="The recommendation was withdrawn when the challenge findings were reopened",
            ).where(Action.id == rec.action_id).execute()
        _unagree(rec.finding.event_id)
        audit.record(who, "deleted", rec, f"Withdrew the recommendation ‘{rec.text[:200]}’")
        rec.delete_instance()


# Agreeing and reopening -----------------------------------------------------------------------


def problems(event):
    """What stops the findings being agreed, in plain words."""
    found = []
    missing = [
        f.standard.title
        for f in Finding.select(Finding, Standard)
        .join(Standard)
        .where((Finding.event == event) & (Finding.agreed_rag == ""))
    ]
    if missing:
        found.append("Give an agreed rating for " + ", ".join(missing))
    if (
        not ChallengeEvent.select(ChallengeEvent.summary)
        .where(ChallengeEvent.id == event.id)
        .scalar()
        .strip()
    ):
        found.append("Write the overall summary")
    roles = {v.role for v in Visitor.select().where(Visitor.event == event)}
    if roles != {"lead", "peer"}:
        found.append("The event needs both a QA sub-group member and a peer reviewer")
    return found


def agree(event, visitor, who):
    """One visitor confirms the findings; when both have, they are agreed, locked and their
    recommendations become actions."""
    with db.atomic("IMMEDIATE"):
        _check_recording(event.id)
        found = problems(event)
        if found:
            raise NotReady(found)
        Visitor.update(agreed_at=datetime.now()).where(Visitor.id == visitor.id).execute()
        audit.record(who, "agreed", event, f"{who.name} agreed the findings of the {event}")
        waiting = (
            Visitor.select().where((Visitor.event == event) & Visitor.agreed_at.is_null()).exists()
        )
        if not waiting:
            _lock(event, who)
    return not waiting


def _lock(event, who):
    if event.status == "scheduled":
        # the visit happened: keep the agency's ratings as they were on the day
        lay_out_findings(event)
    ChallengeEvent.update(status="agreed", agreed_at=datetime.now()).where(
        ChallengeEvent.id == event.id
    ).execute()
    event.status = "agreed"
    recs = (
        Recommendation.select(Recommendation, Finding)
        .join(Finding)
        .where((Finding.event == event) & Recommendation.action.is_null())
    )
    for rec in recs:
        action = Action.create(
            agency=event.agency_id,
            cycle=event.cycle_id,
            source="challenge",
            source_id=rec.finding_id,
            standard=rec.finding.standard_id,
            description=rec.text,
            owner=rec.owner,
            due=rec.due,
        )
        Recommendation.update(action=action).where(Recommendation.id == rec.id).execute()
    audit.record(
        who,
        "findings agreed",
        event,
        f"Both visitors agreed the findings of the {event}; its recommendations are now tracked "
        "actions",
    )


def reopen(event, reason, who):
    """An admin unlocks agreed findings for correction; both visitors must agree again."""
    if event.status not in ("agreed", "reported"):
        raise Locked()
    with db.atomic("IMMEDIATE"):
        ChallengeEvent.update(status="held", agreed_at=None, reported_at=None).where(
            ChallengeEvent.id == event.id
        ).execute()
        _unagree(event.id)
        audit.record(
            who, "reopened", event, f"Reopened the findings of the {event}: {reason.strip()}"
        )
    event.status = "held"
    return event


def mark_reported(events, who):
    """The board has the report: agreed events become reported."""
    with db.atomic("IMMEDIATE"):
        ids = [e.id for e in events if e.status == "agreed"]
        ChallengeEvent.update(status="reported", reported_at=datetime.now()).where(
            ChallengeEvent.id.in_(ids)
        ).execute()
        for event in events:
            if event.id in ids:
                audit.record(
                    who, "reported", event, f"Reported the findings of the {event} to the board"
                )
    return len(ids)
