"""Changing a return, each change in one write transaction with its audit line.

Start it (blank or from last year), save ratings, action plans and documents, submit, reopen,
moderate. Whether the return may change is asked inside each transaction (`ensure_editable`), so a
return submitted a moment ago refuses the change.
"""

from datetime import datetime

from qa import audit, editing, lifecycle
from qa.actions.models import LIVE, Action
from qa.db import VersionConflict, db
from qa.documents import Document
from qa.frameworks.models import Standard
from qa.lifecycle import Changed as ReturnChanged  # noqa: F401  (scrutiny answers it)
from qa.lifecycle import Locked as ReturnLocked
from qa.lifecycle import NotReady
from qa.section11 import hooks, queries, rules
from qa.section11.forms import MODERATION_LABELS, RATING_LABELS, moderation_words, rating_words
from qa.section11.models import Rating, RatingDocument, Return

CHANGED_WHILE_CHECKING = (
    "The return changed while you were checking it. Check the answers again, then submit."
)


class ActionPlanFull(Exception):
    """The rating's action plan holds as many actions as a standard may have."""

    def __init__(self):
        super().__init__(rules.actions_full_text())


def ensure_editable(return_id):
    """Refuse (ReturnLocked) unless the return may change now (rules.can_change, and no other
    capability locks it: hooks.lock_reason), reading its status inside the write transaction."""
    lifecycle.ensure_editable(Return(id=return_id))
    reason = hooks.lock_reason(Return.get_by_id(return_id))
    if reason:
        raise ReturnLocked(reason)


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
    (unless they saved the same words: then there is nothing to resolve)."""
    if rag not in ("", *rules.RAG):
        raise ValueError(f"Not a rating: {rag!r}")
    with db.atomic("IMMEDIATE"):
        ensure_editable(rating.return_id)
        return editing.update(
            rating,
            version,
            {"rag": rag, "evidence": evidence},
            stamps={"updated_by": user},
            record=lambda saved, before: _rating_changed(saved, user, before),
        )


def save_rating_form(rating, form, user):
    """Save the rating form (autosaved or posted whole): (the rating as saved, None), or (the
    rating as it was, the Conflict to show) when someone else saved other words since.

    After a conflict the form keeps the version it was opened with, so later autosaves cannot
    overwrite the other person's words: only "Keep my version" (`resolve`) does.
    """
    try:
        saved = save_rating(
            rating, form.base_version, form.rag.data or "", form.evidence.data or "", user
        )
    except VersionConflict as error:
        opened_with = form.version.data
        conflict = editing.conflict_for(form, error.current, RATING_LABELS, show=rating_words)
        form.version.data = opened_with
        return rating, conflict
    return saved, None


def _rating_changed(rating, user, before):
    """After a save: its audit line and, when the words changed, the hooks (hooks.changing)."""
    _audit_rating_change(rating, user, before)
    if before:
        hooks.changing(rating.return_id, user)


def _audit_rating_change(rating, user, before):
    """A changed rating is recorded each time, in words; edited evidence once a quarter hour."""
    name = (
        f"{rating.standard.title} in the {rating.return_.cycle.name} return of "
        f"{rating.return_.agency.name}"
    )
    if "rag" in before:
        shown = {"": "", **rules.RAG}
        audit.record(
            user,
            "changed",
            rating,
            f"Rated {name}",
            {"rating": [shown[before["rag"]], shown[rating.rag]]},
        )
    elif "evidence" in before:
        audit.record_quietly(user, "changed", rating, f"Edited the evidence for {name}")


def add_action(rating, user, description, owner, due):
    """Add an action to the rating's plan; ActionPlanFull when it has as many as it may have
    (counted inside the write transaction, so two adds at once cannot pass the limit)."""
    with db.atomic("IMMEDIATE"):
        ensure_editable(rating.return_id)
        if rules.actions_full(_plan_of(rating).count()):
            raise ActionPlanFull()
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
        hooks.changing(ret.id, user)
    return action


def _plan_of(rating):
    """The live actions of the rating's plan (those its page lists)."""
    return Action.select().where(
        (Action.source == "section11") & (Action.source_id == rating.id) & Action.status.in_(LIVE)
    )


def remove_action(rating, action, user):
    with db.atomic("IMMEDIATE"):
        ensure_editable(rating.return_id)
        audit.record(
            user,
            "deleted",
            action,
            f"Removed the improvement action ‘{action}’ from {rating.standard.title}",
        )
        action.delete_instance()
        hooks.changing(rating.return_id, user)


def attach_document(rating, user, filename, content_type, data):
    with db.atomic("IMMEDIATE"):
        ensure_editable(rating.return_id)
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
        hooks.changing(rating.return_id, user)
    return document


def detach_document(rating, document, user):
    """Unlink a document from this rating; the file itself goes only when no other rating (say, last
    year's) uses it."""
    with db.atomic("IMMEDIATE"):
        ensure_editable(rating.return_id)
        RatingDocument.delete().where(
            (RatingDocument.rating == rating) & (RatingDocument.document == document)
        ).execute()
        audit.record(
            user, "removed", document, f"Removed {document.filename} from {rating.standard.title}"
        )
        if not RatingDocument.select().where(RatingDocument.document == document).exists():
            Document.delete().where(Document.id == document.id).execute()
        hooks.changing(rating.return_id, user)


def submit(ret, version, user, found):
    """Lock the return with a timestamp; `found` is what rules.problems said about it (it must be
    empty)."""
    summary = f"Submitted the {ret.cycle.name} Section 11 return for {ret.agency.name}"
    reason = hooks.lock_reason(ret)
    if reason:
        raise ReturnLocked(reason)
    return lifecycle.submit(ret, version, user, found, summary)


def submit_checked(ret, form, user, found):
    """Submit the return from its check-your-answers page; True when it is submitted.

    Otherwise `found` (what rules.problems said) says why: a return that changed while it was
    being checked gets a line asking for another check, and the form moves on to its version.
    """
    try:
        submit(ret, form.version.data, user, found)
    except VersionConflict as error:
        found.append((None, CHANGED_WHILE_CHECKING))
        form.version.data = str(error.current.version)
        return False
    except (NotReady, ReturnLocked):
        return False
    return True


def reopen(ret, version, reason, user):
    """Let the agency change a submitted return again, for the reason given.

    Raises ReturnChanged when it was saved since `version` or is no longer submitted.
    """
    summary = f"Reopened the {ret.cycle.name} return for {ret.agency.name}"
    return lifecycle.reopen(ret, version, reason, user, summary)


def moderate(rating, version, data, summary=None, *, user):
    """The sub-group's view of a rating (agreed or challenged, with a comment), saved if nobody
    moderated since `version` (its own counter, `moderation_version`); else VersionConflict.

    The signature of a `write` for editing.save_form: `save_moderation` passes it.
    """
    status, comment = data["moderation_status"] or "", data["moderation_comment"] or ""

    def record(saved, before):
        audit.record(
            user,
            "moderated",
            saved,
            f"Moderated {saved.standard.title} for {saved.return_.agency.name}",
            {
                "moderation": [before.get("moderation_status", status), status],
                "comment": [before.get("moderation_comment", comment), comment],
            },
        )

    return editing.update(
        rating,
        version,
        {"moderation_status": status, "moderation_comment": comment},
        counter="moderation_version",
        stamps={"moderated_by": user, "moderated_at": datetime.now()},
        record=record,
    )


def save_moderation(rating, form, user):
    """Save the moderation form: None when saved, else the Conflict to show (the form then moves on
    to the saved moderation, so sending it again keeps these words)."""
    return editing.save_form(
        rating,
        form,
        MODERATION_LABELS,
        counter="moderation_version",
        write=lambda obj, version, data, summary: moderate(obj, version, data, user=user),
        show=moderation_words,
    )
