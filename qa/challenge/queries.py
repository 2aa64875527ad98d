"""Reading challenge events.

Lists for the calendar, selection, visitors and leads. A few queries each, never one per row.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from peewee import JOIN, Case, fn, prefetch

from qa.challenge.models import (
    LIVE,
    ChallengeEvent,
    ClashOverride,
    Finding,
    Recommendation,
    Visitor,
)
from qa.challenge.selection import Candidate
from qa.cycles.models import Cycle
from qa.documents import Document
from qa.frameworks.models import Framework, Standard
from qa.frameworks.seed import SECTION_11
from qa.people.models import Agency, Sector, User
from qa.section11.models import Rating, RatingDocument, Return


def _events():
    return (
        ChallengeEvent.select(ChallengeEvent, Agency, Sector, Cycle)
        .join(Agency)
        .join(Sector)
        .switch(ChallengeEvent)
        .join(Cycle)
    )


def _with_visitors(query):
    """Each event with .visitors (lead first) and each visitor's user and agency, in two more
    queries."""
    people = (
        Visitor.select(Visitor, User, Agency)
        .join(User)
        .join(Agency, JOIN.LEFT_OUTER)
        .order_by(Visitor.role)
    )
    return prefetch(query, people)


def cycle_events(cycle):
    """The cycle's events, dated ones in date order, then those still to be given a date."""
    query = (
        _events()
        .where(ChallengeEvent.cycle == cycle)
        .order_by(ChallengeEvent.starts_at.is_null(), ChallengeEvent.starts_at, Agency.name)
    )
    return _with_visitors(query)


@dataclass
class Month:
    label: str
    events: list = field(default_factory=list)


def by_month(events):
    """Live events grouped under "January 2027" headings; undated and cancelled ones after."""
    months, undated, cancelled = {}, [], []
    for event in events:
        if event.status == "cancelled":
            cancelled.append(event)
        elif event.starts_at is None:
            undated.append(event)
        else:
            months.setdefault(
                event.starts_at.strftime("%B %Y"), Month(event.starts_at.strftime("%B %Y"))
            ).events.append(event)
    return list(months.values()), undated, cancelled


def events_needing_visitors(cycle):
    """Live events that still lack a lead or a peer: what the pairing page works on."""
    counts = Visitor.select(Visitor.event, fn.COUNT(Visitor.id).alias("n")).group_by(Visitor.event)
    query = (
        _events()
        .join(counts, JOIN.LEFT_OUTER, on=(counts.c.event_id == ChallengeEvent.id))
        .where(
            (ChallengeEvent.cycle == cycle)
            & ChallengeEvent.status.in_(("proposed", "scheduled"))
            & (fn.COALESCE(counts.c.n, 0) < 2)
        )
        .order_by(ChallengeEvent.starts_at.is_null(), ChallengeEvent.starts_at)
    )
    return _with_visitors(query)


def visits_of(user, now=None):
    """The events a reviewer is visiting: those to come soonest first, then those still to be
    dated, then past visits, the latest first."""
    mine = Visitor.select(Visitor.event).where(Visitor.user == user.id)
    query = _events().where(ChallengeEvent.id.in_(mine) & (ChallengeEvent.status != "cancelled"))
    now = now or datetime.now()

    def in_date_order(event):
        if event.starts_at is None:
            return (1, 0)
        if event.ends_at and event.ends_at >= now or event.starts_at >= now:
            return (0, event.starts_at.timestamp())
        return (2, -event.starts_at.timestamp())

    return sorted(_with_visitors(query), key=in_date_order)


def agency_events(agency_id):
    """An agency's own events, newest first, for its lead."""
    query = (
        _events()
        .where((ChallengeEvent.agency == agency_id) & (ChallengeEvent.status != "cancelled"))
        .order_by(Cycle.starts.desc())
    )
    return _with_visitors(query)


def event_detail(event):
    """The event's visitors (lead first) and recorded clash overrides."""
    assigner = User.alias()
    visitors = list(
        Visitor.select(Visitor, User, Agency, assigner)
        .join(User)
        .join(Agency, JOIN.LEFT_OUTER)
        .switch(Visitor)
        .join(assigner, JOIN.LEFT_OUTER, on=(Visitor.assigned_by == assigner.id))
        .where(Visitor.event == event)
        .order_by(Visitor.role)
    )
    overrides = list(
        ClashOverride.select(ClashOverride, User)
        .join(User, JOIN.LEFT_OUTER)
        .where(ClashOverride.event == event)
        .order_by(ClashOverride.at)
    )
    return visitors, overrides


def visitor_on(event, visitor_id):
    """The visitor `visitor_id` of `event`, with their user (a query, for get_object_or_404)."""
    return (
        Visitor.select(Visitor, User)
        .join(User)
        .where((Visitor.id == visitor_id) & (Visitor.event == event.id))
    )


def agency_leads(agency_id):
    return list(
        User.select()
        .where((User.agency == agency_id) & (User.role == "agency_lead") & (User.active == True))
        .order_by(User.name)
    )


# Selection -----------------------------------------------------------------------------------


def candidates(cycle):
    """Every active agency with what makes it a candidate for challenge this cycle, in four
    queries."""
    agencies = list(
        Agency.select(Agency, Sector)
        .join(Sector)
        .where(Agency.active == True)
        .order_by(Agency.name)
    )
    counts = {
        row.agency_id: row
        for row in (
            Return.select(
                Return.agency,
                Return.status,
                fn.SUM(Case(None, [(Rating.rag == "R", 1)], 0)).alias("red"),
                fn.SUM(Case(None, [(Rating.rag == "A", 1)], 0)).alias("amber"),
                fn.SUM(Case(None, [(Rating.moderation_status == "challenged", 1)], 0)).alias(
                    "challenged"
                ),
            )
            .join(Rating, JOIN.LEFT_OUTER)
            .where(Return.cycle == cycle)
            .group_by(Return.id)
        )
    }
    last = dict(
        ChallengeEvent.select(ChallengeEvent.agency, fn.MAX(Cycle.starts))
        .join(Cycle)
        .where(
            (Cycle.starts < cycle.starts)
            & ChallengeEvent.status.in_(("held", "agreed", "reported"))
        )
        .group_by(ChallengeEvent.agency)
        .tuples()
    )
    chosen = set(
        ChallengeEvent.select(ChallengeEvent.agency)
        .where((ChallengeEvent.cycle == cycle) & ChallengeEvent.status.in_(LIVE))
        .tuples()
    )
    chosen = {agency_id for (agency_id,) in chosen}
    found = []
    for agency in agencies:
        row = counts.get(agency.id)
        when = last.get(agency.id)
        years = None if when is None else cycle.starts.year - _date(when).year
        found.append(
            Candidate(
                agency.id,
                agency.name,
                agency.sector.name,
                int(row.red or 0) if row else 0,
                int(row.amber or 0) if row else 0,
                int(row.challenged or 0) if row else 0,
                years,
                bool(row and row.status == "submitted"),
                agency.id in chosen,
            )
        )
    return found


def not_yet_chosen(cycle, agency_ids):
    """The candidates among `agency_ids` that have no challenge event in `cycle` yet."""
    return [c for c in candidates(cycle) if c.agency_id in agency_ids and not c.chosen]


def _date(value):
    from datetime import date, datetime

    if isinstance(value, (date, datetime)):
        return value
    return date.fromisoformat(str(value)[:10])


def chosen_events(cycle):
    return {
        e.agency_id: e
        for e in ChallengeEvent.select().where(
            (ChallengeEvent.cycle == cycle) & ChallengeEvent.status.in_(LIVE)
        )
    }


# Findings ------------------------------------------------------------------------------------


@dataclass
class Row:
    """One standard on the findings page: the visitors' finding beside the agency's own rating."""

    finding: Finding
    rating: Rating | None = None
    documents: list = field(default_factory=list)
    recommendations: list = field(default_factory=list)

    @property
    def standard(self):
        return self.finding.standard


def finding_rows(event):
    """Each standard's finding, the agency's own rating and evidence, its documents and the
    recommendations: five queries."""
    findings = list(
        Finding.select(Finding, Standard)
        .join(Standard)
        .where(Finding.event == event)
        .order_by(Standard.position)
    )
    ratings = {
        r.standard_id: r
        for r in Rating.select(Rating)
        .join(Return)
        .where((Return.agency == event.agency_id) & (Return.cycle == event.cycle_id))
    }
    documents = defaultdict(list)
    for link in (
        RatingDocument.select(RatingDocument.rating, Document.id, Document.filename, Document.size)
        .join(Document)
        .where(RatingDocument.rating.in_([r.id for r in ratings.values()]))
    ):
        documents[link.rating_id].append(link.document)
    recommendations = defaultdict(list)
    for rec in (
        Recommendation.select()
        .where(Recommendation.finding.in_([f.id for f in findings]))
        .order_by(Recommendation.id)
    ):
        recommendations[rec.finding_id].append(rec)
    rows = []
    for finding in findings:
        rating = ratings.get(finding.standard_id)
        rows.append(
            Row(
                finding,
                rating,
                documents.get(rating.id, []) if rating else [],
                recommendations.get(finding.id, []),
            )
        )
    return rows


def event_document(event, document_id):
    """A document only through a rating of the visited agency's return in the event's cycle."""
    return (
        Document.select()
        .join(RatingDocument)
        .join(Rating)
        .join(Return)
        .where(
            (Document.id == document_id)
            & (Return.agency == event.agency_id)
            & (Return.cycle == event.cycle_id)
        )
        .first()
    )


def self_ratings(event):
    """{standard_id: rag} from the agency's return for the event's cycle."""
    return dict(
        Rating.select(Rating.standard, Rating.rag)
        .join(Return)
        .where((Return.agency == event.agency_id) & (Return.cycle == event.cycle_id))
        .tuples()
    )


def framework_of(event):
    """The framework of the agency's return for the cycle; else its own; else Section 11."""
    ret = Return.get_or_none((Return.agency == event.agency_id) & (Return.cycle == event.cycle_id))
    if ret:
        return ret.framework_id
    if event.agency.framework_id:
        return event.agency.framework_id
    found = (
        Framework.get_or_none(Framework.name == SECTION_11[0])
        or Framework.select().order_by(Framework.id).first()
    )
    return found.id


def prompts_for(event):
    """The standards the visitors will test, with their challenge prompts: what the agency should
    prepare."""
    return list(
        Standard.select()
        .where(Standard.framework == framework_of(event))
        .order_by(Standard.position)
    )


def needing_attention(cycle):
    """For the admin's home: how many of the cycle's proposed or scheduled events still need a
    date, and how many still lack a lead or a peer (two queries)."""
    open_ = (ChallengeEvent.cycle == cycle) & ChallengeEvent.status.in_(("proposed", "scheduled"))
    undated = ChallengeEvent.select().where(open_ & ChallengeEvent.starts_at.is_null()).count()
    counts = Visitor.select(Visitor.event, fn.COUNT(Visitor.id).alias("n")).group_by(Visitor.event)
    short = (
        ChallengeEvent.select()
        .join(counts, JOIN.LEFT_OUTER, on=(counts.c.event_id == ChallengeEvent.id))
        .where(open_ & (fn.COALESCE(counts.c.n, 0) < 2))
        .count()
    )
    return {"undated": undated, "short_of_visitors": short}


def upcoming_visits(user, now=None):
    """The visits a reviewer has still to make, the soonest first, then those still to be dated
    (three queries)."""
    now = now or datetime.now()
    return [
        event
        for event in visits_of(user, now)
        if event.starts_at is None
        or event.starts_at >= now
        or (event.ends_at or event.starts_at) >= now
    ]
