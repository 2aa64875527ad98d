"""How a scrutiny theme cites Section 11 as evidence: one agency's rating on a standard (with its
moderation), or a standard across every agency's return of the cycle."""

from collections import Counter

from flask import url_for

from qa.frameworks.models import Standard
from qa.people.models import Agency
from qa.section11.models import Rating, Return
from qa.section11.rules import RAG

MODERATION = {"agreed": "agreed", "challenged": "challenged"}


def _rated(cycle):
    """The rated ratings of the cycle's returns, with their agency and standard joined."""
    return (
        Rating.select(Rating, Return, Agency, Standard)
        .join(Return)
        .join(Agency)
        .join_from(Rating, Standard)
        .where(Return.cycle == cycle, Rating.rag != "")
    )


def rating_choices(cycle):
    """[(rating id, title)]: every agency's rating of the cycle, by agency then standard."""
    found = _rated(cycle).order_by(Agency.name, Standard.position, Standard.code)
    return [(r.id, _rating_title(r)) for r in found]


def _rating_title(rating):
    return f"{rating.return_.agency.name}: {rating.standard.code} {rating.standard.title}"


def describe_ratings(ids, cycle):
    """{rating id: (title, what it says, url)}, in one query."""
    found = _rated(cycle).where(Rating.id.in_(list(ids)))
    return {
        r.id: (
            _rating_title(r),
            _rating_says(r),
            url_for("scrutiny.review", rating_id=r.id),
        )
        for r in found
    }


def _rating_says(rating):
    says = f"Self-rated {RAG.get(rating.rag, rating.rag)}."
    if rating.moderation_status:
        says += f" The sub-group {MODERATION.get(rating.moderation_status, 'moderated')} it"
        says += f": {rating.moderation_comment}" if rating.moderation_comment else "."
    else:
        says += " Not moderated yet."
    return says


def standard_choices(cycle):
    """[(standard id, title)]: each standard rated in the cycle's returns."""
    found = (
        Standard.select(Standard)
        .join(Rating, on=(Rating.standard == Standard.id))
        .join(Return)
        .where(Return.cycle == cycle, Rating.rag != "")
        .group_by(Standard.id)
        .order_by(Standard.position, Standard.code)
    )
    return [(s.id, f"{s.code} {s.title}, across agencies") for s in found]


def describe_standards(ids, cycle):
    """{standard id: (title, what the agencies' ratings and their moderation say, url)}, in one
    query."""
    by_standard = {}
    for rating in _rated(cycle).where(Rating.standard.in_(list(ids))):
        by_standard.setdefault(rating.standard_id, []).append(rating)
    return {
        standard_id: (
            f"{ratings[0].standard.code} {ratings[0].standard.title}, across agencies",
            standard_says(ratings),
            url_for("scrutiny.heatmap_page", cycle=cycle.id),
        )
        for standard_id, ratings in by_standard.items()
    }


def standard_says(ratings):
    """'12 agencies rated it: 2 Red, 5 Amber, 5 Green. Moderation: 6 agreed, 2 challenged.'"""
    rags = Counter(r.rag for r in ratings)
    moderated = Counter(r.moderation_status for r in ratings if r.moderation_status)
    says = f"{len(ratings)} {'agency' if len(ratings) == 1 else 'agencies'} rated it: "
    says += ", ".join(f"{rags[key]} {name}" for key, name in RAG.items() if rags[key]) + "."
    if moderated:
        parts = [f"{n} {MODERATION.get(status, status)}" for status, n in sorted(moderated.items())]
        says += f" Moderation: {', '.join(parts)}."
    else:
        says += " None moderated yet."
    return says
