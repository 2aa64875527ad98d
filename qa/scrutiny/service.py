"""Changes to scrutiny themes: each in one write transaction with its audit line."""

from qa import audit, editing
from qa.actions.models import Action
from qa.cycles.models import Cycle
from qa.db import db
from qa.documents import Document
from qa.ids import parse_id
from qa.scrutiny.models import (
    DOCUMENT,
    ScrutinyEvidence,
    ScrutinyFinding,
    ScrutinyFindingEvidence,
    ScrutinyRecommendation,
    ScrutinyTheme,
)


def create_theme(data):
    """A new theme in the current cycle, created and audited."""
    data = data | {"cycle": Cycle.current().id}
    return editing.create(ScrutinyTheme, data, f"Added the scrutiny theme {data['title']}")


def cite(theme, kind, source_id, label, title, who):
    """Cite a record of `kind` as evidence (once: citing it again changes nothing)."""
    with db.atomic("IMMEDIATE"):
        evidence, made = ScrutinyEvidence.get_or_create(
            theme=theme, kind=kind, source_id=source_id, defaults={"added_by": who.id}
        )
        if made:
            audit.record(
                who, "cited", theme, f"ScrutinyEvidence for {theme}: {label}: {title}"[:500]
            )
    return evidence


def add_document(theme, who, filename, content_type, data, note):
    """Keep an uploaded document (already checked) as evidence from outside qa."""
    with db.atomic("IMMEDIATE"):
        document = Document.create(
            filename=filename,
            content_type=content_type,
            size=len(data),
            data=data,
            uploaded_by=who.id,
        )
        ScrutinyEvidence.create(
            theme=theme, kind=DOCUMENT, document=document, note=note, added_by=who.id
        )
        audit.record(who, "uploaded", theme, f"Document {filename} as evidence for {theme}")
    return document


def remove_evidence(theme, evidence_id, who):
    """Stop citing a piece of evidence (its uploaded document goes with it). A finding that
    rested on it alone keeps its words; the page shows it has no evidence left."""
    with db.atomic("IMMEDIATE"):
        evidence = ScrutinyEvidence.get_or_none(
            ScrutinyEvidence.id == evidence_id, ScrutinyEvidence.theme == theme
        )
        if evidence is None:
            return False
        evidence.delete_instance()
        if evidence.document_id:
            Document.delete().where(Document.id == evidence.document_id).execute()
        audit.record(who, "removed", theme, f"ScrutinyEvidence removed from {theme}")
    return True


def add_finding(theme, text, evidence_ids, who):
    """A finding resting on the evidence chosen (already checked to be the theme's, at least
    one)."""
    with db.atomic("IMMEDIATE"):
        finding = ScrutinyFinding.create(theme=theme, text=text, added_by=who.id)
        ScrutinyFindingEvidence.insert_many(
            [{"finding": finding.id, "evidence": e} for e in evidence_ids]
        ).execute()
        audit.record(who, "created", theme, f"ScrutinyFinding of {theme}: {text}"[:500])
    return finding


def add_recommendation(theme, data, who):
    """A recommendation of the theme, made an action on the register (source "scrutiny") in the
    current cycle."""
    with db.atomic("IMMEDIATE"):
        recommendation = ScrutinyRecommendation.create(
            theme=theme, finding=parse_id(data.get("finding")), text=data["description"]
        )
        action = Action.create(
            agency=parse_id(data["agency"]),  # None: a partnership action
            responsible_officer=parse_id(data.get("responsible_officer")),
            cycle=Cycle.current().id,
            source="scrutiny",
            source_id=recommendation.id,
            description=data["description"],
            owner=data["owner"],
            due=data["due"],
        )
        ScrutinyRecommendation.update(action=action).where(
            ScrutinyRecommendation.id == recommendation.id
        ).execute()
        audit.record(who, "created", action, f"Action from the scrutiny theme {theme}: {action}")
    return recommendation
