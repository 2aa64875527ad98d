"""What the scrutiny pages read: the themes, a theme's evidence described live by the capability
that holds each record, its findings and recommendations with their actions."""

from peewee import JOIN, fn

from qa.actions.models import Action
from qa.capability import evidence_kinds
from qa.documents import Document
from qa.people.models import Agency, User
from qa.reviews.models import Review, Theme
from qa.scrutiny.models import (
    DOCUMENT,
    ScrutinyEvidence,
    ScrutinyFinding,
    ScrutinyFindingEvidence,
    ScrutinyRecommendation,
    ScrutinyTheme,
)

DOCUMENT_LABEL = "Documents from outside qa (inspection reports and the like)"
GONE = "No longer held: the record has been deleted since it was cited"


def kind_labels():
    """{kind: label} of every kind of evidence, the uploaded documents last."""
    return {kind: source.label for kind, source in evidence_kinds().items()} | {
        DOCUMENT: DOCUMENT_LABEL
    }


def themes(cycle):
    """The cycle's themes, with their lead, evidence and finding counts, newest first."""
    evidence = ScrutinyEvidence.select(fn.COUNT(ScrutinyEvidence.id)).where(
        ScrutinyEvidence.theme == ScrutinyTheme.id
    )
    findings = ScrutinyFinding.select(fn.COUNT(ScrutinyFinding.id)).where(
        ScrutinyFinding.theme == ScrutinyTheme.id
    )
    return list(
        ScrutinyTheme.select(
            ScrutinyTheme,
            User,
            evidence.alias("evidence_count"),
            findings.alias("finding_count"),
        )
        .join(User, JOIN.LEFT_OUTER, on=(ScrutinyTheme.lead == User.id))
        .where(ScrutinyTheme.cycle == cycle)
        .order_by(ScrutinyTheme.created_at.desc(), ScrutinyTheme.id.desc())
    )


def theme(theme_id):
    """The theme with its lead, review and review theme, or None."""
    lead = User.alias()
    return (
        ScrutinyTheme.select(ScrutinyTheme, lead, Review, Theme)
        .join(lead, JOIN.LEFT_OUTER, on=(ScrutinyTheme.lead == lead.id))
        .switch(ScrutinyTheme)
        .join(Review, JOIN.LEFT_OUTER)
        .switch(ScrutinyTheme)
        .join(Theme, JOIN.LEFT_OUTER)
        .where(ScrutinyTheme.id == theme_id)
        .first()
    )


def evidence_of(theme):
    """Each piece of the theme's evidence as a dict (id, kind, label, title, says, url, document),
    oldest first: one query, then one call of each kind's describer."""
    found = list(
        ScrutinyEvidence.select(ScrutinyEvidence, Document.id, Document.filename, Document.size)
        .join(Document, JOIN.LEFT_OUTER)
        .where(ScrutinyEvidence.theme == theme)
        .order_by(ScrutinyEvidence.id)
    )
    labels, sources = kind_labels(), evidence_kinds()
    described = {}
    for kind, source in sources.items():
        ids = {e.source_id for e in found if e.kind == kind}
        if ids:
            described[kind] = source.describe_function()(ids, theme.cycle)
    return [_item(e, labels, described) for e in found]


def _item(evidence, labels, described):
    item = {"id": evidence.id, "kind": evidence.kind, "label": labels.get(evidence.kind, "")}
    if evidence.kind == DOCUMENT:
        doc = evidence.document
        return item | {"title": doc.filename, "says": evidence.note, "url": None, "document": doc}
    title, says, url = described.get(evidence.kind, {}).get(evidence.source_id, ("", GONE, None))
    return item | {"title": title or labels.get(evidence.kind, ""), "says": says, "url": url}


def cited(theme, kind):
    """The ids of records of `kind` the theme already cites."""
    return {
        source_id
        for (source_id,) in ScrutinyEvidence.select(ScrutinyEvidence.source_id)
        .where(ScrutinyEvidence.theme == theme, ScrutinyEvidence.kind == kind)
        .tuples()
    }


def evidence_ids(theme):
    return [
        e
        for (e,) in ScrutinyEvidence.select(ScrutinyEvidence.id)
        .where(ScrutinyEvidence.theme == theme)
        .tuples()
    ]


def findings_of(theme):
    """The theme's findings, oldest first, each with `evidence_ids` (the evidence it rests on):
    two queries."""
    found = list(
        ScrutinyFinding.select().where(ScrutinyFinding.theme == theme).order_by(ScrutinyFinding.id)
    )
    links = {}
    for finding_id, evidence_id in (
        ScrutinyFindingEvidence.select(
            ScrutinyFindingEvidence.finding, ScrutinyFindingEvidence.evidence
        )
        .where(ScrutinyFindingEvidence.finding.in_([f.id for f in found]))
        .tuples()
    ):
        links.setdefault(finding_id, []).append(evidence_id)
    for finding in found:
        finding.evidence_ids = sorted(links.get(finding.id, []))
    return found


def recommendations_of(theme):
    """The theme's recommendations, oldest first, with their action (and its agency) joined."""
    return list(
        ScrutinyRecommendation.select(ScrutinyRecommendation, Action, Agency)
        .join(Action, JOIN.LEFT_OUTER)
        .join(Agency, JOIN.LEFT_OUTER)
        .where(ScrutinyRecommendation.theme == theme)
        .order_by(ScrutinyRecommendation.id)
    )


def document_of(theme, document_id):
    """The theme's uploaded document with this id, or None."""
    return (
        Document.select()
        .join(ScrutinyEvidence, on=(ScrutinyEvidence.document == Document.id))
        .where(ScrutinyEvidence.theme == theme, Document.id == document_id)
        .first()
    )


def leads():
    """People who may lead a theme: the admins and the sub-group's reviewers, by name."""
    return list(
        User.select(User.id, User.name)
        .where(
            User.active == True,  # noqa: E712
            (User.role == "admin") | ((User.role == "reviewer") & (User.subgroup_member == True)),  # noqa: E712
        )
        .order_by(User.name)
    )


def reviews():
    return list(Review.select(Review.id, Review.reference, Review.kind).order_by(Review.reference))


def review_themes():
    return list(Theme.select().where(Theme.active == True).order_by(Theme.name))  # noqa: E712
