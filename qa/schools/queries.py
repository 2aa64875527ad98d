"""What the settings pages read: the list of settings (searched, a page at a time), the settings
a designated safeguarding lead may choose from, and the queue of account requests."""

from peewee import JOIN, fn

from qa.people.models import Agency, User
from qa.schools.models import KINDS, AccountRequest, AccountSettings, Setting

PAGE = 50
CHOICES = 20  # settings offered at once when a lead searches for theirs


def settings(q="", page=1):
    """(settings on this page, how many in all, pages): name, URN, postcode or town matched."""
    query = Setting.select(Setting, Agency).join(Agency)
    if q:
        like = f"%{q}%"
        query = query.where(
            Agency.name**like | (Setting.urn == q) | Setting.postcode**like | Setting.address**like
        )
    total = query.count()
    rows = list(query.order_by(fn.lower(Agency.name)).paginate(page, PAGE))
    return rows, total, max(1, -(-total // PAGE))


def by_kind():
    """[(kind label, open settings)] for the summary line."""
    counts = dict(
        Setting.select(Setting.kind, fn.COUNT(Setting.id))
        .where(Setting.status == "open")
        .group_by(Setting.kind)
        .tuples()
    )
    return [(label, counts.get(kind, 0)) for kind, label in KINDS.items()]


def choices(q):
    """Open settings whose name, URN, postcode or town holds `q` (a few, by name); none for a
    search shorter than two characters."""
    q = q.strip()
    if len(q) < 2:
        return []
    like = f"%{q}%"
    return list(
        Setting.select(Setting, Agency)
        .join(Agency)
        .where(
            (Setting.status == "open")
            & (
                Agency.name**like
                | (Setting.urn == q)
                | Setting.postcode**like
                | Setting.address**like
            )
        )
        .order_by(fn.lower(Agency.name))
        .limit(CHOICES)
    )


def with_agency():
    """Settings with their agencies, to pick one from."""
    return Setting.select(Setting, Agency).join(Agency)


def open_setting(setting_id):
    return (
        Setting.select(Setting, Agency)
        .join(Agency)
        .where((Setting.id == setting_id) & (Setting.status == "open"))
        .first()
    )


def account_settings():
    """The saved row, or (before the first save) an unsaved one with the defaults."""
    return AccountSettings.select().order_by(AccountSettings.id).first() or AccountSettings()


def pending_requests():
    """Requests waiting for an admin, oldest first, with their settings."""
    return list(
        AccountRequest.select(AccountRequest, Setting, Agency)
        .join(Setting)
        .join(Agency)
        .where(AccountRequest.status == "pending")
        .order_by(AccountRequest.asked_at)
    )


def recent_decisions(limit=20):
    """The latest decided requests, newest first."""
    Decider = User.alias()
    return list(
        AccountRequest.select(AccountRequest, Setting, Agency, Decider)
        .join(Setting)
        .join(Agency)
        .switch(AccountRequest)
        .join(Decider, join_type=JOIN.LEFT_OUTER, on=AccountRequest.decided_by == Decider.id)
        .where(AccountRequest.status != "pending")
        .order_by(AccountRequest.decided_at.desc())
        .limit(limit)
    )
