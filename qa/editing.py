"""The one way to create and change a record: in a write transaction, versioned, and audited.

Two primitives cover every editing route:
- `save_form(obj, form, labels)`: save a posted form onto a record at the version it was opened
  with, or return the `Conflict` to show beside the form;
- `save_field(obj, field, value, base, version, who)`: autosave one field, merging with changes
  to other fields and raising `FieldConflict` only when this field's own words changed.
Both show a conflict the same way: a `Conflict`, given to the `conflict` macro of
templates/macros/forms.html. `edit_page` is the whole round trip of an edit form built on
`save_form`: the form page, the save, the conflict or the message and the way back.
"""

from dataclasses import dataclass, field
from datetime import datetime

from flask import flash, redirect
from flask_login import current_user
from peewee import ForeignKeyField

from qa import audit
from qa.db import VersionConflict, db
from qa.forms import ready_to_save
from qa.htmx import render


@dataclass
class Conflict:
    """What someone is shown when another person saved first: for each field that differs, their
    words ("mine") and the saved ones ("theirs"), the version that sending again overwrites, and
    who saved it when (when the record keeps that)."""

    rows: list = field(default_factory=list)
    version: int = 0
    by: object = None
    at: datetime | None = None


class FieldConflict(Exception):
    """Another person saved different words in this one field since it was opened."""

    def __init__(self, name, conflict):
        super().__init__(f"{name} changed since it was opened")
        self.field, self.conflict = name, conflict


def readable(model, data):
    """Field values as people read them: a related record by its name, not its id."""
    shown = {}
    for name, value in data.items():
        column = model._meta.fields.get(name)
        if (
            isinstance(column, ForeignKeyField)
            and value is not None
            and not hasattr(value, "_meta")
        ):
            value = column.rel_model.get_or_none(column.rel_model._meta.primary_key == value)
        shown[name] = value
    return shown


def _secret(data):
    return {name: value for name, value in data.items() if "password" not in name}


def _same(a, b):
    return audit.plain(getattr(a, "id", a)) == audit.plain(getattr(b, "id", b))


def create(model, data, summary=None):
    with db.atomic("IMMEDIATE"):
        obj = model.create(**data)
        changes = audit.changes_between({}, _secret(readable(model, data)))
        audit.record(current_user, "created", obj, summary or f"Created {obj}", changes)
    return obj


def update(obj, version, data, summary=None, counter="version", *, stamps=None, record=None):
    """Save `data` over `obj` if nobody saved since `version` (kept in `counter`).

    Raises VersionConflict when someone did, unless what they saved is what is being sent (a
    double click, or two people typing the same): then there is nothing to resolve. `stamps` are
    saved as well but are not what the person wrote (who saved it, when): never compared, never in
    the audit line. `record(obj, before)` writes the audit line in place of the plain "changed"
    one; `before` holds the values the changed fields had.
    """
    model = type(obj)
    with db.atomic("IMMEDIATE"):
        changed = {name for name, value in data.items() if not _same(obj.__data__.get(name), value)}
        was = {name: obj.__data__.get(name) for name in changed}
        before = readable(model, was)
        after = readable(model, {name: data[name] for name in changed})
        changes = audit.changes_between(_secret(before), _secret(after)) if changed else {}
        try:
            obj.save_versioned(version, counter=counter, **data, **(stamps or {}))
        except VersionConflict as error:
            if all(_same(error.current.__data__.get(name), data[name]) for name in data):
                return error.current
            raise
        if record is not None:
            record(obj, was)
        elif changes:
            audit.record(current_user, "changed", obj, summary or f"Changed {obj}", changes)
    return obj


def delete(obj, summary=None):
    with db.atomic("IMMEDIATE"):
        audit.record(current_user, "deleted", obj, summary or f"Deleted {obj}")
        obj.delete_instance()


def save_form(
    obj,
    form,
    labels,
    *,
    data=None,
    summary=None,
    write=None,
    counter="version",
    show=None,
    compare=None,
):
    """Save the form onto `obj` at the version it was opened with.

    Returns None when saved, or the Conflict to show; the form's version field then moves on
    to the saved version, so that sending the form again keeps the person's words. `data` defaults
    to the fields named in `labels`; `write(obj, version, data, summary)` replaces `update` for a
    save that does more (and must raise VersionConflict the same way); `show` is as for
    `conflict_for`. `compare(form, current)` gives the conflict's rows for a form whose fields are
    not the record's columns (a date and times for one `starts_at`).
    """
    data = {name: getattr(form, name).data for name in labels} if data is None else data
    try:
        if write is None:
            update(obj, getattr(form, counter).data, data, summary, counter=counter)
        else:
            write(obj, getattr(form, counter).data, data, summary)
    except VersionConflict as error:
        conflict = conflict_for(form, error.current, labels, counter=counter, show=show)
        if compare is not None:
            conflict.rows = compare(form, error.current)
        return conflict
    return None


def edit_page(obj, form, labels, template, *, done, saved=None, save=None, **context):
    """An edit form's round trip: show it; on a valid post save it, then flash `saved` (formatted
    with the saved `obj`) and go to `done`; or show it again with the Conflict or with the errors
    the save added to the form.

    `save(obj, form)` replaces `save_form(obj, form, labels)` for a save that checks more (a name
    already taken) and returns a Conflict or None in the same way.
    """
    conflict = None
    if ready_to_save(form):
        conflict = save(obj, form) if save else save_form(obj, form, labels)
        if conflict is None and not form.errors:
            if saved:
                flash(saved.format(obj=obj), "success")
            return redirect(done)
    return render(template, form=form, conflict=conflict, **context)


def conflict_for(form, current, labels, counter="version", show=None):
    """The person's words against the saved record, for each labelled field that differs.

    `show(name, value)` turns a stored value into words (a rating code into "Amber"); by default
    a related record reads as its name and a yes/no as Yes or No.
    """
    model, rows = type(current), []
    for name, label in labels.items():
        mine, theirs = getattr(form, name).data, current.__data__.get(name)
        if not _same(mine, theirs):
            if show is None:
                mine, theirs = (_shown(readable(model, {name: v})[name]) for v in (mine, theirs))
            else:
                mine, theirs = show(name, mine), show(name, theirs)
            rows.append({"label": label, "mine": mine, "theirs": theirs})
    version = current.__data__.get(counter)
    getattr(form, counter).data = str(version)
    return Conflict(rows, version, _stamp(current, "updated_by"), _stamp(current, "updated_at"))


def _stamp(record, name):
    return getattr(record, name, None) if name in type(record)._meta.fields else None


def _shown(value):
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return audit.plain(value) or "(blank)"


def save_field(
    obj,
    name,
    value,
    base,
    version,
    who,
    *,
    counter="version",
    stamps=None,
    guard=None,
    after=None,
    overwrite=None,
    label=None,
):
    """Autosave one field of `obj`; returns the record as saved.

    A stale `version` is only a conflict when this field's saved words differ both from `base`
    (what the person started from) and from `value`: another person saving a different field is
    merged, not refused. `overwrite` is the version the person saw in a conflict and chose to
    replace ("keep mine"). `guard()` runs inside the write transaction and raises to refuse (a
    record locked a moment ago); `after(record, before)` runs there once the value is saved (an
    audit line, a consequence). `stamps` names the (updated_at, updated_by) columns to set.
    Raises FieldConflict with the Conflict to show.
    """
    model = type(obj)
    at_name, by_name = stamps or ("updated_at", "updated_by")
    with db.atomic("IMMEDIATE"):
        if guard:
            guard()
        current = model.get_by_id(obj.id)
        saved = getattr(current, name)
        saved_version = getattr(current, counter)
        if saved == value:
            return current
        if str(saved_version) != str(version) and saved != base:
            if str(saved_version) != str(overwrite):
                by = getattr(current, by_name)
                row = {"label": label or name, "mine": value, "theirs": saved}
                raise FieldConflict(
                    name, Conflict([row], saved_version, by, getattr(current, at_name))
                )
        model.update(
            {
                getattr(model, name): value,
                getattr(model, counter): getattr(model, counter) + 1,
                getattr(model, at_name): datetime.now(),
                getattr(model, by_name): who.id,
            }
        ).where(model.id == obj.id).execute()
        record = model.get_by_id(obj.id)
        if after:
            after(record, saved)
    return record
