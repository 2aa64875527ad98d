"""What the board reads: each challenged agency's visitors, findings and recommendations.

And self-ratings against agreed ones.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from peewee import JOIN

from qa.challenge.models import ChallengeEvent, Finding, Recommendation, Visitor
from qa.cycles.models import Cycle
from qa.frameworks.models import Framework, Standard
from qa.people.models import Agency, Sector, User

ORDER = {"R": 0, "A": 1, "G": 2}


def difference(self_rag, agreed_rag):
    """'lower' when the visitors agreed a worse rating than the agency gave itself, 'higher' when
    better, '' when the same or unknown."""
    if self_rag not in ORDER or agreed_rag not in ORDER or self_rag == agreed_rag:
        return ""
    return "lower" if ORDER[agreed_rag] < ORDER[self_rag] else "higher"


@dataclass
class Line:
    finding: Finding
    recommendations: list = field(default_factory=list)

    @property
    def standard(self):
        return self.finding.standard

    @property
    def difference(self):
        return difference(self.finding.self_rag, self.finding.agreed_rag)


@dataclass
class AgencyReport:
    event: ChallengeEvent
    visitors: list = field(default_factory=list)
    lines: list = field(default_factory=list)

    @property
    def agency(self):
        return self.event.agency

    @property
    def framework_id(self):
        return self.lines[0].standard.framework_id if self.lines else None

    def count(self, kind):
        return sum(1 for line in self.lines if line.difference == kind)

    @property
    def recommendations(self):
        return [rec for line in self.lines for rec in line.recommendations]


def events_for_report(cycle):
    """The cycle's events whose findings are agreed, by agency name."""
    return list(
        ChallengeEvent.select(ChallengeEvent, Agency, Sector, Cycle)
        .join(Agency)
        .join(Sector)
        .switch(ChallengeEvent)
        .join(Cycle)
        .where((ChallengeEvent.cycle == cycle) & ChallengeEvent.status.in_(("agreed", "reported")))
        .order_by(Agency.name)
    )


def build(events):
    """An AgencyReport per event, in three queries whatever the number of events."""
    ids = [e.id for e in events]
    visitors, lines, recs = defaultdict(list), defaultdict(list), defaultdict(list)
    assigner = User.alias()
    for visitor in (
        Visitor.select(Visitor, User, Agency, assigner)
        .join(User)
        .join(Agency, JOIN.LEFT_OUTER)
        .switch(Visitor)
        .join(assigner, JOIN.LEFT_OUTER, on=(Visitor.assigned_by == assigner.id))
        .where(Visitor.event.in_(ids))
        .order_by(Visitor.role)
    ):
        visitors[visitor.event_id].append(visitor)
    findings = list(
        Finding.select(Finding, Standard)
        .join(Standard)
        .where(Finding.event.in_(ids))
        .order_by(Standard.position)
    )
    for rec in (
        Recommendation.select()
        .where(Recommendation.finding.in_([f.id for f in findings]))
        .order_by(Recommendation.id)
    ):
        recs[rec.finding_id].append(rec)
    for finding in findings:
        lines[finding.event_id].append(Line(finding, recs[finding.id]))
    return [AgencyReport(event, visitors[event.id], lines[event.id]) for event in events]


@dataclass
class Table:
    """A summary table for one framework: its standards as columns, one agency a row."""

    framework: str
    standards: list
    reports: list


def summary_tables(reports):
    """One table per framework in use (Section 11 agencies and schools rate different standards)."""
    by_framework = defaultdict(list)
    for report in reports:
        if report.lines:
            by_framework[report.framework_id].append(report)
    names = dict(
        Framework.select(Framework.id, Framework.name)
        .where(Framework.id.in_(list(by_framework)))
        .tuples()
    )
    return [
        Table(names[fid], [line.standard for line in group[0].lines], group)
        for fid, group in sorted(by_framework.items())
    ]
