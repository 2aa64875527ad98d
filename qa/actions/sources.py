"""Where an action came from, in words and as a link back to the record that raised it.

The capability that raised it describes it (its `action_sources` declaration), so the register
imports none of them.
"""

import inspect

from qa.actions.models import SOURCES
from qa.capability import action_describers


def source_of(action, user):
    """{'label', 'detail', 'url'}: the url is None when the person may not open the source."""
    label, detail, url = SOURCES.get(action.source, action.source), "", None
    describe = action_describers().get(action.source)
    if describe is not None and action.source_id:
        found = describe(action.source_id, user)
        if found is not None:
            detail, url = found
    return {"label": label, "detail": detail, "url": url}


def sources_of(actions, user):
    """{action id: source_of(action)} for a list of actions, in one query per kind of source when
    the describer's module also has `describe_many(ids, user)` -> {id: (detail, url)}."""
    found, describers = {}, action_describers()
    for kind in {action.source for action in actions}:
        group = [action for action in actions if action.source == kind]
        describe = describers.get(kind)
        many = getattr(inspect.getmodule(describe), "describe_many", None) if describe else None
        if many is None:
            found.update({action.id: source_of(action, user) for action in group})
            continue
        described = many({action.source_id for action in group if action.source_id}, user)
        for action in group:
            detail, url = described.get(action.source_id) or ("", None)
            found[action.id] = {"label": SOURCES.get(kind, kind), "detail": detail, "url": url}
    return found
