"""Headers on every response, and friendly error pages that never show a stack trace."""

import pytest

from qa import create_app
from qa.security import role_required
from tests.conftest import Client


def test_every_response_has_a_strict_content_security_policy(client, app):
    for path in ("/sign-in", "/healthz", "/no-such-page"):
        csp = client.get(path).headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp


def test_nosniff_and_referrer_policy_are_sent(client):
    headers = client.get("/sign-in").headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"


def test_strict_transport_security_is_sent_only_when_served_over_https(app, client, monkeypatch):
    from qa.config import from_environment

    assert "Strict-Transport-Security" not in client.get("/sign-in").headers
    monkeypatch.setenv("QA_SECRET_KEY", "test")
    monkeypatch.setenv("QA_HTTPS", "1")
    app.config.update(from_environment() | {"DATABASE": app.config["DATABASE"]})
    for path in ("/sign-in", "/healthz", "/no-such-page"):
        hsts = client.get(path).headers["Strict-Transport-Security"]
        assert hsts == "max-age=31536000; includeSubDomains"


def test_signed_in_pages_are_not_cached(admin_client):
    assert admin_client.get("/admin/agencies").headers["Cache-Control"] == "no-store"


def test_htmx_is_configured_for_a_strict_csp(client):
    html = client.get("/sign-in").get_data(as_text=True)
    for setting in (
        '"allowEval": false',
        '"includeIndicatorStyles": false',
        '"historyCacheSize": 0',
        '"selfRequestsOnly": true',
    ):
        assert setting in html
    assert "<script>" not in html and "style=" not in html


def test_fragment_responses_vary_on_hx_request(admin_client):
    assert "HX-Request" in admin_client.get("/admin/agencies").headers["Vary"]


def test_fragment_only_for_plain_htmx_requests_not_boosted_or_history_restores(admin_client):
    fragment = admin_client.get("/admin/agencies", headers={"HX-Request": "true"}).get_data(
        as_text=True
    )
    boosted = admin_client.get(
        "/admin/agencies", headers={"HX-Request": "true", "HX-Boosted": "true"}
    ).get_data(as_text=True)
    restore = admin_client.get(
        "/admin/agencies", headers={"HX-Request": "true", "HX-History-Restore-Request": "true"}
    ).get_data(as_text=True)
    assert fragment.lstrip().startswith('<div id="agency-results"')
    assert "<!DOCTYPE html>" in boosted and "<!DOCTYPE html>" in restore


def test_a_boosted_form_sent_back_to_be_corrected_keeps_the_pages_own_address(admin_client):
    boosted = {"HX-Request": "true", "HX-Boosted": "true"}
    page = "http://localhost/admin/cycles/new?from=menu"
    corrected = admin_client.post(
        "/admin/cycles/new", data={"name": ""}, headers={**boosted, "Referer": page}
    )
    assert corrected.status_code == 200
    assert corrected.headers["HX-Replace-Url"] == "/admin/cycles/new?from=menu"
    elsewhere = admin_client.post(
        "/admin/cycles/new", data={"name": ""}, headers={**boosted, "Referer": "http://evil/x"}
    )
    plain = admin_client.post("/admin/cycles/new", data={"name": ""}, headers={"Referer": page})
    assert "HX-Replace-Url" not in elsewhere.headers and "HX-Replace-Url" not in plain.headers


def test_not_found_is_a_friendly_page(client):
    response = client.get("/admin/agencies/999999999999999999999")
    assert response.status_code in (302, 404)
    response = client.get("/no-such-page")
    assert response.status_code == 404 and "Page not found" in response.get_data(as_text=True)


def test_admin_page_for_a_reviewer_is_a_friendly_403(reviewer_client):
    response = reviewer_client.get("/admin/people")
    assert response.status_code == 403 and "You do not have access" in response.get_data(
        as_text=True
    )


def test_huge_id_or_junk_form_values_never_give_a_500(admin_client, people):
    assert admin_client.get("/admin/agencies/99999999999999999999999").status_code == 404
    agency = people["agency_a"]
    for junk in (
        {"version": "x", "sector": "abc"},
        {"version": "1" * 40, "sector": "9" * 30, "name": "\x00"},
        {},
    ):
        response = admin_client.post(f"/admin/agencies/{agency.id}", junk)
        assert response.status_code == 200


@pytest.fixture
def exploding_app(app):
    """An app of its own on the test's database, with one route that fails (the shared app takes no
    new routes)."""
    exploding = create_app(
        {
            "DATABASE": app.config["DATABASE"],
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "PROPAGATE_EXCEPTIONS": False,
        }
    )

    @exploding.get("/explode")
    @role_required()
    def explode():
        raise RuntimeError("secret internals")

    return exploding


def test_unexpected_error_shows_a_friendly_500_without_a_trace(exploding_app, people):
    admin_client = Client(exploding_app)
    assert admin_client.sign_in(people["admin"].email).status_code == 302
    response = admin_client.get("/explode")
    body = response.get_data(as_text=True)
    assert response.status_code == 500 and "Sorry, there is a problem" in body
    assert "Traceback" not in body and "secret internals" not in body


def test_too_large_request_is_a_friendly_413(app, admin_client):
    app.config["MAX_CONTENT_LENGTH"] = 1000
    response = admin_client.post("/admin/sectors", {"name": "x" * 5000})
    assert response.status_code == 413 and "too large" in response.get_data(as_text=True)


@pytest.mark.parametrize("token", [None, "forged"], ids=["no-token", "forged-token"])
@pytest.mark.parametrize("htmx", [True, False], ids=["htmx", "no-js"])
def test_an_upload_over_the_limit_without_a_valid_token_is_refused_as_a_csrf_failure(
    app, lead_client, return_a, token, htmx
):
    """The body over the server's limit is never read, so the usual CSRF check could not run and
    the route was reached anyway; the check now runs before it, on the header or the start of the
    body."""
    from io import BytesIO

    from qa.documents import Document
    from tests.section11_fixtures import ratings_of

    app.config.update(MAX_CONTENT_LENGTH=2048, MAX_UPLOAD_BYTES=1024)
    rating = ratings_of(return_a)[0]

    def huge():
        return (BytesIO(b"%PDF-1.4\n" + b"0" * 8192), "huge.pdf")

    fields, headers = {"document": huge()}, {"HX-Request": "true"} if htmx else {}
    if token:
        fields["csrf_token"] = token
        headers["X-CSRFToken"] = token
    url = f"/section11/ratings/{rating.id}/documents"
    response = lead_client.http.post(
        url, data=fields, headers=headers, content_type="multipart/form-data"
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "Your session had ended" in page
    assert "must be smaller than" not in page  # the route never answered
    assert Document.select().count() == 0
    # the person's own token, in the header (htmx) or first in the body (no JavaScript): the route
    # answers, the file refused beside its field
    for data, headers in (
        ({"document": huge()}, {"X-CSRFToken": lead_client.token, "HX-Request": "true"}),
        ({"csrf_token": lead_client.token, "document": huge()}, {}),
    ):
        response = lead_client.http.post(
            url, data=data, headers=headers, content_type="multipart/form-data"
        )
        assert "must be smaller than 1 KB" in response.get_data(as_text=True)
    assert Document.select().count() == 0


def test_healthz_is_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json == {"status": "ok"}


def test_healthz_is_503_when_the_database_cannot_be_reached(app, client, monkeypatch):
    from qa.db import db

    def broken(*args, **kwargs):
        raise OSError("disk gone")

    monkeypatch.setattr(db.obj, "execute_sql", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
