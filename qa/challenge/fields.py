"""How one autosaved field shows on the findings page.

Its words, what it was opened at, and its saved state or conflict.
"""

from dataclasses import dataclass
from datetime import datetime

from flask import url_for

from qa.challenge.findings import FIELDS
from qa.challenge.models import RAG
from qa.editing import Conflict


@dataclass
class Field:
    id: str  # the control's id; the group, base, state and stored copy hang off it
    name: str
    label: str
    context: str  # read by screen readers after the label: which standard
    value: str
    url: str
    form_id: str
    version_id: str
    version: int
    saved_at: datetime | None = None
    saved_by: object = None
    state: str = ""  # "", saved, conflict, locked
    conflict: Conflict | None = None
    # just taken from the server ("use theirs"): the browser drops its kept copy
    fresh: bool = False

    @property
    def is_rag(self):
        return self.name == "agreed_rag"

    @property
    def saved_at_ms(self):
        return int(self.saved_at.timestamp() * 1000) if self.saved_at else 0

    def shown(self, value):
        if self.is_rag:
            return RAG.get(value, "(not rated)")
        return value or "(blank)"


def finding_field(finding, name, state="", conflict=None, fresh=False):
    return Field(
        id=f"finding-{finding.id}-{name.replace('_', '-')}",
        name=name,
        label=FIELDS[name],
        context=f"for {finding.standard.title}",
        value=getattr(finding, name),
        url=url_for("challenge.field", finding_id=finding.id, name=name),
        form_id=f"finding-{finding.id}",
        version_id=f"finding-{finding.id}-version",
        version=finding.version,
        saved_at=finding.updated_at,
        saved_by=finding.updated_by if finding.updated_by_id else None,
        state=state,
        conflict=conflict,
        fresh=fresh,
    )


def summary_field(event, state="", conflict=None, fresh=False):
    return Field(
        id=f"event-{event.id}-summary",
        name="summary",
        label="Overall summary",
        context=f"of the visit to {event.agency.name}",
        value=event.summary,
        url=url_for("challenge.summary", event_id=event.id),
        form_id="summary-form",
        version_id=f"event-{event.id}-summary-version",
        version=event.summary_version,
        saved_at=event.summary_updated_at,
        saved_by=event.summary_updated_by if event.summary_updated_by_id else None,
        state=state,
        conflict=conflict,
        fresh=fresh,
    )
