"""The yearly report builder: starting it gives Working Together's sections, the admin adjusts
them (renamed, reordered, added, removed, with conflicts kept), each is pre-filled from qa, and the
three lead safeguarding partners' sign-off is reopened by any change."""

import json
import re
from datetime import date, datetime, timedelta

import pytest

from qa.actions.models import Action
from qa.audit import AuditEvent
from qa.challenge.models import ChallengeEvent, Finding, Recommendation
from qa.frameworks.models import Framework, Standard
from qa.people.models import Agency, Sector
from qa.scrutiny.models import ScrutinyFinding, ScrutinyTheme
from qa.section11.models import Return
from qa.surveys.models import Answer, Question, Response, Survey
from qa.yearly_report import evidence, rules
from qa.yearly_report.models import PartnerSignOff, YearlyReport, YearlySection
from tests.review_fixtures import make_review, make_review_action, make_theme

pytest_plugins = ["tests.section11_fixtures"]


@pytest.fixture
def started(admin_client, cycles):
    cycle = cycles["this"]
    admin_client.post(f"/yearly-report/{cycle.id}/start")
    return YearlyReport.get(YearlyReport.cycle == cycle)


def _sections(report):
    return list(
        YearlySection.select()
        .where(YearlySection.report == report)
        .order_by(YearlySection.position)
    )


def _save(client, report, section, **data):
    prefix = f"section-{section.id}"
    posted = {
        "section": section.id,
        f"{prefix}-version": data.pop("version", section.version),
        f"{prefix}-title": data.pop("title", section.title),
        f"{prefix}-narrative": data.pop("narrative", section.narrative),
    }
    return client.post(f"/yearly-report/{report.cycle_id}/section", posted)


def _sign(client, report, partner, name, seen=None):
    return client.post(
        f"/yearly-report/{report.cycle_id}/sign-off",
        {
            "seen": seen if seen is not None else YearlyReport.get_by_id(report.id).content_version,
            "partner": partner,
            "name": name,
            "job_title": "Director",
            "signed_on-day": "3",
            "signed_on-month": "12",
            "signed_on-year": str(date.today().year),
        },
    )


def test_starting_the_report_gives_working_togethers_sections_on_one_page(
    admin_client, cycles, started
):
    assert [s.title for s in _sections(started)] == [t for _, t, _ in rules.DEFAULT_SECTIONS]
    html = admin_client.get(f"/yearly-report?cycle={cycles['this'].id}").get_data(as_text=True)
    for _, title, _ in rules.DEFAULT_SECTIONS:
        assert title in html
    assert 'href="#sign-off"' in html and "Not signed off yet" in html
    admin_client.post(f"/yearly-report/{cycles['this'].id}/start")  # twice: still one report
    assert YearlyReport.select().count() == 1


def test_the_admin_renames_writes_adds_moves_and_removes_sections(admin_client, started):
    first, second = _sections(started)[:2]
    response = _save(admin_client, started, first, title="Our year", narrative="We met monthly.")
    assert response.status_code == 303
    saved = YearlySection.get_by_id(first.id)
    assert (saved.title, saved.narrative, saved.version) == ("Our year", "We met monthly.", 2)
    admin_client.post(f"/yearly-report/{started.cycle_id}/sections", {"title": "Case studies"})
    assert _sections(started)[-1].title == "Case studies"
    admin_client.post(
        f"/yearly-report/{started.cycle_id}/move", {"section": second.id, "direction": "up"}
    )
    assert [s.id for s in _sections(started)[:2]] == [second.id, first.id]
    added = _sections(started)[-1]
    admin_client.post(
        f"/yearly-report/{started.cycle_id}/remove", {"section": added.id, "version": added.version}
    )
    assert "Case studies" not in [s.title for s in _sections(started)]
    verbs = [e.verb for e in AuditEvent.select().where(AuditEvent.object_type == "YearlySection")]
    assert verbs.count("changed") == 2 and "created" in verbs and "deleted" in verbs


def test_a_section_saved_by_someone_else_keeps_the_typed_words_and_shows_both(
    admin_client, started
):
    section = _sections(started)[0]
    _save(admin_client, started, section, narrative="Theirs, saved first.")
    response = _save(admin_client, started, section, narrative="Mine, typed meanwhile.", version=1)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Someone else saved this while you were editing" in html
    assert "Mine, typed meanwhile." in html and "Theirs, saved first." in html
    assert YearlySection.get_by_id(section.id).narrative == "Theirs, saved first."


def test_a_blank_title_is_refused_with_the_error_linked_to_the_field(admin_client, started):
    section = _sections(started)[0]
    html = _save(admin_client, started, section, title="").get_data(as_text=True)
    assert "Enter the section&#39;s title" in html or "Enter the section's title" in html
    assert f'href="#section-{section.id}-title"' in html


def test_sign_off_is_recorded_with_who_and_when_and_a_change_reopens_it(
    admin_client, people, started
):
    _sign(admin_client, started, "local_authority", "Jo Whitfield")
    _sign(admin_client, started, "health", "Dr Sam Iqbal")
    html = admin_client.get(f"/yearly-report?cycle={started.cycle_id}").get_data(as_text=True)
    assert "Jo Whitfield, Director" in html and "Still to sign: Police" in html
    signed = PartnerSignOff.get(PartnerSignOff.partner == "health")
    assert signed.recorded_by_id == people["admin"].id and signed.signed_on.day == 3

    section = _sections(started)[2]
    _save(admin_client, started, section)  # the same words saved again: nothing changed
    assert PartnerSignOff.select().count() == 2
    response = _save(admin_client, started, section, narrative="A late addition.")
    assert PartnerSignOff.select().count() == 0
    page = admin_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "This change reopened the report" in page
    assert "sign-offs by Local authority and Integrated care board (health) were cleared" in page
    reopened = AuditEvent.get(AuditEvent.verb == "reopened")
    assert "Local authority" in reopened.summary and "were cleared" in reopened.summary


@pytest.mark.parametrize("change", ["move", "add", "remove"])
def test_reordering_adding_or_removing_a_section_reopens_it_too(admin_client, started, change):
    _sign(admin_client, started, "police", "Ch Supt Dee Moss")
    section = _sections(started)[1]
    url = f"/yearly-report/{started.cycle_id}"
    if change == "move":
        admin_client.post(f"{url}/move", {"section": section.id, "direction": "up"})
    elif change == "add":
        admin_client.post(f"{url}/sections", {"title": "Case studies"})
    else:
        admin_client.post(f"{url}/remove", {"section": section.id, "version": section.version})
    assert PartnerSignOff.select().count() == 0


def test_a_sign_off_of_a_report_that_changed_since_it_was_read_is_refused(admin_client, started):
    seen = started.content_version
    _save(admin_client, started, _sections(started)[0], narrative="Changed meanwhile.")
    response = _sign(admin_client, started, "police", "Ch Supt Dee Moss", seen=seen)
    assert PartnerSignOff.select().count() == 0
    page = admin_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "The report changed since you opened it" in page


def _dates(client, report, published):
    return client.post(
        f"/yearly-report/{report.cycle_id}/dates",
        {
            "version": YearlyReport.get_by_id(report.id).version,
            "published_on-day": published.day,
            "published_on-month": published.month,
            "published_on-year": published.year,
            "send_within_days": "7",
        },
    )


def test_the_report_is_published_only_once_all_three_have_signed(admin_client, started):
    _sign(admin_client, started, "local_authority", "Jo Whitfield")
    html = _dates(admin_client, started, date.today()).get_data(as_text=True)
    assert "Record the sign-off of all three lead safeguarding partners" in html
    assert YearlyReport.get_by_id(started.id).published_on is None


def test_publication_and_sending_late_is_warned_about(admin_client, started):
    for partner in rules.PARTNERS:
        _sign(admin_client, started, partner, "A Partner")
    published = date.today() - timedelta(days=20)
    assert _dates(admin_client, started, published).status_code == 303
    html = admin_client.get(f"/yearly-report?cycle={started.cycle_id}").get_data(as_text=True)
    assert "published 20 days ago and has not been sent" in html
    assert "All three lead safeguarding partners have signed off" in html


def _children_survey(title, opens, responses, yes):
    survey = Survey.create(
        title=title, audience="children", age_band="8-12", status="closed", opens_on=opens
    )
    question = Question.create(
        survey=survey,
        position=1,
        kind="yes_no",
        prompt="Is there an adult you can talk to?",
        options=json.dumps([]),
    )
    for n in range(responses):
        Answer.create(
            response=Response.create(survey=survey),
            question=question,
            value="yes" if n < yes else "no",
        )
    return survey


def test_each_section_is_prefilled_with_figures_counted_independently(app_context, people, cycles):
    this = cycles["this"]
    now = datetime.now()
    inside, before = now - timedelta(days=10), datetime.combine(this.starts, datetime.min.time())

    def action(confirmed, reviewed_at, impact="Plans now open with the child's words"):
        return Action.create(
            agency=people["agency_a"],
            cycle=this,
            description="Change",
            owner="Lead",
            due=date.today(),
            status="done",
            completed_at=reviewed_at - timedelta(days=365),
            impact=impact,
            impact_confirmed=confirmed,
            impact_reviewed_at=reviewed_at,
        )

    action(True, inside)
    action(True, inside, impact="")
    action(False, inside)
    action(True, before - timedelta(days=3))  # looked back on before the year: not counted
    Action.create(  # still open, past due: carried forward and late
        agency=people["agency_b"],
        cycle=this,
        description="Open",
        owner="Lead",
        due=date.today() - timedelta(days=1),
    )
    _children_survey("Feeling safe", this.starts + timedelta(days=3), 12, 7)
    _children_survey("Tiny group", this.starts + timedelta(days=4), 3, 3)
    theme = make_theme()
    review = make_review(completed=this.starts + timedelta(days=5), themes=[theme])
    make_review_action(review, theme, this, agency=people["agency_a"])
    make_review_action(review, theme, this, agency=people["agency_b"], status="done", assured=True)

    education = Sector.create(name="Education", slug="education")
    school = Agency.create(name="Oak Hill Primary School", sector=education)
    Agency.create(name="Riverside High School", sector=education)
    framework = Framework.create(name="Section 11")
    for agency, status in [(school, "submitted"), (people["agency_a"], "submitted")]:
        Return.create(agency=agency, cycle=this, framework=framework, status=status)
    Return.create(agency=people["agency_b"], cycle=this, framework=framework)  # a draft
    ChallengeEvent.create(cycle=this, agency=people["agency_a"], status="held")
    ChallengeEvent.create(cycle=this, agency=people["agency_b"], status="proposed")
    agreed = ChallengeEvent.create(cycle=this, agency=school, status="agreed")
    for n, (self_rag, agreed_rag) in enumerate([("G", "A"), ("A", "A")], start=1):
        standard = Standard.create(framework=framework, position=n, code=f"S{n}", title=f"S{n}")
        finding = Finding.create(
            event=agreed, standard=standard, self_rag=self_rag, agreed_rag=agreed_rag
        )
    Recommendation.create(finding=finding, text="Audit supervision", owner="Head", due=date.today())
    heard = ScrutinyTheme.create(
        cycle=this, title="Disabled children", question="Are they heard?", status="reported"
    )
    ScrutinyTheme.create(cycle=cycles["last"], title="Last year's", question="?")
    ScrutinyTheme.create(cycle=this, title="Neglect", question="Seen early?")  # planned
    for text in ("Few plans record the child's words", "Schools refer sooner"):
        ScrutinyFinding.create(theme=heard, text=text)

    keys = ["activity", "impact", "scrutiny", "voice", "priorities", "reviews"]
    found = evidence.gather(this, date.today(), keys)
    activity = {label: value for label, value, _ in found["activity"].figures}
    assert activity["Section 11 returns submitted"] == "2 of 4 agencies"
    assert activity["Challenge events held"] == 2  # held, and held with findings agreed
    scrutiny = {label: value for label, value, _ in found["scrutiny"].figures}
    assert scrutiny == {
        "Agencies challenged, findings agreed": 1,
        "Recommendations made": 1,
        "Self-ratings the visitors agreed lower": 1,
        "Scrutiny themes": 2,
        "Scrutiny themes reported": 1,
        "Findings of the scrutiny themes": 2,
    }
    assert [text for text, _, _ in found["scrutiny"].examples] == [
        "Disabled children: Few plans record the child's words",
        "Disabled children: Schools refer sooner",
    ]
    assert activity["Actions completed this year"] == 0  # completed a year before their look-back
    impact = {label: value for label, value, _ in found["impact"].figures}
    assert impact == {
        "Changes confirmed as lasting a year on": 2,
        "Changes that had not lasted a year on": 1,
        "Review actions the sub-group was assured of a year on": 1,
        "Review actions it was not assured of": 0,
    }
    assert [text for text, _, _ in found["impact"].examples] == [
        "Plans now open with the child's words"
    ]
    assert found["impact"].chart == [("Lasted", 2), ("Did not last", 1)]
    voice = {label: value for label, value, _ in found["voice"].figures}
    schools = voice["Schools and colleges that sent their safeguarding self-assessment"]
    assert schools == "1 of 2"
    assert voice["Children who answered “Feeling safe”"] == 12
    assert voice["Children who answered “Tiny group”"] == "Too few to show"
    assert [t for t, _, _ in found["voice"].examples] == [
        "Is there an adult you can talk to? Most said “Yes” (58%)."
    ]
    priorities = {label: value for label, value, _ in found["priorities"].figures}
    # the late one, and the review's action due in 60 days
    assert priorities["Actions of this year still open, to carry forward"] == 2
    assert priorities["Of those, past their due date"] == 1
    (declared,) = found["reviews"].declared
    assert declared["declared"].key == "reviews" and declared["figures"]["actions"] == 2


def test_the_page_links_each_figure_back_and_gives_the_chart_as_text(
    admin_client, people, cycles, started
):
    Action.create(
        agency=people["agency_a"],
        cycle=cycles["this"],
        description="Change",
        owner="Lead",
        due=date.today(),
        status="done",
        impact="Lasting",
        impact_confirmed=True,
        impact_reviewed_at=datetime.now(),
    )
    html = admin_client.get(f"/yearly-report?cycle={started.cycle_id}").get_data(as_text=True)
    assert 'href="/actions' in html and "See where this comes from" in html
    assert 'role="img"' in html
    assert "Changes looked back on a year later: Lasted 1, Did not last 0." in html
    assert "From the board report: Learning from reviews" in html
    assert re.search(r"qa holds nothing for this section", html)  # training, funding


def test_the_page_asks_the_same_queries_however_many_sections_and_sign_offs(
    admin_client, started, count_queries
):
    url = f"/yearly-report?cycle={started.cycle_id}"
    admin_client.get(url)
    with count_queries() as few:
        admin_client.get(url)
    for n in range(6):
        admin_client.post(f"/yearly-report/{started.cycle_id}/sections", {"title": f"Extra {n}"})
    for partner in rules.PARTNERS:
        _sign(admin_client, started, partner, "A Partner")
    with count_queries() as many:
        assert "Extra 5" in admin_client.get(url).get_data(as_text=True)
    assert many.count == few.count
