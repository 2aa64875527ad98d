"""The one way to create and change a record: in a write transaction, versioned, and audited."""

from flask_login import current_user
from peewee import ForeignKeyField

from qa import audit
from qa.db import db


def _readable(model, data):
    """Field values as people read them: a related record by its name, not its id."""
    shown = {}
    for name, value in data.items():
        field = model._meta.fields.get(name)
        if isinstance(field, ForeignKeyField) and value is not None and not hasattr(value, "_meta"):
            value = field.rel_model.get_or_none(field.rel_model._meta.primary_key == value)
        shown[name] = value
    return shown


def _secret(data):
    return {name: value for name, value in data.items() if "password" not in name}


def create(model, data, summary=None):
    with db.atomic("IMMEDIATE"):
        obj = model.create(**data)
        changes = audit.changes_between({}, _secret(_readable(model, data)))
        audit.record(current_user, "created", obj, summary or f"Created {obj}", changes)
    return obj


def update(obj, version, data, summary=None):
    """Save `data` over `obj` if nobody else saved since `version`; raises VersionConflict
    otherwise."""
    model = type(obj)
    with db.atomic("IMMEDIATE"):
        changed = {
            name
            for name, value in data.items()
            if audit._plain(obj.__data__.get(name)) != audit._plain(getattr(value, "id", value))
        }
        before = _readable(model, {name: obj.__data__.get(name) for name in changed})
        after = _readable(model, {name: data[name] for name in changed})
        changes = audit.changes_between(_secret(before), _secret(after)) if changed else {}
        obj.save_versioned(version, **data)
        if changes:
            audit.record(current_user, "changed", obj, summary or f"Changed {obj}", changes)
    return obj


def delete(obj, summary=None):
    with db.atomic("IMMEDIATE"):
        audit.record(current_user, "deleted", obj, summary or f"Deleted {obj}")
        obj.delete_instance()


def conflict_rows(form, current, labels):
    """Your version against the saved one, for each field that differs, to show beside a
    conflict."""
    model, rows = type(current), []
    for name, label in labels.items():
        mine, theirs = getattr(form, name).data, current.__data__.get(name)
        if audit._plain(mine) != audit._plain(theirs):
            shown = _readable(model, {name: mine})[name], _readable(model, {name: theirs})[name]
            rows.append({"label": label, "mine": _shown(shown[0]), "theirs": _shown(shown[1])})
    return rows


def _shown(value):
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return audit._plain(value) or "(blank)"
