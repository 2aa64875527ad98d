"""The annual QA report to the board.

Who may see and build it, and that its PDF carries each section's figures.
"""

import io
import json
import re
import threading
from datetime import date, datetime, timedelta

import pytest
from pypdf import PdfReader

from qa.actions.models import Action
from qa.challenge.models import ChallengeEvent, Finding, Recommendation, Visitor
from qa.frameworks.models import Standard
from qa.people.models import Agency
from qa.reports import builds
from qa.reports.models import ReportBuild
from qa.section11.models import Return
from qa.surveys import kinds
from qa.surveys.models import Answer, Question, Response, Survey, YouSaidWeDid
from tests.conftest import Client
from tests.section11_fixtures import submitted


@pytest.fixture
def year(people, cycles, return_a):
    """A cycle with one submitted return, one agreed challenge event, a children's and a staff
    survey, and actions."""
    this = cycles["this"]
    ret = submitted(return_a, people["lead_a"])  # nine ratings, all green
    Return.update(status="submitted").where(Return.id == ret.id).execute()
    event = ChallengeEvent.create(
        cycle=this,
        agency=people["agency_a"],
        status="agreed",
        selection_reason="Two learning reviews involved its emergency department",
    )
    Visitor.create(event=event, user=people["reviewer"], role="lead")
    Visitor.create(event=event, user=people["peer"], role="peer")
    standard = Standard.select().order_by(Standard.id).first()
    finding = Finding.create(
        event=event,
        standard=standard,
        self_rag="G",
        agreed_rag="A",
        development="Supervision records are thin",
    )
    Recommendation.create(
        finding=finding,
        text="Audit supervision records quarterly",
        owner="Head of nursing",
        due=date.today() + timedelta(days=90),
    )
    children = _survey(
        "children", "Feeling safe this year", this.starts + timedelta(days=10), 11, yes=6
    )
    staff = _survey(
        "staff", "Practitioner voice this year", this.starts + timedelta(days=20), 5, yes=5
    )
    YouSaidWeDid.create(
        survey=children,
        you_said="The bus stop is dark",
        we_did="New lights on Station Road",
        published=True,
    )
    now = datetime.now()
    Action.create(
        agency=people["agency_a"],
        cycle=this,
        source="manual",
        description="Share case review learning",
        owner="Named nurse",
        due=date.today() - timedelta(days=3),
        created_at=now - timedelta(days=20),
    )
    Action.create(
        agency=people["agency_b"],
        cycle=this,
        source="challenge",
        description="Audit referrals",
        owner="DI",
        status="done",
        due=date.today(),
        created_at=now - timedelta(days=40),
        completed_at=now - timedelta(days=5),
        impact="Referrals now within a day",
    )
    Action.create(
        agency=people["agency_b"],
        cycle=this,
        source="manual",
        description="Old policy rewrite",
        owner="DI",
        status="done",
        due=date.today() - timedelta(days=400),
        created_at=now - timedelta(days=500),
        completed_at=now - timedelta(days=380),
        impact_confirmed=True,
        impact_reviewed_at=now - timedelta(days=1),
    )
    return {"cycle": this, "children": children, "staff": staff}


def _survey(audience, title, opens, responses, yes):
    survey = Survey.create(
        title=title,
        audience=audience,
        status="closed",
        opens_on=opens,
        closes_on=opens + timedelta(days=30),
    )
    question = Question.create(
        survey=survey,
        position=1,
        kind="yes_no",
        prompt=f"{title}: is there someone you can talk to?",
        options=json.dumps([]),
    )
    (yes_value, yes_label), (no_value, _) = kinds.choices("yes_no", [])[:2]
    for n in range(responses):
        response = Response.create(survey=survey)
        Answer.create(
            response=response, question=question, value=yes_value if n < yes else no_value
        )
    return survey


def _text(pdf_bytes):
    return re.sub(
        r"\s+",
        " ",
        " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf_bytes)).pages),
    )


@pytest.mark.parametrize(
    "role,expected",
    [("admin", 200), ("reviewer", 403), ("lead_a", 403), ("lead_b", 403), ("anonymous", 302)],
)
def test_only_admin_sees_the_board_report(app, people, cycles, role, expected):
    c = Client(app)
    if role != "anonymous":
        c.sign_in(people[role].email)
    assert c.get("/reports/annual").status_code == expected
    if role != "anonymous":
        c.refresh_token("/account")
    response = c.post("/reports/annual/pdf", {"cycle": cycles["this"].id})
    assert response.status_code == (303 if role == "admin" else 403 if role != "anonymous" else 302)
    for build_id in list(builds.RUNNING):
        builds.wait(build_id)


def test_report_page_shows_every_section(admin_client, year):
    html = admin_client.get(f"/reports/annual?cycle={year['cycle'].id}").get_data(as_text=True)
    for heading in (
        "Key messages",
        "Section 11 self-assessment",
        "Challenge events",
        "What children and young people said",
        "What front-line staff said",
        "Actions and their impact",
    ):
        assert heading in html
    assert "New lights on Station Road" in html


def test_asking_again_while_it_is_being_built_joins_the_same_build(admin_client, year, monkeypatch):
    release, real_build = threading.Event(), builds.annual.build
    monkeypatch.setattr(
        builds.annual,
        "build",
        lambda *args, **kwargs: release.wait(30) and real_build(*args, **kwargs),
    )
    first = admin_client.post("/reports/annual/pdf", {"cycle": year["cycle"].id}).location
    second = admin_client.post("/reports/annual/pdf", {"cycle": year["cycle"].id}).location
    build_id = int(first.rsplit("/", 1)[-1])
    release.set()
    builds.wait(build_id)
    assert second == first and ReportBuild.select().count() == 1
    third = admin_client.post("/reports/annual/pdf", {"cycle": year["cycle"].id}).location
    builds.wait(int(third.rsplit("/", 1)[-1]))
    # once it is done, asking again builds afresh
    assert third != first and ReportBuild.select().count() == 2


def test_pdf_is_built_in_the_background_with_progress_then_downloaded(admin_client, year):
    response = admin_client.post("/reports/annual/pdf", {"cycle": year["cycle"].id})
    assert response.status_code == 303
    build_id = int(response.location.rsplit("/", 1)[-1])
    page = admin_client.get(f"/reports/builds/{build_id}").get_data(as_text=True)
    assert "Building the report" in page or "The report is ready" in page
    # a plain link to check again works without JavaScript
    assert f"/reports/builds/{build_id}" in page
    builds.wait(build_id)
    assert ReportBuild.get_by_id(build_id).status == "done"
    fragment = admin_client.get(
        f"/reports/builds/{build_id}", headers={"HX-Request": "true"}
    ).get_data(as_text=True)
    assert "Download the PDF" in fragment and "every 1s" not in fragment
    pdf = admin_client.get(f"/reports/builds/{build_id}/download")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")


def test_pdf_text_carries_each_sections_figures(app_context, year, people):
    from qa.pdf import render_pdf
    from qa.reports import annual

    text = _text(render_pdf("pdf/annual_report.html", **annual.build(year["cycle"])))
    assert "Contents" in text and "Key messages" in text
    # Section 11: one of the two active agencies submitted, every one of its nine ratings green.
    assert "1 of 2 agencies (50%) sent in their Section 11 self-assessment" in text
    assert "0 red, 0 amber and 9 green ratings" in text
    # Challenge: who, why, what was found.
    assert (
        "Northbrook Hospitals NHS Foundation Trust" in text
        and "Two learning reviews involved its emergency department" in text
    )
    assert "Angela Brooks" in text and "Audit supervision records quarterly" in text
    assert "1 agency was visited for a challenge event, leading to 1 recommendation" in text
    # Children: 11 answered, 6 said yes (55%); you said, we did. Staff: 5 answered, all yes.
    assert (
        "11 children and young people answered 1 survey" in text
        and "Yes 55%" in text
        and "New lights on Station Road" in text
    )
    assert "5 practitioners answered 1 survey" in text and "100%" in text
    # Actions: the old one was opened before this cycle; one done in the cycle; one overdue; one
    # impact confirmed.
    assert "2 actions were opened this year and 1 completed; 1 is overdue now" in text
    assert "confirmed the impact lasted for 1 action" in text
    assert "Referrals now within a day" in text


def test_ratings_the_board_is_told_come_from_submitted_returns_only(app_context, year, people):
    """It said "1 of 2 sent in" and counted the draft's ratings too. The draft (agency B, all
    red) is still listed as in progress, but none of its ratings are counted, and the report says
    what it counted."""
    from qa.pdf import render_pdf
    from qa.reports import annual
    from qa.section11 import returns
    from tests.section11_fixtures import fill

    draft = returns.start(people["agency_b"], year["cycle"], people["lead_b"])
    fill(draft, people["lead_b"], rag="R")
    built = annual.build(year["cycle"])
    assert built["section11"]["ratings"] == {"R": 0, "A": 0, "G": 9}
    text = _text(render_pdf("pdf/annual_report.html", **built))
    assert "0 red, 0 amber and 9 green ratings" in text
    assert "Ratings are counted from the 1 submitted return only" in text
    assert "1 of 2 agencies (50%) sent in" in text


def test_the_ratings_table_headers_are_separate_words(app_context, year):
    from qa.pdf import render_pdf
    from qa.reports import annual

    pdf = render_pdf("pdf/annual_report.html", **annual.build(year["cycle"]))
    # laid out as printed: the narrow headers once touched ("RedAmber")
    lines = [
        line
        for page in PdfReader(io.BytesIO(pdf)).pages
        for line in page.extract_text(extraction_mode="layout").splitlines()
        if "Amber" in line and "Standard" in line
    ]
    assert lines and all(
        re.search(r"Red {2,}Amber {2,}Green {2,}Better {2,}Worse", line) for line in lines
    ), lines


def test_the_challenge_section_lists_the_events_still_to_report(app_context, year, people):
    """It said only "no findings agreed yet" while nine events were scheduled: each is listed with
    its agency, date, visitors and status."""
    from qa.pdf import render_pdf
    from qa.reports import annual

    day = datetime.combine(date.today() + timedelta(days=20), datetime.min.time())
    event = ChallengeEvent.create(
        cycle=year["cycle"],
        agency=people["agency_b"],
        status="scheduled",
        starts_at=day.replace(hour=10),
        ends_at=day.replace(hour=13),
    )
    Visitor.create(event=event, user=people["reviewer"], role="lead")
    youth = Agency.create(name="Northbrook Youth Trust", sector=people["agency_b"].sector)
    ChallengeEvent.create(cycle=year["cycle"], agency=youth, status="proposed")
    text = _text(render_pdf("pdf/annual_report.html", **annual.build(year["cycle"])))
    listed = text.split("Challenge events still to report")[-1]
    assert "2 events have no agreed findings yet" in listed
    assert re.search(
        rf"{people['agency_b'].name} {day.day} {day:%B %Y} Angela Brooks \(sub-group\) Scheduled",
        listed,
    )
    assert "Northbrook Youth Trust No date yet None yet Proposed" in listed
    # the agreed one is reported above, not listed again as still to come
    assert people["agency_a"].name not in listed.split("3. What children")[0]


def test_the_childrens_survey_shows_the_spread_of_answers_not_only_the_most_common(
    app_context, year
):
    from qa.pdf import render_pdf
    from qa.reports import annual

    text = _text(render_pdf("pdf/annual_report.html", **annual.build(year["cycle"])))
    children = text.split("3. What children")[-1].split("4. What front-line staff")[0]
    assert "Yes 55%" in children and "No 45%" in children
    assert "(11 answered; most often “Yes”)" in children


def gather_for_test(cycle, today):
    return {"count": 7, "cycle_name": cycle.name}


def test_a_capabilitys_declared_section_joins_the_page_the_pdf_and_the_progress(
    app, admin_client, year, monkeypatch
):
    from jinja2 import ChoiceLoader, DictLoader

    from qa.capability import ReportSection
    from qa.pdf import render_pdf
    from qa.reports import annual

    declared = ReportSection(
        key="case-audits",
        title="Multi-agency case audits",
        gather=f"{__name__}:gather_for_test",
        page="test/_section.html",
        pdf="test/_section_pdf.html",
    )
    monkeypatch.setattr(annual, "report_sections", lambda: [declared])
    templates = DictLoader(
        {
            "test/_section.html": "<p>Audited {{ section.count }} cases</p>",
            "test/_section_pdf.html": (
                "<p>{{ section.count }} cases audited in {{ section.cycle_name }}</p>"
            ),
        }
    )
    monkeypatch.setattr(app.jinja_env, "loader", ChoiceLoader([templates, app.jinja_env.loader]))
    app.jinja_env.cache.clear()

    assert annual.steps()[-2:] == ["Multi-agency case audits", "Key messages"]
    told = []
    data = annual.build(year["cycle"], progress=lambda step, label: told.append((step, label)))
    assert told[-2:] == [(6, "Multi-agency case audits"), (7, "Key messages")]
    html = admin_client.get(f"/reports/annual?cycle={year['cycle'].id}").get_data(as_text=True)
    assert 'href="#case-audits">Multi-agency case audits</a>' in html
    assert 'id="case-audits">Multi-agency case audits</h2>' in html and "Audited 7 cases" in html
    with app.test_request_context():
        text = _text(render_pdf("pdf/annual_report.html", **data))
    assert "6. Multi-agency case audits" in text
    assert f"7 cases audited in {year['cycle'].name}" in text
