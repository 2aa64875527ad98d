"""What the register pages read.

One joined query per list, scoped to the agency lead's own agency.
"""

from datetime import date, datetime, timedelta

from peewee import JOIN, fn
from playhouse.flask_utils import PaginatedQuery

from qa.actions import rules
from qa.actions.models import LIVE, PARTNERSHIP, Action, ActionDocument, ActionUpdate
from qa.documents import Document
from qa.frameworks.models import Standard
from qa.ids import parse_id
from qa.people.models import Agency, User

PAGE = 50  # rows a page of the register shows


def visible(user):
    """Actions this person may see: all for admin and the sub-group; for a lead their agency's and
    the partnership actions they are the responsible officer for; for anyone else only those."""
    query = (
        Action.select(Action, Agency, Standard)
        .join(Agency, JOIN.LEFT_OUTER)
        .switch(Action)
        .join(Standard, JOIN.LEFT_OUTER)
    )
    if user.role == "agency_lead":
        return query.where(
            (Action.agency == user.agency_id) | (Action.responsible_officer == user.id)
        )
    if user.role == "admin" or getattr(user, "subgroup_member", False):
        return query
    return query.where(Action.responsible_officer == user.id)


def may_change(user, action):
    """Admin, the lead of the action's agency, and its responsible officer (a lead) change it; the
    sub-group reads."""
    return user.is_admin or (
        user.role == "agency_lead"
        and (
            (action.agency_id is not None and user.agency_id == action.agency_id)
            or action.responsible_officer_id == user.id
        )
    )


def register(user, filters, page=1, today=None):
    """(actions on this page, total, number of pages) for the filters: agency, source, standard,
    status, overdue, lookback, q."""
    today = today or date.today()
    query = visible(user)
    if filters.get("agency") == "partnership":
        query = query.where(Action.agency.is_null())
    elif filters.get("agency") and user.role != "agency_lead":
        query = query.where(Action.agency == (parse_id(filters["agency"]) or 0))
    if filters.get("source"):
        query = query.where(Action.source == filters["source"])
    if filters.get("standard"):
        query = query.where(Action.standard == (parse_id(filters["standard"]) or 0))
    if filters.get("status"):
        query = query.where(Action.status == filters["status"])
    if filters.get("overdue"):
        query = query.where(Action.status.in_(LIVE), Action.due < today)
    if filters.get("lookback") == "due":
        query = query.where(
            Action.status == "done",
            Action.impact_reviewed_at.is_null(),
            Action.completed_at <= rules.look_back_cutoff(today),
        )
    elif filters.get("lookback") in ("confirmed", "not_sustained"):
        query = query.where(
            Action.impact_reviewed_at.is_null(False),
            Action.impact_confirmed == (filters["lookback"] == "confirmed"),
        )
    if filters.get("q"):
        words = f"%{filters['q']}%"
        query = query.where(Action.description**words | Action.owner**words | Agency.name**words)
    ordered = query.order_by(Action.status.in_(LIVE).desc(), Action.due, Action.id)
    pages = PaginatedQuery(ordered, PAGE, page=page)
    return list(pages.get_object_list()), query.count(), pages.get_page_count()


def agency_of(action_id):
    """The name of the agency an action belongs to (whoever asks; "Partnership-wide" for a
    partnership action), or None when there is no such action."""
    return (
        Action.select(fn.COALESCE(Agency.name, PARTNERSHIP))
        .join(Agency, JOIN.LEFT_OUTER)
        .where(Action.id == action_id)
        .scalar()
    )


def agencies():
    """Every agency (id and name) by name: the register's agency filter."""
    return Agency.select(Agency.id, Agency.name).order_by(Agency.name)


def active_agencies():
    """Agencies a new action may be added to, by name."""
    return Agency.select().where(Agency.active == True).order_by(Agency.name)


def officers():
    """Active people who may be a partnership action's responsible officer (they sign in to update
    it): agency leads, by name."""
    return (
        User.select(User.id, User.name, User.email)
        .where(User.active == True, User.role == "agency_lead")
        .order_by(User.name)
    )


def standards():
    """Every standard (id, code and title) in framework order: the register's standard filter."""
    return Standard.select(Standard.id, Standard.code, Standard.title).order_by(
        Standard.framework, Standard.position
    )


def evidence(action):
    """The documents kept as evidence of the action (narrow it to one with a where)."""
    return Document.select().join(ActionDocument).where(ActionDocument.action == action)


def due_lists(user, today=None, limit=20):
    """Overdue and due-soon live actions, and those due their look-back, for a home page: the
    first `limit` of each."""
    today = today or date.today()
    live = visible(user).where(Action.status.in_(LIVE))
    overdue = list(live.where(Action.due < today).order_by(Action.due).limit(limit))
    soon = list(
        live.where(Action.due.between(today, today + timedelta(days=rules.DUE_SOON_DAYS)))
        .order_by(Action.due)
        .limit(limit)
    )
    look_back = list(
        visible(user)
        .where(
            Action.status == "done",
            Action.impact_reviewed_at.is_null(),
            Action.completed_at <= rules.look_back_cutoff(today),
        )
        .order_by(Action.completed_at)
        .limit(limit)
    )
    return {"overdue": overdue, "soon": soon, "look_back": look_back}


def updates_of(action):
    return list(
        ActionUpdate.select(ActionUpdate, User)
        .join(User, JOIN.LEFT_OUTER)
        .where(ActionUpdate.action == action)
        .order_by(ActionUpdate.at.desc())
    )


def documents_of(action):
    return list(
        Document.select(Document.id, Document.filename, Document.size, Document.uploaded_at)
        .join(ActionDocument)
        .where(ActionDocument.action == action)
        .order_by(Document.uploaded_at)
    )


def counts_by_status(user):
    return dict(
        visible(user).select(Action.status, fn.COUNT(Action.id)).group_by(Action.status).tuples()
    )


def quarter_rows(start, end):
    """Plain rows for rules.quarterly_counts: every action opened by the period's end."""
    query = (
        Action.select(
            Agency.name,
            Standard.title,
            Action.status,
            Action.due,
            Action.created_at,
            Action.completed_at,
        )
        .join(Agency, JOIN.LEFT_OUTER)
        .switch(Action)
        .join(Standard, JOIN.LEFT_OUTER)
        .where(Action.created_at < datetime.combine(end + timedelta(days=1), datetime.min.time()))
    )
    return [
        {
            "agency": agency or PARTNERSHIP,
            "theme": theme or "Other",
            "status": status,
            "due": due,
            "created_on": _day(created),
            "completed_on": _day(completed),
        }
        for agency, theme, status, due, created, completed in query.tuples()
    ]


def _day(value):
    return value.date() if isinstance(value, datetime) else value


def overdue_count(user, today=None):
    """How many live actions this person may see are past their due date."""
    today = today or date.today()
    return visible(user).where(Action.status.in_(LIVE) & (Action.due < today)).count()
