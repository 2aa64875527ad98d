"""A cycle's ratings as CSV.

(one row per agency × standard, safe to open in a spreadsheet) and the board's PDF summary.
"""

import csv
import io
from collections import Counter
from datetime import datetime

from qa.frameworks.models import Framework
from qa.section11 import heatmap, queries, rules

HEADERS = [
    "Cycle",
    "Agency",
    "Sector",
    "Framework",
    "Return",
    "Submitted",
    "Standard code",
    "Standard",
    "Rating",
    "Last year",
    "Change",
    "Evidence",
    "Open actions",
    "Moderation",
    "Moderation comment",
]
STATE_LABELS = {
    "not started": "Not started",
    "in progress": "In progress",
    "submitted": "Submitted",
    "reopened": "Reopened",
}


def maps(cycle, with_evidence=False, submitted_only=False):
    """A heatmap per framework that has agencies on it, Section 11 first."""
    frameworks = Framework.select().order_by(Framework.id)
    built = [
        heatmap.build(cycle, framework, with_evidence=with_evidence, submitted_only=submitted_only)
        for framework in frameworks
    ]
    return [m for m in built if m.rows]


def _rag(rag):
    return rules.RAG.get(rag or "", "")


def ratings_csv(cycle) -> str:
    built = maps(cycle, with_evidence=True)
    ids = [cell.rating_id for m in built for row in m.rows for cell in row.cells if cell]
    actions = queries.live_action_counts(ids)
    out = io.StringIO()
    out.write("\ufeff")  # so Excel reads the file as UTF-8
    writer = csv.writer(out)
    writer.writerow(HEADERS)
    for m in built:
        for row in m.rows:
            submitted = row.submitted_at.strftime("%Y-%m-%d %H:%M") if row.submitted_at else ""
            for standard, cell in zip(m.standards, row.cells, strict=True):
                values = [
                    cycle.name,
                    row.agency,
                    row.sector,
                    m.framework.name,
                    STATE_LABELS[row.state],
                    submitted,
                    standard.code,
                    standard.title,
                ]
                if cell:
                    values += [
                        _rag(cell.rag),
                        _rag(cell.before),
                        cell.change or "",
                        cell.evidence,
                        actions.get(cell.rating_id, 0),
                        cell.moderation,
                        cell.comment,
                    ]
                else:
                    values += ["", "", "", "", 0, "", ""]
                writer.writerow([rules.csv_safe(v) for v in values])
    return out.getvalue()


def report(cycle, today):
    """Everything the board's PDF shows: returns received, ratings and change by standard, the
    heatmaps, reds and ambers."""
    # what the board is told comes from submitted returns only: a draft's ratings may still change
    built = maps(cycle, submitted_only=True)
    overview = queries.overview(cycle, today)
    states = Counter(row.state for row in overview)
    ids = [cell.rating_id for m in built for row in m.rows for cell in row.cells if cell]
    actions = queries.live_action_counts(ids)
    # one line per agency with any red or amber: which standards, and how many live actions
    concerns = []
    for m in built:
        for row in m.rows:
            cells = [
                (standard, cell)
                for standard, cell in zip(m.standards, row.cells, strict=True)
                if cell and cell.rag in rules.NEEDS_ACTIONS
            ]
            if cells:
                concerns.append(
                    {
                        "agency": row.agency,
                        "framework": m.framework,
                        "red": [standard.code for standard, cell in cells if cell.rag == "R"],
                        "amber": [standard.code for standard, cell in cells if cell.rag == "A"],
                        "challenged": [
                            standard.code
                            for standard, cell in cells
                            if cell.moderation == "challenged"
                        ],
                        "actions": sum(actions.get(cell.rating_id, 0) for _, cell in cells),
                    }
                )
    concerns.sort(key=lambda c: (-len(c["red"]), -len(c["amber"]), c["agency"]))
    return {
        "cycle": cycle,
        "previous": queries.previous_cycle(cycle),
        "maps": built,
        "states": states,
        "total": len(overview),
        "overdue": [row for row in overview if row.overdue],
        "concerns": concerns,
        "generated": datetime.now(),
        "state_labels": STATE_LABELS,
    }
