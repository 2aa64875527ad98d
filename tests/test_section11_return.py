"""An agency lead's return.

Start it (blank or from last year), autosave ratings, conflicts, submit, lock, reopen, PDF.
"""

import io
import re

from pypdf import PdfReader

from qa.actions.models import Action
from qa.audit import AuditEvent
from qa.documents import Document
from qa.frameworks.models import Framework, Standard
from qa.section11 import returns
from qa.section11.models import Rating, RatingDocument, Return
from tests.conftest import dates
from tests.section11_fixtures import add_action, attach, fill, pdf_built, ratings_of, submitted


def test_lead_without_a_return_sees_the_start_page(lead_client, cycles):
    page = lead_client.get("/section11/return").get_data(as_text=True)
    assert "Your 2026-27 Section 11 return" in page and "Start your return" in page


def test_starting_creates_a_return_with_a_blank_rating_per_standard(lead_client, people, cycles):
    response = lead_client.post("/section11/return/start", {"carry": "no"})
    ret = Return.get(Return.agency == people["agency_a"])
    assert response.status_code == 302 and response.location == f"/section11/returns/{ret.id}"
    assert [r.rag for r in ratings_of(ret)] == [""] * 9
    assert ret.framework.name.startswith("Section 11") and ret.status == "draft"
    assert (
        AuditEvent.select()
        .where(AuditEvent.verb == "started", AuditEvent.object_id == ret.id)
        .exists()
    )


def test_a_school_rates_itself_against_the_schools_framework(app, people, cycles):
    schools = Framework.get(Framework.name.startswith("Schools"))
    people["agency_a"].framework = schools
    people["agency_a"].save()
    ret = returns.start(people["agency_a"], cycles["this"], people["lead_a"])
    assert (
        len(ratings_of(ret)) == Standard.select().where(Standard.framework == schools).count() == 6
    )


def test_once_started_your_return_goes_straight_to_the_task_list(lead_client, return_a):
    response = lead_client.get("/section11/return")
    assert response.status_code == 302 and response.location == f"/section11/returns/{return_a.id}"
    page = lead_client.get(response.location).get_data(as_text=True)
    assert (
        "govuk-task-list" in page
        and "1. Leadership" in page
        and "0 of 9 standards complete" in page
    )


def test_start_from_last_year_copies_ratings_and_open_actions_and_links_documents(
    lead_client, people, cycles
):
    last = returns.start(people["agency_a"], cycles["last"], people["lead_a"])
    old = fill(last, people["lead_a"], rag="A", evidence="Last year's words")
    add_action(last, old[0], status="done", description="Finished already")
    document = attach(old[0])
    Return.update(status="submitted").where(Return.id == last.id).execute()
    documents_before = Document.select().count()

    lead_client.post("/section11/return/start", {"carry": "yes"})
    ret = Return.get(Return.cycle == cycles["this"])
    new = ratings_of(ret)
    assert {(r.rag, r.evidence) for r in new} == {("A", "Last year's words")}
    carried = Action.select().where(Action.source_id == new[0].id)
    # the done action stays behind
    assert [a.description for a in carried] == ["Audit twenty cases"]
    assert carried[0].carried_from_id is not None and carried[0].cycle_id == cycles["this"].id
    assert RatingDocument.get(RatingDocument.rating == new[0]).document_id == document.id
    assert Document.select().count() == documents_before  # linked, not copied


def _save(client, rating, version, rag="A", evidence="Board reports quarterly", htmx=True, **extra):
    return client.post(
        f"/section11/ratings/{rating.id}",
        {"version": str(version), "rag": rag, "evidence": evidence, **extra},
        htmx=htmx,
    )


def test_autosave_saves_and_answers_with_the_saved_state_and_new_version(lead_client, return_a):
    rating = ratings_of(return_a)[0]
    response = _save(lead_client, rating, rating.version)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "Saved" in page and "<html" not in page
    assert 'id="rating-version" value="2" hx-swap-oob="true"' in page
    saved = Rating.get_by_id(rating.id)
    assert (saved.rag, saved.evidence, saved.version) == ("A", "Board reports quarterly", 2)


def test_autosave_keeps_the_audit_trail_short(lead_client, return_a):
    rating = ratings_of(return_a)[0]
    for version, words in enumerate(["one", "one two", "one two three"], start=1):
        _save(lead_client, rating, version, rag="G", evidence=words)
    events = list(
        AuditEvent.select().where(
            AuditEvent.object_type == "Rating", AuditEvent.object_id == rating.id
        )
    )
    assert len(events) == 1 and "green" in events[0].changes.lower()


def test_save_and_continue_without_javascript_goes_back_to_the_task_list(lead_client, return_a):
    rating = ratings_of(return_a)[0]
    response = _save(lead_client, rating, rating.version, htmx=False)
    assert response.status_code == 302 and response.location == f"/section11/returns/{return_a.id}"


def test_a_rating_outside_red_amber_green_is_refused(lead_client, return_a):
    rating = ratings_of(return_a)[0]
    response = _save(lead_client, rating, rating.version, rag="X", htmx=False)
    assert response.status_code == 200 and "Choose red, amber or green" in response.get_data(
        as_text=True
    )
    assert Rating.get_by_id(rating.id).rag == ""


def test_evidence_over_ten_thousand_characters_is_refused_kept_and_the_limit_stated(
    lead_client, return_a
):
    rating = ratings_of(return_a)[0]
    page = lead_client.get(f"/section11/ratings/{rating.id}").get_data(as_text=True)
    assert "Up to 10,000 characters" in page
    words = "y" * 10_001
    response = _save(lead_client, rating, rating.version, evidence=words, htmx=False)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "Evidence must be 10,000 characters or fewer" in page
    assert words in page and Rating.get_by_id(rating.id).evidence == ""
    assert _save(lead_client, rating, rating.version, evidence="y" * 10_000).status_code == 200
    assert len(Rating.get_by_id(rating.id).evidence) == 10_000


def test_two_people_saving_the_same_standard_see_a_conflict_with_both_versions(
    lead_client, return_a
):
    rating = ratings_of(return_a)[0]
    _save(lead_client, rating, 1, evidence="Their words")
    response = _save(lead_client, rating, 1, evidence="My words")
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "Someone else saved this" in page
    assert "Their words" in page and "My words" in page and "Keep my version" in page
    # the stale version stays, so later autosaves cannot overwrite theirs
    assert "hx-swap-oob" not in page
    assert Rating.get_by_id(rating.id).evidence == "Their words"


def test_keep_my_version_overwrites_deliberately(lead_client, return_a):
    rating = ratings_of(return_a)[0]
    _save(lead_client, rating, 1, evidence="Their words")
    response = _save(lead_client, rating, 1, evidence="My words", htmx=False, resolve="2")
    assert response.status_code == 302 and response.location == f"/section11/ratings/{rating.id}"
    assert Rating.get_by_id(rating.id).evidence == "My words"


def test_resaving_words_that_are_already_saved_is_not_a_conflict(lead_client, return_a):
    rating = ratings_of(return_a)[0]
    _save(lead_client, rating, 1, evidence="Same words")
    response = _save(lead_client, rating, 1, evidence="Same words")
    assert "Someone else" not in response.get_data(as_text=True)


def test_the_return_cannot_be_submitted_while_an_amber_has_no_action_plan(
    lead_client, people, return_a
):
    fill(return_a, people["lead_a"], rag="A", actions=False)
    check = lead_client.get(f"/section11/returns/{return_a.id}/check").get_data(as_text=True)
    first = ratings_of(return_a)[0]
    assert "You cannot submit your return yet" in check
    # the error lands on the field that puts it right, not the top of the rating page
    assert (
        f'href="/section11/ratings/{first.id}#description">Add an improvement action for '
        "Leadership (standard 1): it is rated amber" in check
    )
    # the task list says what is missing, not just "In progress"
    tasks = lead_client.get(f"/section11/returns/{return_a.id}").get_data(as_text=True)
    assert "Needs an improvement action" in tasks
    # on the rating page, the action plan comes before the button that saves the rating
    page = lead_client.get(f"/section11/ratings/{first.id}").get_data(as_text=True)
    assert page.index('id="action-plan"') < page.index("Save and continue")
    response = lead_client.post(
        f"/section11/returns/{return_a.id}/submit", {"version": str(return_a.version)}
    )
    assert (
        response.status_code == 200
        and "Add an improvement action for Leadership" in response.get_data(as_text=True)
    )
    assert Return.get_by_id(return_a.id).status == "draft"


def test_check_your_answers_then_submit_locks_the_return_with_a_timestamp(
    lead_client, people, return_a
):
    fill(return_a, people["lead_a"], rag="A")
    check = lead_client.get(f"/section11/returns/{return_a.id}/check").get_data(as_text=True)
    assert (
        "Check your answers before submitting" in check
        and "Submit return" in check
        and "Audit twenty cases" in check
    )
    response = lead_client.post(
        f"/section11/returns/{return_a.id}/submit", {"version": str(return_a.version)}
    )
    assert response.status_code == 302
    ret = Return.get_by_id(return_a.id)
    assert (
        ret.status == "submitted"
        and ret.submitted_at
        and ret.submitted_by_id == people["lead_a"].id
    )
    assert "Return submitted" in lead_client.get(response.location).get_data(as_text=True)
    assert (
        AuditEvent.select()
        .where(AuditEvent.verb == "submitted", AuditEvent.object_id == ret.id)
        .exists()
    )


def test_a_submitted_return_refuses_crafted_posts(lead_client, people, return_a):
    ret = submitted(return_a, people["lead_a"])
    rating = ratings_of(ret)[0]
    attempts = [
        (
            f"/section11/ratings/{rating.id}",
            {"version": str(rating.version), "rag": "R", "evidence": "changed"},
        ),
        (
            f"/section11/ratings/{rating.id}/actions",
            {"description": "x", "owner": "y", **dates(due="2030-01-01")},
        ),
        (f"/section11/ratings/{rating.id}/documents", {}),
        (f"/section11/returns/{ret.id}/submit", {"version": str(ret.version)}),
    ]
    for path, data in attempts:
        assert lead_client.post(path, data).status_code == 409, path
        # htmx swaps only 2xx: it gets the refusal as a message in place, the page and its text
        # untouched.
        refused = lead_client.post(path, data, htmx=True)
        assert (
            refused.status_code == 200
            and "Not saved: this return has been submitted" in refused.get_data(as_text=True)
        ), path
    assert (Rating.get_by_id(rating.id).rag, Rating.get_by_id(rating.id).evidence) == (
        "G",
        "We do this well; audit shows it.",
    )
    assert Action.select().count() == 0


def test_admin_reopens_a_submitted_return_with_a_reason_that_is_logged(
    admin_client, people, return_a
):
    ret = submitted(return_a, people["lead_a"])
    missing = admin_client.post(
        f"/section11/returns/{ret.id}/reopen", {"version": str(ret.version), "reason": ""}
    )
    assert (
        missing.status_code == 200
        and "Say why the return is being reopened" in missing.get_data(as_text=True)
    )
    response = admin_client.post(
        f"/section11/returns/{ret.id}/reopen",
        {"version": str(ret.version), "reason": "Attach the 2026 audit"},
    )
    assert response.status_code == 302
    assert (Return.get_by_id(ret.id).status, Return.get_by_id(ret.id).reopened_reason) == (
        "reopened",
        "Attach the 2026 audit",
    )
    event = AuditEvent.get(AuditEvent.verb == "reopened")
    assert "Attach the 2026 audit" in event.summary


def test_a_reopened_return_can_be_changed_and_shows_why(signed_in, people, return_a):
    ret = submitted(return_a, people["lead_a"])
    returns.reopen(ret, ret.version, "Attach the 2026 audit", people["admin"])
    lead = signed_in(people["lead_a"])
    assert "Attach the 2026 audit" in lead.get(f"/section11/returns/{ret.id}").get_data(
        as_text=True
    )
    rating = ratings_of(ret)[0]
    assert _save(lead, rating, rating.version, rag="A").status_code == 200
    assert Rating.get_by_id(rating.id).rag == "A"


def test_lead_downloads_their_return_as_a_pdf(lead_client, people, return_a):
    fill(return_a, people["lead_a"], rag="A", evidence="Quarterly board reports")
    response = pdf_built(lead_client, f"/section11/returns/{return_a.id}/pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    text = " ".join(
        " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages).split()
    )
    assert (
        "Northbrook Hospitals NHS Foundation Trust" in text
        and "Information Sharing" in text
        and "Audit twenty cases" in text
    )


def test_home_page_shows_the_leads_return_and_its_status(lead_client, people, return_a):
    fill(return_a, people["lead_a"])
    page = lead_client.get("/").get_data(as_text=True)
    assert "Your 2026-27 return" in page and "in progress (9 of 9 standards complete)" in page


def test_task_list_and_check_page_use_a_fixed_number_of_queries(
    lead_client, people, return_a, count_queries
):
    fill(return_a, people["lead_a"], rag="A")
    for rating in ratings_of(return_a):
        attach(rating)
    with count_queries() as counter:
        assert lead_client.get(f"/section11/returns/{return_a.id}").status_code == 200
    with count_queries() as checking:
        assert lead_client.get(f"/section11/returns/{return_a.id}/check").status_code == 200
    assert counter.count <= 8 and checking.count <= 10, (counter.count, checking.count)


def test_a_return_submitted_while_the_page_was_open_is_refused_by_the_write_itself(
    lead_client, people, return_a, monkeypatch
):
    """The rule is asked again inside each write transaction: with the routes' own check out of
    the way, a change to a submitted return still gets the locked answer and changes nothing."""
    from qa.section11 import access

    ret = submitted(return_a, people["lead_a"])
    rating = ratings_of(ret)[0]
    monkeypatch.setattr(access, "ensure_editable", lambda ret: None)
    attempts = [
        (
            f"/section11/ratings/{rating.id}",
            {"version": str(rating.version), "rag": "R", "evidence": "changed"},
        ),
        (
            f"/section11/ratings/{rating.id}/actions",
            {"description": "x", "owner": "y", **dates(due="2030-01-01")},
        ),
    ]
    for path, data in attempts:
        assert lead_client.post(path, data).status_code == 409, path
        refused = lead_client.post(path, data, htmx=True).get_data(as_text=True)
        assert "Not saved: this return has been submitted" in refused, path
    assert Rating.get_by_id(rating.id).evidence == "We do this well; audit shows it."
    assert Action.select().count() == 0


def test_a_submitted_returns_pdf_says_so_once_and_its_file_name_keeps_apostrophes_out(
    lead_client, people, return_a
):
    """The PDF said "Submitted, submitted" and an agency called "Children's" became
    "Children_s" in the file name."""
    from datetime import datetime

    from qa.documents import safe_filename
    from qa.section11.models import Return

    fill(return_a, people["lead_a"])
    Return.update(status="submitted", submitted_at=datetime(2026, 11, 2, 10, 30)).where(
        Return.id == return_a.id
    ).execute()
    response = pdf_built(lead_client, f"/section11/returns/{return_a.id}/pdf")
    text = " ".join(
        " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages).split()
    )
    assert "Submitted 2 November 2026 at 10:30" in text and "Submitted, submitted" not in text
    assert safe_filename("Northbrook Children's Centres.pdf") == "Northbrook Childrens Centres.pdf"


def test_the_returns_pdf_never_strands_a_standards_heading_at_the_foot_of_a_page(
    app_context, people, return_a
):
    """A standard's heading and rating sat at the bottom of one page, its evidence on the next.
    However long the evidence before it, each heading starts on the page its evidence starts."""
    from qa.pdf import render_pdf
    from qa.section11.views import check_page

    ratings = ratings_of(return_a)
    for extra in range(0, 48, 6):  # more words for the first standard move every page break
        for i, rating in enumerate(ratings):
            words = 12 + (extra if i == 0 else 0)
            Rating.update(
                rag="A",
                evidence=f"Start {rating.standard.code} here. " + "Words of proof. " * words,
            ).where(Rating.id == rating.id).execute()
        ret = Return.get_by_id(return_a.id)
        pages = [
            page.extract_text()
            for page in PdfReader(
                io.BytesIO(render_pdf("pdf/section11_return.html", **check_page(ret, None)))
            ).pages
        ]
        for rating in ratings:
            heading = re.escape(f"{rating.standard.code}. {rating.standard.title}") + r"\n\s*Rating"
            where = [n for n, text in enumerate(pages) if re.search(heading, text)]
            starts = [
                n for n, text in enumerate(pages) if f"Start {rating.standard.code} here" in text
            ]
            assert where == starts[:1] and len(where) == 1, (extra, rating.standard.title, where)
