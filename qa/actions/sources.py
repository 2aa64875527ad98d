"""Where an action came from, in words and as a link back to the record that raised it.

The capability that raised it describes it (its `action_sources` declaration), so the register
imports none of them.
"""

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
