"""Recording findings: autosaved fields that never silently overwrite the other visitor.

Recommendations, agreeing, reopening.
"""

from datetime import datetime

from qa import audit, editing
from qa.actions.models import Action
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


class Locked(Exception):
    """The findings are agreed (or the event is not being recorded): nothing may change."""


class NotReady(Exception):
    def __init__(self, problems):
        super().__init__("; ".join(problems))
        self.problems = problems


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
    """Save one field of a finding (see `editing.save_field`); returns the saved finding.

    Raises `editing.FieldConflict` when the other visitor saved different words in this field,
    and Locked when the findings are agreed.
    """
    if field not in FIELDS:
        raise KeyError(field)
    return editing.save_field(
        finding,
        field,
        _clean(field, text),
        _clean(field, base),
        version,
        who,
        guard=lambda: _check_recording(finding.event_id),
        after=lambda record, before: _saved(who, record, field, before),
        overwrite=overwrite,
        label=FIELDS[field],
    )


def save_summary(event, text, base, version, who, overwrite=None):
    """Save the visitors' overall summary, on its own counter (see `save_finding_field`)."""
    return editing.save_field(
        event,
        "summary",
        _clean("summary", text),
        _clean("summary", base),
        version,
        who,
        counter="summary_version",
        stamps=("summary_updated_at", "summary_updated_by"),
        guard=lambda: _check_recording(event.id),
        after=lambda record, before: _saved(who, record, "summary", before),
        overwrite=overwrite,
        label="Overall summary",
    )


def save_standard(finding, form, who):
    """Save every field of one standard posted at once (without JavaScript).

    Returns the finding as saved and, for each field the other visitor changed meanwhile, its
    Conflict keyed by (finding id, field); raises Locked when the findings are agreed.
    """
    conflicts = {}
    for name in FIELDS:
        if name in form:
            try:
                finding = save_finding_field(
                    finding,
                    name,
                    form[name],
                    form.get(f"base-{name}", ""),
                    form.get("version", ""),
                    who,
                )
            except editing.FieldConflict as error:
                conflicts[(finding.id, name)] = error.conflict
    return finding, conflicts


def _saved(who, record, field, before):
    """What follows a saved field: the visitors agree again, and one audit line says so."""
    event_id = record.id if field == "summary" else record.event_id
    _unagree(event_id)
    if field == "agreed_rag":
        shown = {"": "", **RAG}
        audit.record(
            who,
            "changed",
            record,
            f"Agreed rating for {record}",
            {
                "agreed rating": [
                    shown.get(before, before),
                    shown.get(record.agreed_rag, record.agreed_rag),
                ]
            },
        )
    elif field == "summary":
        audit.record_quietly(who, "changed", record, f"Edited the summary of the {record}")
    else:
        what = FIELDS[field].lower()
        audit.record_quietly(who, "changed", record, f"Edited the {what} for the {record}")


def _unagree(event_id):
    """A change after one visitor agreed means they must agree again to the words as they are
    now."""
    Visitor.update(agreed_at=None).where(
        (Visitor.event == event_id) & Visitor.agreed_at.is_null(False)
    ).execute()


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
                cancelled_reason="The recommendation was withdrawn when the challenge findings "
                "were reopened",
            ).where(Action.id == rec.action_id).execute()
        _unagree(rec.finding.event_id)
        audit.record(who, "deleted", rec, f"Withdrew the recommendation ‘{rec.text[:200]}’")
        rec.delete_instance()


# Agreeing and reopening -----------------------------------------------------------------------


def problems(event):
    """What stops the findings being agreed, in plain words."""
    found = []
    if not event.has_taken_place():
        when = f"is on {event.starts_at:%-d %B %Y}" if event.starts_at else "has no date yet"
        found.append(f"The visit {when}: the findings can be agreed once it has taken place")
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
