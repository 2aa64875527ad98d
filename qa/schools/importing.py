"""Importing settings from the register's CSV export: a preview of what would change, kept with
its file, then every change made in one transaction with its audit line (nothing half-done)."""

import secrets
from datetime import datetime, timedelta

from qa import audit
from qa.dataset.models import Locality
from qa.db import db
from qa.frameworks.models import Framework
from qa.people.models import Agency, Sector
from qa.schools import register, rules
from qa.schools.frameworks import FRAMEWORK_OF_KIND, SECTOR_OF_KIND
from qa.schools.models import RegisterUpload, Setting

KEPT_FOR = timedelta(days=1)  # a previewed file not imported by then is forgotten
SETTING_FIELDS = [f for f in register.FIELDS if f != "name"]


def existing():
    """{urn: (setting id, {field: value})} of every setting with a URN, in one query."""
    query = (
        Setting.select(Setting, Agency.name)
        .join(Agency)
        .where(Setting.urn.is_null(False))
        .objects()
    )
    return {
        s.urn: (s.id, {"name": s.name, **{f: getattr(s, f) for f in SETTING_FIELDS}}) for s in query
    }


def plan_of(data):
    """(problem with the whole file or None, Plan) for a register file against the settings here."""
    names = [name for (name,) in Locality.select(Locality.name).tuples()]
    problem, entries, bad = register.read(data, names)
    if problem:
        return problem, None
    return None, rules.compare(entries, existing(), bad)


def preview(who, data, filename=""):
    """(problem, Plan, token): the file read and compared; kept (under `token`, for `who` only)
    when it could be imported. Older files `who` previewed, and any kept past KEPT_FOR, go."""
    problem, plan = plan_of(data)
    if problem or plan.bad or not plan.writes:
        return problem, plan, None
    token = secrets.token_urlsafe(24)
    with db.atomic("IMMEDIATE"):
        stale = (RegisterUpload.owner == who.id) | (RegisterUpload.at < datetime.now() - KEPT_FOR)
        RegisterUpload.delete().where(stale).execute()
        RegisterUpload.create(token=token, owner=who.id, filename=filename[:255], data=data)
    return None, plan, token


class NotAsPreviewed(Exception):
    """The file is gone, or importing it now would do something other than what was previewed."""


def apply(who, token, fingerprint):
    """Import the file `who` previewed under `token`, if it still does exactly what the preview
    showed (`fingerprint`): every new, changed and closed setting in one transaction with one
    audit line. Returns the Plan; raises NotAsPreviewed."""
    with db.atomic("IMMEDIATE"):
        kept = RegisterUpload.get_or_none(
            (RegisterUpload.token == (token or "")) & (RegisterUpload.owner == who.id)
        )
        if kept is None or kept.at < datetime.now() - KEPT_FOR:
            raise NotAsPreviewed("That preview has expired or was already imported")
        problem, plan = plan_of(bytes(kept.data))
        if problem or plan.bad or plan.fingerprint() != fingerprint:
            raise NotAsPreviewed("Settings changed since the preview: check the new preview")
        write(plan)
        kept.delete_instance()
        audit.record(who, "imported", None, summary(plan, kept.filename), object_type="Setting")
    return plan


def summary(plan, filename=""):
    source = f" from {filename}" if filename else ""
    return (
        f"Imported settings from the register{source}: {len(plan.new)} new, "
        f"{len(plan.changed)} changed, {len(plan.closed)} closed"
    )


def write(plan):
    """Make the plan's changes (inside the caller's transaction)."""
    sectors, frameworks = sectors_by_kind(), frameworks_by_kind()
    taken = {name.lower() for (name,) in Agency.select(Agency.name).tuples()}
    now = datetime.now()
    for entry in plan.new:
        name = rules.unique_name(entry, taken)
        taken.add(name.lower())
        kind = entry["kind"]
        agency_id = Agency.insert(
            name=name, sector=sectors[kind], framework=frameworks.get(kind)
        ).execute()
        fields = {f: entry[f] for f in SETTING_FIELDS}
        Setting.insert(agency=agency_id, urn=entry["urn"], imported_at=now, **fields).execute()
    for entry, labels, setting_id in plan.changed:
        update(setting_id, entry, now, taken, renamed="name" in labels)
        if "status" in labels and entry["status"] == "open":  # back on the register
            agency_id = Setting.select(Setting.agency).where(Setting.id == setting_id)
            Agency.update(active=True).where(Agency.id.in_(agency_id)).execute()
    for entry, setting_id in plan.closed:
        update(setting_id, entry, now, taken, renamed=False)
        agency_id = Setting.select(Setting.agency).where(Setting.id == setting_id)
        Agency.update(active=False).where(Agency.id.in_(agency_id)).execute()


def update(setting_id, entry, now, taken, renamed):
    fields = {f: entry[f] for f in SETTING_FIELDS}
    Setting.update(**fields, imported_at=now, version=Setting.version + 1).where(
        Setting.id == setting_id
    ).execute()
    if renamed:
        name = rules.unique_name(entry, taken)
        taken.add(name.lower())
        agency_id = Setting.select(Setting.agency).where(Setting.id == setting_id)
        Agency.update(name=name, version=Agency.version + 1).where(
            Agency.id.in_(agency_id)
        ).execute()


def sectors_by_kind():
    """{kind: Sector id}: the sector of each kind of setting, made when there is none yet."""
    found = {}
    for kind, (name, slug) in SECTOR_OF_KIND.items():
        sector = Sector.get_or_none((Sector.slug == slug) | (Sector.name == name))
        found[kind] = (sector or Sector.create(name=name, slug=slug)).id
    return found


def frameworks_by_kind():
    """{kind: Framework id} of the seeded frameworks still there (a renamed one is not guessed)."""
    named = {f.name: f.id for f in Framework.select(Framework.id, Framework.name)}
    return {kind: named[name] for kind, name in FRAMEWORK_OF_KIND.items() if name in named}


def purge():
    """Delete register files previewed but not imported within KEPT_FOR (the schools part of
    `flask purge`); says how many went."""
    with db.atomic("IMMEDIATE"):
        old = RegisterUpload.at < datetime.now() - KEPT_FOR
        deleted = RegisterUpload.delete().where(old).execute()
    return f"Deleted {deleted} register files previewed but not imported within a day."
