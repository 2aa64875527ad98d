"""Reporting to the board.

One PDF for the cycle with each agency's findings, a PDF per event, and the summary of differences.
"""

import io
from datetime import timedelta

from pypdf import PdfReader

from qa.challenge import findings, report, scheduling
from qa.challenge.models import ChallengeEvent, Finding, Visitor
from qa.people.models import Agency
from tests.challenge_helpers import (
    SOON,
    agree_everything,
    at,
    cycle_fixture,  # noqa: F401
    event_fixture,  # noqa: F401
    findings_of,
    reload,
    submitted_return,
)


def agreed(event, who, strengths):
    agree_everything(event, who)
    Finding.update(strengths=strengths).where(Finding.event == event).execute()
    for visitor in Visitor.select().where(Visitor.event == event):
        findings.agree(event, visitor, visitor.user)
    return reload(event)


def text_of(data):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_difference_marks_agreed_lower_or_higher():
    assert report.difference("G", "A") == "lower"
    assert report.difference("R", "A") == "higher"
    assert report.difference("A", "A") == ""
    assert report.difference("", "A") == ""


def test_cycle_report_pdf_has_contents_summary_and_each_agencys_findings(
    admin_client, people, event, cycle
):
    second = scheduling.choose(
        cycle, [(people["agency_b"], "Never challenged before")], people["admin"]
    )[0]
    submitted_return(people["agency_b"], cycle)
    scheduling.schedule(
        second, second.version, at(SOON, 14), at(SOON, 16), "Police HQ", people["admin"]
    )
    scheduling.assign_visitor(
        reload(second), people["admin"], "lead", "manual", "", people["admin"]
    )
    # by hand, past the clash rules: only the report matters here
    Visitor.create(event=second, user=people["lead_b"], role="peer")
    agreed(event, people["reviewer"], "Hospital board owns safeguarding")
    findings.add_recommendation(
        findings_of(second)[0],
        "Train custody staff",
        "Chief inspector",
        SOON + timedelta(days=60),
        people["admin"],
    )
    agreed(reload(second), people["admin"], "Custody suite practice is strong")
    response = admin_client.get(f"/challenge/cycles/{cycle.id}/report.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text = text_of(response.data)
    for words in [
        "Contents",
        "Summary",
        "Northbrook Hospitals NHS Foundation Trust",
        "Northbrook Constabulary",
        "Hospital board owns safeguarding",
        "Custody suite practice is strong",
        "Train custody staff",
        "Two learning reviews involved its emergency department",
        "Angela Brooks",
        "Page 1 of",
    ]:
        assert words in text, words


def test_event_pdf_has_that_agencys_findings_only(admin_client, people, event):
    agreed(event, people["reviewer"], "Hospital board owns safeguarding")
    text = text_of(admin_client.get(f"/challenge/events/{event.id}/report.pdf").data)
    assert (
        "Hospital board owns safeguarding" in text
        and "Olivia Chen" in text
        and text.count("Why it was chosen") == 1
    )


def test_report_page_lists_agreed_events_and_marks_them_reported(
    admin_client, people, event, cycle
):
    agreed(event, people["reviewer"], "Strong")
    html = admin_client.get(f"/challenge/cycles/{cycle.id}/report").get_data(as_text=True)
    assert (
        "Download the report (PDF)" in html and "Northbrook Hospitals NHS Foundation Trust" in html
    )
    admin_client.post(f"/challenge/cycles/{cycle.id}/reported")
    assert reload(event).status == "reported"


def test_report_builds_in_a_bounded_number_of_queries(app, people, cycle, count_queries):
    for n in range(6):
        agency = Agency.create(name=f"Agency {n}", sector=people["agency_a"].sector)
        submitted_return(agency, cycle)
        made = scheduling.choose(cycle, [(agency, "Because")], people["admin"])[0]
        scheduling.schedule(made, made.version, at(SOON, 10), at(SOON, 12), "Room", people["admin"])
        ChallengeEvent.update(status="agreed").where(ChallengeEvent.id == made.id).execute()
    with count_queries() as counter:
        reports = report.build(report.events_for_report(cycle))
        report.summary_tables(reports)
    assert len(reports) == 6 and counter.count <= 6, counter.count
