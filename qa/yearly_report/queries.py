"""What the yearly report's pages read: the cycle's report, its sections in order, its
sign-offs, and each section's evidence."""

from peewee import JOIN

from qa.people.models import User
from qa.yearly_report import chart, evidence, rules
from qa.yearly_report.models import PartnerSignOff, YearlyReport, YearlySection

CHART_LABEL = "Changes looked back on a year later"


def report_for(cycle):
    return YearlyReport.get_or_none(YearlyReport.cycle == cycle)


def sections(report):
    return list(
        YearlySection.select()
        .where(YearlySection.report == report)
        .order_by(YearlySection.position, YearlySection.id)
    )


def sign_offs(report) -> dict:
    """{partner key: PartnerSignOff}."""
    found = (
        PartnerSignOff.select(PartnerSignOff, User)
        .join(User, JOIN.LEFT_OUTER)
        .where(PartnerSignOff.report == report)
    )
    return {s.partner: s for s in found}


def contents(report, today) -> dict:
    """Everything the report's page and PDF show, but the forms."""
    listed = sections(report)
    signed = sign_offs(report)
    found = evidence.gather(report.cycle, today, [s.key for s in listed if s.key])
    for item in found.values():
        if item.chart:
            alt = chart.alt_text(item.chart, CHART_LABEL)
            svg = chart.bars_svg(item.chart, alt)
            item.chart_svg, item.chart_uri, item.chart_alt = svg, chart.data_uri(svg), alt
    return {
        "report": report,
        "sections": listed,
        "evidence": found,
        "hints": rules.HINTS,
        "signed": signed,
        "partners": rules.PARTNERS,
        "state": rules.state(signed),
        "still_to_sign": rules.still_to_sign(signed),
        "sending": rules.sending(
            report.published_on, report.sent_on, today, report.send_within_days
        ),
        "today": today,
    }
