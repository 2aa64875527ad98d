"""Changing a return: start it.

(blank or from last year), save ratings, action plans and documents, submit, reopen, moderate.
"""

from datetime import datetime, timedelta

from qa import audit
from qa.actions.models import LIVE, Action
from qa.audit import AuditEvent
from qa.db import VersionConflict, db
from qa.documents import Document
from qa.frameworks.models import Standard
from qa.section11 import queries, rules
from qa.section11.models import Rating, RatingDocument, Return

# Autosave writes often; one audit line per person per rating per quarter hour says enough about
# edited evidence.
AUDIT_QUIET = timedelta(minutes=15)


class ReturnLocked(Exception):
    """The return has been submitted: nothing in it may change until an admin reopens it."""


class NotReady(Exception):
    def __init__(self, found):
        super().__init__(f"{len(found)} problems stop this return being submitted")
        self.problems = found


class ModerationConflict(Exception):
    def __init__(self, current):
        super().__init__("The moderation changed since it was opened")
        self.current = current


def _check_editable(return_id):
    """Read the status inside the write transaction, so a return submitted a moment ago is still
    refused."""
    if Return.select(Return.status).where(Return.id == return_id).scalar() not in (
        "draft",
        "reopened",
    ):
        raise ReturnLocked()


def start(agency, cycle, user, carry=False):
    """The agency's return for the cycle, created with a blank rating per standard (and last year's
    answers if `carry`)."""
    with db.atomic("IMMEDIATE"):
        ret = Return.get_or_none((Return.agency == agency) & (Return.cycle == cycle))
        if ret is not None:
            return ret
        framework = queries.framework_for(agency)
        ret = Return.create(agency=agency, cycle=cycle, framework=framework)
        standards = Standard.select(Standard.id).where(Standard.framework == framework)
        Rating.insert_many([{"return_": ret.id, "standard": s.id} for s in standards]).execute()
        audit.record(
            user, "started", ret, f"Started the {cycle.name} Section 11 return for {agency.name}"
        )
        previous = queries.previous_return(agency, cycle)
        if carry and previous:
            _carry_forward(previous, ret, user)
    return ret


def _carry_forward(previous, ret, user):
    """Copy last year's ratings, evidence and live actions for review; link (not copy) its
    documents."""
    old = {
        r.standard.code: r
        for r in Rating.select(Rating, Standard).join(Standard).where(Rating.return_ == previous)
    }
    new = {
        r.standard.code: r
        for r in Rating.select(Rating, Standard).join(Standard).where(Rating.return_ == ret)
    }
    pairs = [(old[code], rating) for code, rating in new.items() if code in old]
    now = datetime.now()
    for before, rating in pairs:
        Rating.update(
            rag=before.rag,
            evidence=before.evidence,
            updated_at=now,
            updated_by=user,
            version=Rating.version + 1,
        ).where(Rating.id == rating.id).execute()
    new_for_old = {before.id: rating for before, rating in pairs}
    links = RatingDocument.select().where(RatingDocument.rating.in_(list(new_for_old)))
    RatingDocument.insert_many(
        [{"rating": new_for_old[link.rating_id].id, "document": link.document_id} for link in links]
    ).execute()
    live = Action.select().where(
        (Action.source == "section11")
        & Action.source_id.in_(list(new_for_old))
        & Action.status.in_(LIVE)
    )
    copies = [
        {
            "agency": ret.agency_id,
            "cycle": ret.cycle_id,
            "source": "section11",
            "source_id": new_for_old[a.source_id].id,
            "standard": new_for_old[a.source_id].standard_id,
            "description": a.description,
            "owner": a.owner,
            "due": a.due,
            "status": a.status,
            "carried_from": a.id,
        }
        for a in live
    ]
    if copies:
        Action.insert_many(copies).execute()
    audit.record(
        user,
        "carried forward",
        ret,
        f"Carried forward {len(pairs)} ratings and {len(copies)} open actions from "
        f"{previous.cycle.name}",
    )


def save_rating(rating, version, rag, evidence, user):
    """Save the agency's rating and evidence if nobody saved since `version`; else VersionConflict
    (unless they saved the same)."""
    if rag not in ("", *rules.RAG):
        raise ValueError(f"Not a rating: {rag!r}")
    with db.atomic("IMMEDIATE"):
        _check_editable(rating.return_id)
        before_rag, before_evidence = rating.rag, rating.evidence
        try:
            rating.save_versioned(version, rag=rag, evidence=evidence, updated_by=user)
        except VersionConflict as error:
            if (error.current.rag, error.current.evidence) == (rag, evidence):
                return error.current  # the words on the page are already saved: nothing to resolve
            raise
        _audit_rating_change(rating, user, before_rag, before_evidence)
    return rating


def _audit_rating_change(rating, user, before_rag, before_evidence):
    name = f"{rating.standard.title} in the {rating.return_.cycle.name} return of {rating.return_.agency.name}"
    if before_rag != rating.rag:
        shown = {"": "", **rules.RAG}
        audit.record(
            user,
            "changed",
            rating,
            f"Rated {name}",
            {"rating": [shown[before_rag], shown[rating.rag]]},
        )
    elif before_evidence != rating.evidence and not _recently_audited(rating, user):
        audit.record(user, "changed", rating, f"Edited the evidence for {name}")


def _recently_audited(rating, user):
    return (
        AuditEvent.select()
        .where(
            (AuditEvent.object_type == "Rating")
            & (AuditEvent.object_id == rating.id)
            & (AuditEvent.user == user)
            & (AuditEvent.verb == "changed")
            & (AuditEvent.at > datetime.now() - AUDIT_QUIET)
        )
        .exists()
    )


def add_action(rating, user, description, owner, due):
    with db.atomic("IMMEDIATE"):
        _check_editable(rating.return_id)
        ret = rating.return_
        action = Action.create(
            agency=ret.agency_id,
            cycle=ret.cycle_id,
            source="section11",
            source_id=rating.id,
            standard=rating.standard_id,
            description=description,
            owner=owner,
            due=due,
        )
        audit.record(
            user,
            "created",
            action,
            f"Added an improvement action to {rating.standard.title} for {ret.agency.name}",
        )
    return action


def remove_action(rating, action, user):
    with db.atomic("IMMEDIATE"):
        _check_editable(rating.return_id)
        audit.record(
            user,
            "deleted",
            action,
            f"Removed the improvement action ‘{action}’ from {rating.standard.title}",
        )
        action.delete_instance()


def attach_document(rating, user, filename, content_type, data):
    with db.atomic("IMMEDIATE"):
        _check_editable(rating.return_id)
        document = Document.create(
            filename=filename,
            content_type=content_type,
            size=len(data),
            data=data,
            uploaded_by=user,
        )
        RatingDocument.create(rating=rating, document=document)
        audit.record(
            user,
            "uploaded",
            document,
            f"Uploaded {filename} as evidence for {rating.standard.title}",
        )
    return document


def detach_document(rating, document, user):
    """Unlink a document from this rating; the file itself goes only when no other rating (say, last
    year's) uses it."""
    with db.atomic("IMMEDIATE"):
        _check_editable(rating.return_id)
        RatingDocument.delete().where(
            (RatingDocument.rating == rating) & (RatingDocument.document == document)
        ).execute()
        audit.record(
            user, "removed", document, f"Removed {document.filename} from {rating.standard.title}"
        )
        if not RatingDocument.select().where(RatingDocument.document == document).exists():
            Document.delete().where(Document.id == document.id).execute()


def submit(ret, version, user, found):
    """Lock the return with a timestamp; `found` is what rules.problems said about it (it must be
    empty)."""
    with db.atomic("IMMEDIATE"):
        _check_editable(ret.id)
        if found:
            raise NotReady(found)
        ret.save_versioned(
            version, status="submitted", submitted_at=datetime.now(), submitted_by=user
        )
        audit.record(
            user,
            "submitted",
            ret,
            f"Submitted the {ret.cycle.name} Section 11 return for {ret.agency.name}",
        )
    return ret


def reopen(ret, version, reason, user):
    with db.atomic("IMMEDIATE"):
        if Return.select(Return.status).where(Return.id == ret.id).scalar() != "submitted":
            raise ReturnLocked()  # only a submitted return can be reopened
        ret.save_versioned(version, status="reopened", reopened_reason=reason)
        audit.record(
            user,
            "reopened",
            ret,
            f"Reopened the {ret.cycle.name} return for {ret.agency.name}: {reason}",
            {"reason": ["", reason]},
        )
    return ret


def moderate(rating, expected, status, comment, user):
    """The sub-group's view of a rating (agreed or challenged, with a comment); ModerationConflict
    if someone moderated since `expected`."""
    with db.atomic("IMMEDIATE"):
        changed = (
            Rating.update(
                moderation_status=status,
                moderation_comment=comment,
                moderated_by=user,
                moderated_at=datetime.now(),
                moderation_version=Rating.moderation_version + 1,
            )
            .where((Rating.id == rating.id) & (Rating.moderation_version == int(expected)))
            .execute()
        )
        if changed != 1:
            raise ModerationConflict(Rating.get_by_id(rating.id))
        audit.record(
            user,
            "moderated",
            rating,
            f"Moderated {rating.standard.title} for {rating.return_.agency.name}",
            {
                "moderation": [rating.moderation_status, status],
                "comment": [rating.moderation_comment, comment],
            },
        )
    rating.moderation_status, rating.moderation_comment, rating.moderation_version = (
        status,
        comment,
        int(expected) + 1,
    )
    return rating
