"""Reading returns: a return's standards with their counts, last year's return.

An agency's ratings. A few queries each, never one per row.
"""

from dataclasses import dataclass

from peewee import Case, fn

from qa.actions.models import LIVE, Action
from qa.cycles.models import Cycle
from qa.documents import Document
from qa.frameworks.models import Framework, Standard
from qa.frameworks.seed import SECTION_11
from qa.people.models import Agency, Sector, User
from qa.section11 import rules
from qa.section11.models import Rating, RatingDocument, Return


@dataclass
class Row:
    """One standard of a return, as the task list, check-your-answers page and PDF show it."""

    rating: Rating
    actions: int = 0
    documents: int = 0

    @property
    def standard(self):
        return self.rating.standard

    @property
    def answer(self):
        return rules.Answer(
            self.rating.id,
            label(self.standard),
            self.rating.rag,
            self.rating.evidence,
            self.actions,
            self.documents,
        )

    @property
    def status(self):
        return rules.standard_status(self.answer)

    @property
    def needs(self):
        """What it still needs, in words ("evidence and an improvement action")."""
        return rules.needs_in_words(self.answer)


def label(standard):
    return f"{standard.title} (standard {standard.code})"


def section11_framework():
    return (
        Framework.get_or_none(Framework.name == SECTION_11[0])
        or Framework.select().order_by(Framework.id).first()
    )


def framework_for(agency):
    """The framework an agency rates itself against: its own, or Section 11 when none is set."""
    return agency.framework if agency.framework_id else section11_framework()


def frameworks():
    return list(Framework.select().order_by(Framework.id))


def sectors():
    return Sector.select().order_by(Sector.name)


def previous_cycle(cycle):
    return Cycle.select().where(Cycle.starts < cycle.starts).order_by(Cycle.starts.desc()).first()


def return_of(agency, cycle):
    if cycle is None:
        return None
    return (
        Return.select(Return, Cycle)
        .join(Cycle)
        .where((Return.agency == agency) & (Return.cycle == cycle))
        .first()
    )


def previous_return(agency, cycle):
    before = previous_cycle(cycle) if cycle else None
    return return_of(agency, before) if before else None


def live_action_counts(rating_ids):
    query = (
        Action.select(Action.source_id, fn.COUNT(Action.id))
        .where(
            (Action.source == "section11")
            & Action.source_id.in_(rating_ids)
            & Action.status.in_(LIVE)
        )
        .group_by(Action.source_id)
    )
    return dict(query.tuples())


def _document_counts(rating_ids):
    query = (
        RatingDocument.select(RatingDocument.rating, fn.COUNT(RatingDocument.id))
        .where(RatingDocument.rating.in_(rating_ids))
        .group_by(RatingDocument.rating)
    )
    return dict(query.tuples())


def rows(ret):
    """The standards of a return in framework order, each with its live actions and documents
    counted (three queries)."""
    ratings = list(
        Rating.select(Rating, Standard)
        .join(Standard)
        .where(Rating.return_ == ret)
        .order_by(Standard.position, Standard.id)
    )
    ids = [r.id for r in ratings]
    actions, documents = live_action_counts(ids), _document_counts(ids)
    return [Row(r, actions.get(r.id, 0), documents.get(r.id, 0)) for r in ratings]


def state_of(ret, rows_):
    return rules.return_state(
        ret.status if ret else None, any(row.status != rules.NOT_STARTED for row in rows_)
    )


def actions_for(rating):
    """The live improvement actions of a rating's action plan, soonest due first."""
    return list(
        Action.select()
        .where(
            (Action.source == "section11")
            & (Action.source_id == rating.id)
            & Action.status.in_(LIVE)
        )
        .order_by(Action.due, Action.id)
    )


def actions_by_rating(rating_ids):
    """Live actions for many ratings at once: {rating id: [Action]}."""
    found = {}
    query = (
        Action.select()
        .where(
            (Action.source == "section11")
            & Action.source_id.in_(list(rating_ids))
            & Action.status.in_(LIVE)
        )
        .order_by(Action.due, Action.id)
    )
    for action in query:
        found.setdefault(action.source_id, []).append(action)
    return found


def documents_for(rating_ids):
    """Documents linked to ratings, without their contents: {rating id: [Document]}."""
    found = {}
    query = (
        Document.select(
            Document.id,
            Document.filename,
            Document.content_type,
            Document.size,
            Document.uploaded_at,
            RatingDocument.rating.alias("rating_id"),
        )
        .join(RatingDocument)
        .where(RatingDocument.rating.in_(list(rating_ids)))
        .order_by(Document.uploaded_at, Document.id)
        .objects()
    )
    for document in query:
        found.setdefault(document.rating_id, []).append(document)
    return found


def previous_rating(rating):
    """Last cycle's rating of the same standard by the same agency (matched by code), or None."""
    ret = rating.return_
    before = previous_cycle(ret.cycle)
    if before is None:
        return None
    return (
        Rating.select(Rating)
        .join(Return)
        .switch(Rating)
        .join(Standard)
        .where(
            (Return.agency == ret.agency_id)
            & (Return.cycle == before)
            & (Standard.code == rating.standard.code)
        )
        .first()
    )


def ratings_for(agency, cycle):
    """An agency's ratings for a cycle, with their standards, in framework order; [] when it has no
    return.

    The interface for other features (challenge events): each Rating carries rag, evidence,
    moderation_status ('', 'agreed', 'challenged') and moderation_comment; rating.standard is
    loaded.
    """
    return list(
        Rating.select(Rating, Standard, Return)
        .join(Standard)
        .switch(Rating)
        .join(Return)
        .where((Return.agency == agency) & (Return.cycle == cycle))
        .order_by(Standard.position, Standard.id)
    )


@dataclass
class OverviewRow:
    agency: object
    ret: Return | None
    answered: int
    total: int
    leads: list
    overdue: bool = False

    @property
    def state(self):
        return rules.return_state(self.ret.status if self.ret else None, self.answered > 0)


def overview(cycle, today):
    """Every active agency with its return's state for the cycle, answered standards and its leads
    (four queries)."""
    agencies = list(
        Agency.select(Agency, Sector)
        .join(Sector)
        .where(Agency.active == True)
        .order_by(Agency.name)
    )
    returns_ = {r.agency_id: r for r in Return.select().where(Return.cycle == cycle)}
    answered = Case(None, [(((Rating.rag != "") | (Rating.evidence != "")), 1)], 0)
    tallies = {
        return_id: (done or 0, total)
        for return_id, done, total in Rating.select(
            Rating.return_, fn.SUM(answered), fn.COUNT(Rating.id)
        )
        .join(Return)
        .where(Return.cycle == cycle)
        .group_by(Rating.return_)
        .tuples()
    }
    leads = {}
    for lead in (
        User.select(User.agency, User.name, User.email)
        .where((User.role == "agency_lead") & (User.active == True))
        .order_by(User.name)
    ):
        leads.setdefault(lead.agency_id, []).append(lead)
    rows = []
    for agency in agencies:
        ret = returns_.get(agency.id)
        done, total = tallies.get(ret.id, (0, 0)) if ret else (0, 0)
        row = OverviewRow(agency, ret, done, total, leads.get(agency.id, []))
        row.overdue = rules.is_overdue(row.state, cycle.deadline, today)
        rows.append(row)
    return rows


def summary(agency, cycle):
    """An agency's return at a glance, for its lead's home page: {'state', 'label', 'complete',
    'total'}."""
    ret = return_of(agency, cycle)
    found = rows(ret) if ret else []
    state = state_of(ret, found)
    labels = {
        "not started": "not started",
        "in progress": "in progress",
        "submitted": "submitted",
        "reopened": "reopened for changes",
    }
    return {
        "state": state,
        "label": labels[state],
        "complete": sum(row.status == rules.COMPLETE for row in found),
        "total": len(found),
    }


def return_counts(cycle, today):
    """For the admin's home: how many active agencies, how many have sent their return in, and how
    many are past the deadline without it (the overview's four queries)."""
    found = overview(cycle, today)
    return {
        "agencies": len(found),
        "submitted": sum(row.state == rules.SUBMITTED for row in found),
        "overdue": sum(row.overdue for row in found),
    }


def moderation_waiting(cycle):
    """Ratings in the cycle's submitted returns that the sub-group has neither agreed nor
    challenged: {'count', 'next'}, `next` the id of the first (by agency, then standard) or None."""
    waiting = (
        Rating.select(Rating.id)
        .join(Return)
        .join(Agency)
        .switch(Rating)
        .join(Standard)
        .where(
            (Return.cycle == cycle)
            & (Return.status == rules.SUBMITTED)
            & (Rating.moderation_status == "")
        )
    )
    first = waiting.order_by(Agency.name, Standard.position).first()
    return {"count": waiting.count(), "next": first.id if first else None}


@dataclass
class NextToModerate:
    rating: Rating  # with its standard and return's agency loaded
    waiting: int  # ratings waiting for moderation in the cycle and framework, this one aside


def next_to_moderate(rating):
    """The next rating waiting for moderation after `rating`: rated, in a submitted return of the
    same cycle and framework, not yet agreed or challenged; in heatmap order (agency name, then
    standard), going round to the first after the last. None when no other is waiting. One
    query."""
    ret = rating.return_
    waiting = list(
        Rating.select(Rating, Standard, Return, Agency)
        .join(Standard)
        .switch(Rating)
        .join(Return)
        .join(Agency)
        .where(
            (Return.cycle == ret.cycle_id)
            & (Return.status == "submitted")
            & (Standard.framework == rating.standard.framework_id)
            & (Rating.rag != "")
            & (Rating.moderation_status == "")
            & (Rating.id != rating.id)
        )
        .order_by(Agency.name, Agency.id, Standard.position, Standard.id)
    )
    if not waiting:
        return None
    here = (ret.agency.name, ret.agency_id, rating.standard.position, rating.standard_id)

    def place(r):
        return (r.return_.agency.name, r.return_.agency_id, r.standard.position, r.standard_id)

    after = next((r for r in waiting if place(r) > here), waiting[0])
    return NextToModerate(after, len(waiting))
