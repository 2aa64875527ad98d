"""A multi-agency case audit of 15 cases × 8 agencies × 6 domains: the time to build one case's
combined document (screen data and PDF), every case's combined PDF, and the audit report PDF,
printing figures (no asserts on time).

Baseline, measured in the same run: the Section 11 cycle PDF for the same 8 agencies (the nearest
existing report). Target: the audit report, and a case's combined PDF, not slower than it.
Run: .venv/bin/python benchmarks/bench_case_audits.py [--cases 15] [--agencies 8] [--repeats 5]
"""

import argparse
import os
import random
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_report import timed  # noqa: E402
from bench_section11 import build as build_section11  # noqa: E402

from qa import create_app  # noqa: E402
from qa.case_audits import queries, rules  # noqa: E402
from qa.case_audits.models import (  # noqa: E402
    AgreedGrade,
    AuditTheme,
    Case,
    CaseAgency,
    CaseAudit,
    CaseReturn,
    CaseTheme,
    DomainGrade,
)
from qa.db import db  # noqa: E402
from qa.pdf import render_pdf  # noqa: E402
from qa.people.models import Agency  # noqa: E402
from qa.section11 import export  # noqa: E402

WORDS = "The records show the child was seen alone and their words were written down. " * 3


def build_audit(cycle, agencies, n_cases, rng):
    """An audit with every agency involved in every case, every return submitted and graded with
    a justification and summary, agreed grades and four themes."""
    found = CaseAudit.create(cycle=cycle, topic="Neglect", reason="The data set", status="agreed")
    domains = found.domain_list
    themes = [AuditTheme.create(audit=found, name=f"Theme {n}", kind="concern") for n in range(4)]
    with db.atomic():
        for n in range(n_cases):
            case = Case.create(
                audit=found, reference=f"MACA-{n:02d}", locality="North", children=1 + n % 3
            )
            for agency in agencies:
                CaseAgency.create(case=case, agency=agency)
                ret = CaseReturn.create(
                    case=case,
                    agency=agency,
                    status="submitted",
                    worked_well=WORDS,
                    worried_about=WORDS,
                    needs_to_happen=WORDS,
                )
                DomainGrade.insert_many(
                    [
                        {
                            "return_": ret.id,
                            "position": d,
                            "domain": domain,
                            "grade": rng.choice(list(rules.GRADES)),
                            "justification": WORDS,
                        }
                        for d, domain in enumerate(domains)
                    ]
                ).execute()
            AgreedGrade.insert_many(
                [{"case": case.id, "domain": d, "grade": "good"} for d in domains]
            ).execute()
            CaseTheme.create(case=case, theme=themes[n % 4])
    return found


def combined_pdf(case):
    doc = queries.combined(case)
    context = {"grade_labels": rules.GRADES, "summary_labels": rules.SUMMARY}
    return render_pdf("pdf/case_audit_combined.html", doc=doc, case=case, now=None, **context)


def report_pdf(found):
    context = {"grade_labels": rules.GRADES, "kinds": rules.THEME_KINDS, "now": None}
    return render_pdf("pdf/case_audit_report.html", report=queries.report(found), **context)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=15)
    parser.add_argument("--agencies", type=int, default=8)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    path = Path(tempfile.mkdtemp()) / "bench.db"
    app = create_app(
        {"DATABASE": str(path), "TESTING": True, "SECRET_KEY": "bench", "SERVER_NAME": "localhost"}
    )
    with app.test_request_context(), db.connection_context():
        _, cycle = build_section11(args.agencies, random.Random(8))
        agencies = list(Agency.select().order_by(Agency.id).limit(args.agencies))
        found = build_audit(cycle, agencies, args.cases, random.Random(9))
        case = Case.select().where(Case.audit == found).first()
        data_wall, _ = timed(lambda: queries.combined(case), args.repeats)
        one_wall, one_cpu = timed(lambda: combined_pdf(case), args.repeats)
        cases = list(found.cases)
        all_wall, _ = timed(lambda: [combined_pdf(c) for c in cases], max(1, args.repeats // 2))
        report_wall, report_cpu = timed(lambda: report_pdf(found), args.repeats)
        base_wall, base_cpu = timed(
            lambda: render_pdf("pdf/section11_cycle.html", **export.report(cycle, date.today())),
            args.repeats,
        )
    load = os.getloadavg()[0]
    print(f"{args.cases} cases × {args.agencies} agencies × 6 domains, {args.repeats} repeats")
    print(f"  load average {load:.1f}")
    rows = [
        ("one case's combined document (data)", f"{data_wall * 1000:.1f} ms"),
        ("one case's combined PDF", f"{one_wall:.2f} s wall, {one_cpu:.2f} s CPU"),
        (f"every case's combined PDF ({len(cases)})", f"{all_wall:.2f} s wall"),
        ("audit report PDF", f"{report_wall:.2f} s wall, {report_cpu:.2f} s CPU"),
        ("baseline: Section 11 cycle PDF", f"{base_wall:.2f} s wall, {base_cpu:.2f} s CPU"),
        (
            "combined PDF / baseline",
            f"{one_wall / base_wall:.2f}x wall, {one_cpu / base_cpu:.2f}x CPU (target ≤ 1)",
        ),
        (
            "report PDF / baseline",
            f"{report_wall / base_wall:.2f}x wall, {report_cpu / base_cpu:.2f}x CPU (target ≤ 1)",
        ),
    ]
    for label, figure in rows:
        print(f"  {label:40} median {figure}")


if __name__ == "__main__":
    main()
