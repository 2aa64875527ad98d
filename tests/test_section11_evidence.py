"""Evidence documents and improvement action plans on a rating.

Upload checks, safe names and downloads, adding and removing.
"""

import io
from datetime import date, timedelta

import pytest

from qa.actions.models import Action
from qa.audit import AuditEvent
from qa.documents import Document
from qa.section11 import returns
from qa.section11.models import RatingDocument
from tests.conftest import dates
from tests.section11_fixtures import (
    DOCX,
    EXE,
    PDF,
    PLAIN_ZIP,
    PNG,
    SCRIPT,
    XLSX,
    add_action,
    attach,
    many_tight_members_docx,
    nested_zip_bomb_docx,
    ratings_of,
    zip_bomb_docx,
)


def _upload(client, rating, name, data, htmx=True):
    return client.post(
        f"/section11/ratings/{rating.id}/documents",
        {"document": (io.BytesIO(data), name)},
        htmx=htmx,
        content_type="multipart/form-data",
    )


def test_a_pdf_is_stored_in_the_database_and_listed(lead_client, return_a):
    rating = ratings_of(return_a)[0]
    response = _upload(lead_client, rating, "Safeguarding policy.pdf", PDF)
    page = response.get_data(as_text=True)
    assert (
        response.status_code == 200
        and 'id="documents"' in page
        and "<html" not in page
        and "Safeguarding policy.pdf" in page
    )
    document = Document.get(Document.filename == "Safeguarding policy.pdf")
    assert bytes(document.data) == PDF and document.content_type == "application/pdf"
    assert RatingDocument.get(RatingDocument.document == document).rating_id == rating.id
    assert AuditEvent.select().where(AuditEvent.verb == "uploaded").exists()


def test_without_javascript_an_upload_returns_to_the_rating_page(lead_client, return_a):
    rating = ratings_of(return_a)[0]
    response = _upload(lead_client, rating, "chart.png", PNG, htmx=False)
    assert (
        response.status_code == 302
        and response.location == f"/section11/ratings/{rating.id}#documents"
    )


def test_a_disguised_file_is_refused_with_a_clear_message_and_nothing_stored(lead_client, return_a):
    rating = ratings_of(return_a)[0]
    response = _upload(lead_client, rating, "policy.pdf", b"<html><script>alert(1)</script></html>")
    page = response.get_data(as_text=True)
    assert (
        response.status_code == 200
        and "The file was not uploaded" in page
        and "not really a .pdf file" in page
    )
    assert Document.select().count() == 0


# Issue 9, "wrong type with a right name, zip bombs and oversized files refused" (the oversized ones
# are below).
@pytest.mark.parametrize(
    "name, data",
    [
        ("policy.pdf", SCRIPT),
        ("chart.png", SCRIPT),
        ("minutes.docx", EXE),
        ("policy.pdf", EXE),
        ("chart.png", EXE),
        ("minutes.docx", PLAIN_ZIP),
        ("figures.xlsx", PLAIN_ZIP),
    ],
)
def test_a_wrong_type_with_a_right_name_is_refused_and_nothing_stored(
    lead_client, return_a, name, data
):
    rating = ratings_of(return_a)[0]
    response = _upload(lead_client, rating, name, data, htmx=False)
    page = response.get_data(as_text=True)
    assert (
        response.status_code == 200
        and "The file was not uploaded" in page
        and f"not really a .{name.rsplit('.')[-1]} file" in page
    )
    assert 'id="rating-form"' in page  # the rating page again, with the message beside the upload
    assert Document.select().count() == 0 and RatingDocument.select().count() == 0


def test_a_zip_bomb_named_docx_is_refused_and_nothing_stored(lead_client, return_a):
    rating = ratings_of(return_a)[0]
    response = _upload(lead_client, rating, "Safeguarding policy.docx", zip_bomb_docx())
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "The file was not uploaded" in page
    assert (
        "The selected file is damaged or unsafe to open. Save it again and upload the new copy"
        in page
    )
    assert Document.select().count() == 0


# Issue 15: two zip-bomb shapes that were accepted.
@pytest.mark.parametrize("bomb", [many_tight_members_docx, nested_zip_bomb_docx])
def test_a_docx_of_many_tight_members_or_holding_a_zip_is_refused_and_nothing_stored(
    lead_client, return_a, bomb
):
    rating = ratings_of(return_a)[0]
    page = _upload(lead_client, rating, "Safeguarding policy.docx", bomb()).get_data(as_text=True)
    assert "The selected file is damaged or unsafe to open" in page
    assert Document.select().count() == 0


# Issue 15: a name over 120 characters was cut before its type was judged, losing its extension.
@pytest.mark.parametrize("data, extension", [(PDF, "pdf"), (DOCX, "docx")])
def test_a_file_name_over_120_characters_is_kept_shortened_with_its_extension(
    lead_client, return_a, data, extension
):
    rating = ratings_of(return_a)[0]
    name = "Safeguarding policy " + "revised " * 30 + f"final.{extension}"
    page = _upload(lead_client, rating, name, data).get_data(as_text=True)
    assert "The file was not uploaded" not in page
    kept = Document.get()
    assert 110 < len(kept.filename) <= 120 and kept.filename.endswith(f".{extension}")
    assert bytes(kept.data) == data


@pytest.mark.parametrize("name, data", [("plan.docx", DOCX), ("figures.xlsx", XLSX)])
def test_a_small_word_or_excel_file_is_stored(lead_client, return_a, name, data):
    rating = ratings_of(return_a)[0]
    assert name in _upload(lead_client, rating, name, data).get_data(as_text=True)
    assert bytes(Document.get(Document.filename == name).data) == data


def test_an_upload_without_a_file_asks_for_one(lead_client, return_a):
    rating = ratings_of(return_a)[0]
    response = lead_client.post(f"/section11/ratings/{rating.id}/documents", {}, htmx=True)
    assert response.status_code == 200 and "Select a file to upload" in response.get_data(
        as_text=True
    )


def test_a_file_over_the_upload_limit_is_refused_and_the_rest_of_the_page_is_kept(
    app, lead_client, return_a
):
    app.config["MAX_UPLOAD_BYTES"] = 1024
    rating = ratings_of(return_a)[0]
    response = _upload(lead_client, rating, "big.pdf", PDF + b"0" * 2048, htmx=False)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "must be smaller than 1 KB" in page
    # the whole rating page, not an error page
    assert 'id="rating-form"' in page and "Improvement action plan" in page
    assert Document.select().count() == 0


def test_a_body_over_the_servers_hard_limit_gets_the_same_friendly_message(
    app, lead_client, return_a
):
    app.config.update(MAX_CONTENT_LENGTH=2048, MAX_UPLOAD_BYTES=1024)
    rating = ratings_of(return_a)[0]
    response = _upload(lead_client, rating, "huge.pdf", PDF + b"0" * 8192)
    assert response.status_code == 200 and "must be smaller than 1 KB" in response.get_data(
        as_text=True
    )
    assert Document.select().count() == 0


def test_a_name_that_climbs_folders_is_kept_only_as_its_last_part(lead_client, return_a):
    rating = ratings_of(return_a)[0]
    _upload(lead_client, rating, "../../etc/policy.pdf", PDF)
    assert [d.filename for d in Document.select()] == ["policy.pdf"]


def test_markup_in_a_file_name_is_harmless_on_the_page_and_in_the_download(lead_client, return_a):
    rating = ratings_of(return_a)[0]
    page = _upload(lead_client, rating, "<img src=x onerror=alert(1)>policy.pdf", PDF).get_data(
        as_text=True
    )
    assert "<img src=x" not in page
    document = Document.get()
    assert document.filename.endswith("policy.pdf") and "<" not in document.filename
    response = lead_client.get(f"/section11/ratings/{rating.id}/documents/{document.id}")
    assert (
        "<" not in response.headers["Content-Disposition"]
        and response.headers["Content-Disposition"].count('"') == 2
    )


def test_a_document_downloads_as_an_attachment_with_its_checked_type(lead_client, return_a):
    rating = ratings_of(return_a)[0]
    document = attach(rating, "chart.png", PNG, "image/png")
    response = lead_client.get(f"/section11/ratings/{rating.id}/documents/{document.id}")
    assert response.status_code == 200 and response.data == PNG and response.mimetype == "image/png"
    assert response.headers["Content-Disposition"] == 'attachment; filename="chart.png"'
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_a_document_is_reachable_only_through_a_rating_it_supports(lead_client, return_a):
    first, second = ratings_of(return_a)[:2]
    document = attach(first)
    assert (
        lead_client.get(f"/section11/ratings/{second.id}/documents/{document.id}").status_code
        == 404
    )


def test_removing_a_document_deletes_it_unless_last_years_rating_still_uses_it(
    lead_client, people, cycles, return_a
):
    first, second = ratings_of(return_a)[:2]
    only_here = attach(first, "only.pdf")
    last = returns.start(people["agency_a"], cycles["last"], people["lead_a"])
    shared = attach(ratings_of(last)[1], "shared.pdf")
    RatingDocument.create(rating=second, document=shared)
    lead_client.post(f"/section11/ratings/{first.id}/documents/{only_here.id}/remove", htmx=True)
    lead_client.post(f"/section11/ratings/{second.id}/documents/{shared.id}/remove", htmx=True)
    assert [d.filename for d in Document.select()] == ["shared.pdf"]
    assert RatingDocument.select().where(RatingDocument.rating == second).count() == 0


def _add(client, rating, **data):
    values = {
        "description": "Audit twenty cases",
        "owner": "Head of quality",
        "due": (date.today() + timedelta(days=60)).isoformat(),
    } | data
    values |= dates(due=values.pop("due"))
    return client.post(f"/section11/ratings/{rating.id}/actions", values, htmx=True)


def test_an_improvement_action_is_added_to_the_register_for_the_rating(
    lead_client, people, return_a
):
    rating = ratings_of(return_a)[0]
    response = _add(lead_client, rating)
    assert response.status_code == 200 and "Audit twenty cases" in response.get_data(as_text=True)
    action = Action.get()
    assert (
        action.source,
        action.source_id,
        action.agency_id,
        action.cycle_id,
        action.standard_id,
        action.status,
    ) == (
        "section11",
        rating.id,
        people["agency_a"].id,
        return_a.cycle_id,
        rating.standard_id,
        "open",
    )


def test_an_action_needs_a_description_an_owner_and_a_future_due_date(lead_client, return_a):
    rating = ratings_of(return_a)[0]
    page = _add(lead_client, rating, description="", owner="", due="").get_data(as_text=True)
    assert (
        "Describe the action" in page
        and "Enter who owns the action" in page
        and "Enter the date the action is due" in page
    )
    page = _add(lead_client, rating, due=(date.today() - timedelta(days=1)).isoformat()).get_data(
        as_text=True
    )
    assert "must be today or in the future" in page
    assert Action.select().count() == 0


def test_a_standard_takes_at_most_twenty_actions_and_the_form_says_so(lead_client, return_a):
    rating = ratings_of(return_a)[0]
    page = lead_client.get(f"/section11/ratings/{rating.id}").get_data(as_text=True)
    assert "A standard can have up to 20 actions" in page and "Up to 2,000 characters" in page
    for number in range(20):
        add_action(return_a, rating, description=f"Action {number}")
    response = _add(lead_client, rating, description="The twenty-first", owner="Head of HR")
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "A standard can have at most 20 actions" in page
    # what was typed is kept
    assert "The twenty-first" in page and "Head of HR" in page
    assert Action.select().count() == 20


def test_an_action_over_two_thousand_characters_is_refused_and_kept(lead_client, return_a):
    rating = ratings_of(return_a)[0]
    words = "x" * 2001
    page = _add(lead_client, rating, description=words).get_data(as_text=True)
    assert "The action must be 2,000 characters or fewer" in page and words in page
    assert Action.select().count() == 0


def test_an_action_can_be_removed_from_the_plan(lead_client, return_a):
    rating = ratings_of(return_a)[0]
    _add(lead_client, rating)
    action = Action.get()
    response = lead_client.post(
        f"/section11/ratings/{rating.id}/actions/{action.id}/remove", htmx=True
    )
    assert response.status_code == 200 and Action.select().count() == 0


def test_an_action_of_another_rating_cannot_be_removed_through_this_one(lead_client, return_a):
    first, second = ratings_of(return_a)[:2]
    _add(lead_client, first)
    action = Action.get()
    assert (
        lead_client.post(f"/section11/ratings/{second.id}/actions/{action.id}/remove").status_code
        == 404
    )
    assert Action.select().count() == 1
