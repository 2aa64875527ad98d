"""What a theme's page and its report show: the question, the evidence grouped by kind with what
each says, the findings with the evidence each rests on, and the recommendations' action plan."""

from datetime import date

from qa.actions.models import LIVE
from qa.scrutiny import queries, rules


def context(theme, evidence, findings):
    """The theme's page and report from its evidence (`queries.evidence_of`) and findings
    (`queries.findings_of`): each finding gets `evidence`, the items it rests on."""
    groups = rules.grouped(evidence, queries.kind_labels())
    in_order = [item for _, items in groups for item in items]
    for finding in findings:
        finding.evidence = [item for item in in_order if item["id"] in finding.evidence_ids]
    return {
        "theme": theme,
        "evidence": evidence,
        "groups": groups,
        "numbers": {item["id"]: n for n, item in enumerate(in_order, start=1)},
        "findings": findings,
        "finding_numbers": {f.id: n for n, f in enumerate(findings, start=1)},
        "recommendations": queries.recommendations_of(theme),
        "live": LIVE,
    }


def gather(theme, today=None):
    """Everything the report PDF shows."""
    found = context(theme, queries.evidence_of(theme), queries.findings_of(theme))
    return found | {"today": today or date.today()}
