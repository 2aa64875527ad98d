"""The QA sub-group's view.

Cycle overview and reminders, heatmap, moderation, exports; every list in a fixed number of queries.
"""

import csv
import io
import threading
import time
from datetime import date, datetime, timedelta
from html import escape

from pypdf import PdfReader

from qa.audit import AuditEvent
from qa.builds import service as pdf_builds
from qa.builds.models import PdfBuild
from qa.cycles.models import Cycle
from qa.documents import Document
from qa.frameworks.models import Framework
from qa.people.models import Agency, Sector
from qa.section11 import export, returns
from qa.section11.models import Rating, Return
from tests.section11_fixtures import attach, fill, pdf_built, ratings_of, submitted


def _two_years(people, cycles, last_rag="R", this_rag="A"):
    """Agency A rated `last_rag` everywhere last year and `this_rag` this year (submitted)."""
    last = returns.start(people["agency_a"], cycles["last"], people["lead_a"])
    fill(last, people["lead_a"], rag=last_rag)
    this = returns.start(people["agency_a"], cycles["this"], people["lead_a"])
    fill(this, people["lead_a"], rag=this_rag)
    Return.update(status="submitted").where(Return.id.in_([last.id, this.id])).execute()
    return last, this


def test_overview_shows_each_agencys_state_and_who_to_remind(
    admin_client, people, cycles, return_a
):
    fill(return_a, people["lead_a"])
    page = admin_client.get("/section11/overview").get_data(as_text=True)
    assert "Returns for 2026-27" in page and "Nobody is overdue yet" in page
    # not started, still to submit
    assert "Northbrook Constabulary" in page and people["lead_b"].email in page
    assert "9 of 9" in page


def test_after_the_deadline_unsubmitted_agencies_are_listed_as_overdue(
    admin_client, people, cycles, return_a
):
    Cycle.update(deadline=date.today() - timedelta(days=1)).where(
        Cycle.id == cycles["this"].id
    ).execute()
    submitted(return_a, people["lead_a"])
    page = admin_client.get("/section11/overview").get_data(as_text=True)
    reminders = page.split('id="reminders"')[1].split("</table>")[0]
    assert (
        "Overdue: 1 agency to remind" in page
        and "Northbrook Constabulary" in reminders
        and people["lead_b"].email in reminders
    )
    assert "Northbrook Hospitals" not in reminders


def test_heatmap_shows_letters_arrows_and_words_not_just_colour(admin_client, people, cycles):
    _two_years(people, cycles, last_rag="R", this_rag="A")
    page = admin_client.get("/section11/heatmap").get_data(as_text=True)
    assert "qa-heat--A" in page and "A ▲" in page
    assert "Leadership: Amber, better than last year (was red)" in page
    rating = ratings_of(Return.get(Return.cycle == cycles["this"]))[0]
    # a cell opens that rating's evidence
    assert f'href="/section11/ratings/{rating.id}/review"' in page


def test_heatmap_headers_break_long_words_only_where_a_dictionary_allows(
    admin_client, people, cycles
):
    """Narrow columns broke "Accountabilit y" in a browser without hyphenation dictionaries."""
    _two_years(people, cycles, last_rag="A", this_rag="A")
    page = admin_client.get("/section11/heatmap").get_data(as_text=True)
    assert "Ac\u00adcount\u00adab\u00adil\u00adity" in page
    assert "Accountability" not in page.split("<thead")[1].split("</thead>")[0]


def test_heatmap_counts_each_rating_per_standard(admin_client, people, cycles):
    _two_years(people, cycles, last_rag="A", this_rag="A")
    page = admin_client.get("/section11/heatmap").get_data(as_text=True)
    amber_row = page.split(">Amber</th>")[1].split("</tr>")[0]
    assert amber_row.count(">1</td>") == 9
    same_row = page.split("= Same as last year</th>")[1].split("</tr>")[0]
    assert same_row.count(">1</td>") == 9


def test_heatmap_filters_by_sector_and_framework(admin_client, people, cycles):
    _two_years(people, cycles)
    police = Sector.get(Sector.slug == "police")
    by_sector = admin_client.get(
        f"/section11/heatmap?sector={police.id}", headers={"HX-Request": "true"}
    ).get_data(as_text=True)
    assert (
        "<html" not in by_sector
        and "Northbrook Constabulary" in by_sector
        and "Hospitals" not in by_sector
    )
    schools = Framework.get(Framework.name.startswith("Schools"))
    Agency.update(framework=schools).where(Agency.id == people["agency_b"].id).execute()
    by_framework = admin_client.get(f"/section11/heatmap?framework={schools.id}").get_data(
        as_text=True
    )
    assert (
        "Designated safeguarding lead" in by_framework
        and "Northbrook Constabulary" in by_framework
        and "Hospitals" not in by_framework
    )


def test_heatmap_and_overview_use_the_same_number_of_queries_for_more_agencies(
    admin_client, people, cycles, count_queries
):
    _two_years(people, cycles)

    def counted(path):
        with count_queries() as counter:
            assert admin_client.get(path).status_code == 200
        return counter.count

    few = {path: counted(path) for path in ("/section11/heatmap", "/section11/overview")}
    health = Sector.get(Sector.slug == "health")
    for n in range(12):
        agency = Agency.create(name=f"Agency {n}", sector=health)
        ret = returns.start(agency, cycles["this"], people["admin"])
        fill(ret, people["admin"], rag="R")
        attach(ratings_of(ret)[0])
    many = {path: counted(path) for path in few}
    assert many == few, (few, many)
    assert max(many.values()) <= 14


def test_a_rating_opens_with_its_evidence_documents_and_action_plan(
    reviewer_client, people, cycles
):
    _, this = _two_years(people, cycles, this_rag="A")
    rating = ratings_of(this)[0]
    attach(rating, "board minutes.pdf")
    page = reviewer_client.get(f"/section11/ratings/{rating.id}/review").get_data(as_text=True)
    assert (
        "We do this well; audit shows it." in page
        and "board minutes.pdf" in page
        and "Audit twenty cases" in page
    )
    assert "Does the sub-group agree with this rating?" in page


def test_the_sub_group_marks_a_rating_challenged_with_a_comment(reviewer_client, people, cycles):
    _, this = _two_years(people, cycles)
    rating = ratings_of(this)[0]
    response = reviewer_client.post(
        f"/section11/ratings/{rating.id}/review",
        {
            "moderation_status": "challenged",
            "moderation_comment": "Evidence is two years old",
            "moderation_version": "1",
        },
    )
    assert response.status_code == 302
    saved = Rating.get_by_id(rating.id)
    assert (saved.moderation_status, saved.moderation_comment, saved.moderated_by_id) == (
        "challenged",
        "Evidence is two years old",
        people["reviewer"].id,
    )
    assert saved.version == rating.version  # the agency's own autosave is not disturbed
    assert AuditEvent.select().where(AuditEvent.verb == "moderated").exists()


def test_moderation_refuses_an_unknown_status_and_shows_a_conflict(admin_client, people, cycles):
    _, this = _two_years(people, cycles)
    rating = ratings_of(this)[0]
    bad = admin_client.post(
        f"/section11/ratings/{rating.id}/review",
        {"moderation_status": "rubber-stamped", "moderation_version": "1"},
    )
    assert bad.status_code == 200 and "Choose agreed or challenged" in bad.get_data(as_text=True)
    admin_client.post(
        f"/section11/ratings/{rating.id}/review",
        {"moderation_status": "agreed", "moderation_version": "1"},
    )
    stale = admin_client.post(
        f"/section11/ratings/{rating.id}/review",
        {"moderation_status": "challenged", "moderation_comment": "No", "moderation_version": "1"},
    )
    assert "Someone else saved this" in stale.get_data(as_text=True)
    assert Rating.get_by_id(rating.id).moderation_status == "agreed"


def test_csv_has_one_row_per_agency_and_standard_and_cannot_run_formulas(
    admin_client, people, cycles, return_a
):
    fill(return_a, people["lead_a"], rag="A", evidence='=HYPERLINK("http://evil")')
    response = admin_client.get("/section11/export.csv")
    assert (
        response.status_code == 200
        and response.mimetype == "text/csv"
        and response.headers["Content-Disposition"].startswith("attachment;")
    )
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert len(rows) == 2 * 9  # both agencies, every standard, started or not
    mine = [r for r in rows if r["Agency"].startswith("Northbrook Hospitals")]
    assert {r["Rating"] for r in mine} == {"Amber"} and {r["Open actions"] for r in mine} == {"1"}
    assert all(r["Evidence"].startswith("'=") for r in mine)
    assert {r["Return"] for r in rows if r["Agency"] == "Northbrook Constabulary"} == {
        "Not started"
    }


def test_the_cycle_pdf_for_the_board_has_the_heatmap_and_the_reds_and_ambers(
    admin_client, people, cycles
):
    _two_years(people, cycles, last_rag="R", this_rag="A")
    response = pdf_built(admin_client, "/section11/report.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text = " ".join(
        " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages).split()
    )
    assert (
        "Section 11 self-assessment 2026-27" in text
        and "heatmap" in text
        and "A ▲" in text
        and "Reds and ambers" in text
    )


def test_a_person_has_one_pdf_build_at_a_time_and_asking_again_joins_it(
    app, people, cycles, signed_in, monkeypatch
):
    """Sixteen requests for the cycle PDF from one reviewer pushed sign-in to 5.3 s: now the first
    starts a build in the background and every later one, for this PDF or another, joins it."""
    _two_years(people, cycles)
    release, real_report = threading.Event(), export.report
    monkeypatch.setattr(export, "report", lambda *args: release.wait(30) and real_report(*args))
    reviewer, admin = signed_in(people["reviewer"]), signed_in(people["admin"])
    began = time.perf_counter()
    asked = [reviewer.get("/section11/report.pdf") for _ in range(16)]
    took = time.perf_counter() - began
    print(f"16 requests for the cycle PDF answered in {took * 1000:.0f} ms, the PDF not yet made")
    ret = Return.get(Return.cycle == cycles["this"])
    other = reviewer.get(f"/section11/returns/{ret.id}/pdf")
    page = reviewer.get(asked[0].location).get_data(as_text=True)
    assert {response.status_code for response in asked} == {303} and took < 5
    assert {response.location for response in [*asked, other]} == {asked[0].location}
    assert "Making the PDF" in page and f'href="{asked[0].location}"' in page  # a plain link
    assert PdfBuild.select().count() == 1
    # someone else's request is their own build, and the reviewer cannot see it
    theirs = admin.get("/section11/report.pdf").location
    assert theirs != asked[0].location and PdfBuild.select().count() == 2
    assert reviewer.get(theirs).status_code == 404
    release.set()
    pdf_builds.wait()
    assert PdfBuild.select().where(PdfBuild.status == "done").count() == 2
    # once it is made, the reviewer may ask for the next one
    assert reviewer.get(f"/section11/returns/{ret.id}/pdf").location != asked[0].location


def test_the_cycle_pdf_page_without_javascript_links_to_itself_then_to_the_file(
    admin_client, people, cycles
):
    _two_years(people, cycles)
    overview = admin_client.get("/section11/overview").get_data(as_text=True)
    assert 'href="/section11/report.pdf?cycle=' in overview
    response = pdf_built(admin_client, "/section11/report.pdf")
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert response.data.startswith(b"%PDF")


def test_asking_for_a_pdf_again_replaces_the_persons_earlier_copy(admin_client, people, cycles):
    _two_years(people, cycles)
    documents = Document.select().count()
    pdf_built(admin_client, "/section11/report.pdf")
    pdf_built(admin_client, "/section11/report.pdf")
    assert PdfBuild.select().count() == 1 and Document.select().count() == documents + 1


def test_a_build_a_stopped_server_left_unfinished_says_so_and_stops_polling(admin_client, people):
    left = PdfBuild.create(
        kind="section11_cycle",
        key="1",
        title="Section 11 summary.pdf",
        requested_by=people["admin"],
        started_at=datetime.now() - timedelta(hours=1),
    )
    page = admin_client.get(f"/pdfs/{left.id}").get_data(as_text=True)
    assert "the service restarted" in page and "hx-trigger" not in page
    assert admin_client.get(f"/pdfs/{left.id}/download").status_code == 404


def test_a_build_under_way_in_another_server_process_is_joined(reviewer_client, people, cycles):
    """gunicorn runs several processes: the person's build is found in the database, not only
    among this process's threads."""
    elsewhere = PdfBuild.create(
        kind="section11_cycle",
        key="1",
        title="Section 11 summary.pdf",
        requested_by=people["reviewer"],
    )
    assert reviewer_client.get("/section11/report.pdf").location == f"/pdfs/{elsewhere.id}"
    assert PdfBuild.select().count() == 1
    assert "Making the PDF" in reviewer_client.get(f"/pdfs/{elsewhere.id}").get_data(as_text=True)


def test_heatmap_marks_agreed_and_challenged_moderation_in_a_mark_words_and_a_key(
    admin_client, people, cycles
):
    _, this = _two_years(people, cycles, last_rag="R", this_rag="A")
    first, second, *_ = ratings_of(this)
    Rating.update(moderation_status="agreed").where(Rating.id == first.id).execute()
    Rating.update(moderation_status="challenged").where(Rating.id == second.id).execute()
    page = admin_client.get("/section11/heatmap").get_data(as_text=True)
    first_title, second_title = first.standard.title, second.standard.title
    assert f"{first_title}: Amber, better than last year (was red); agreed by the sub-group" in page
    assert (
        f"{second_title}: Amber, better than last year (was red); challenged by the sub-group"
        in (page)
    )
    assert page.count('<span class="qa-heat__mark">✓</span>') == 2  # the cell and the key
    assert page.count('<span class="qa-heat__mark">!</span>') == 2
    assert "Moderation by the sub-group:" in page and "no mark: not yet moderated" in page


def test_the_moderation_page_leads_to_the_next_rating_waiting_and_round_to_the_first(
    reviewer_client, people, cycles
):
    _, this = _two_years(people, cycles, this_rag="A")
    first, second, third, *rest = ratings_of(this)
    Rating.update(moderation_status="agreed").where(Rating.id == second.id).execute()
    # a draft's ratings are not waiting for moderation
    draft = returns.start(people["agency_b"], cycles["this"], people["lead_b"])
    fill(draft, people["lead_b"])
    page = reviewer_client.get(f"/section11/ratings/{first.id}/review").get_data(as_text=True)
    waiting = len(rest) + 1  # every other rated one of this return but the agreed one
    assert f"{waiting} other ratings are waiting for moderation in 2026-27" in page
    assert f'href="/section11/ratings/{third.id}/review" id="next-rating"' in page
    assert f"Next rating: {third.standard.code} {escape(third.standard.title)}" in page
    # from the last, round to the first still waiting
    page = reviewer_client.get(f"/section11/ratings/{rest[-1].id}/review").get_data(as_text=True)
    assert f'href="/section11/ratings/{first.id}/review" id="next-rating"' in page


def test_when_nothing_else_waits_for_moderation_the_page_says_so(reviewer_client, people, cycles):
    _, this = _two_years(people, cycles, this_rag="A")
    first, *others = ratings_of(this)
    Rating.update(moderation_status="agreed").where(Rating.id.in_([r.id for r in others])).execute()
    page = reviewer_client.get(f"/section11/ratings/{first.id}/review").get_data(as_text=True)
    assert "No other rating is waiting for moderation in 2026-27." in page
