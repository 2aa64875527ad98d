"""How a scrutiny theme cites a challenge event's finding as evidence: what the visitors agreed
on one standard for one agency."""

from flask import url_for

from qa.challenge.models import ChallengeEvent, Finding
from qa.cycles.models import Cycle
from qa.frameworks.models import Standard
from qa.people.models import Agency
from qa.section11.rules import RAG


def _findings():
    """Findings with an agreed rating, with their event, cycle, agency and standard."""
    return (
        Finding.select(Finding, ChallengeEvent, Cycle, Agency, Standard)
        .join(ChallengeEvent)
        .join(Cycle)
        .join_from(ChallengeEvent, Agency)
        .join_from(Finding, Standard)
        .where(Finding.agreed_rag != "")
    )


def _title(finding):
    event = finding.event
    standard = f"{finding.standard.code} {finding.standard.title}"
    return f"{event.agency.name}, {event.cycle.name}: {standard}"


def choices(cycle):
    """[(finding id, title)] of the findings of this cycle and those before it (a theme weighs
    last year's challenge too), newest cycle first, then by agency and standard."""
    found = (
        _findings()
        .where(Cycle.starts <= cycle.starts)
        .order_by(Cycle.starts.desc(), Agency.name, Standard.position, Standard.code)
    )
    return [(f.id, _title(f)) for f in found]


def describe(ids, cycle):
    """{finding id: (title, what the visitors agreed, url)}, in one query."""
    found = _findings().where(Finding.id.in_(list(ids)))
    return {
        f.id: (_title(f), says(f), url_for("challenge.event", event_id=f.event_id)) for f in found
    }


def says(finding):
    """The ratings (the agency's own and the one agreed) and what the visitors found."""
    own = RAG.get(finding.self_rag, "not rated")
    words = f"Self-rated {own}; agreed {RAG.get(finding.agreed_rag, finding.agreed_rag)}."
    if finding.strengths:
        words += f" Strengths: {finding.strengths}"
    if finding.development:
        words += f" To develop: {finding.development}"
    return words
