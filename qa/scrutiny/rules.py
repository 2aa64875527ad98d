"""Pure rules of scrutiny themes: what a finding must rest on, and evidence grouped by kind."""

NO_EVIDENCE = "Choose the evidence that supports this finding: a finding needs at least one piece"


def finding_problem(chosen_ids, cited_ids) -> str | None:
    """Why a finding may not be recorded, or None: it must rest on at least one piece of the
    theme's own evidence (ids of other themes' evidence count for nothing)."""
    if not set(chosen_ids) & set(cited_ids):
        return NO_EVIDENCE
    return None


def grouped(items, labels):
    """[(kind label, [items])] in the order of `labels` (kind -> label), kinds with none left
    out; each item is a dict with its "kind"."""
    by_kind = {}
    for item in items:
        by_kind.setdefault(item["kind"], []).append(item)
    return [(label, by_kind[kind]) for kind, label in labels.items() if kind in by_kind]
