"""Responses are gzipped on the way out: pages, stylesheets, scripts, JSON and SVG, never a PDF, an
image or what is already compressed."""

import gzip
import io

from qa.surveys.models import SurveyLink
from tests.survey_fixtures import make_survey

GZIP = {"Accept-Encoding": "gzip"}


def body(response):
    return b"".join(response.response) if response.is_streamed else response.data


def test_a_childs_first_screen_comes_gzipped(client, app):
    code = make_survey().links.order_by(SurveyLink.id).first().code
    response = client.get(f"/s/{code}", headers=GZIP)
    assert response.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response.headers["Vary"]
    html = gzip.decompress(body(response)).decode()
    assert "What happens to your answers" in html


def test_staff_pages_come_gzipped_and_plain_to_a_browser_that_does_not_ask(client, app):
    page = client.get("/sign-in", headers=GZIP)
    assert page.headers["Content-Encoding"] == "gzip"
    assert b"<html" in gzip.decompress(body(page))
    assert "Content-Encoding" not in client.get("/sign-in").headers


def test_stylesheets_and_scripts_come_gzipped(client, app):
    for path in ("/static/surveys/respond-govuk.css", "/static/vendor/htmx-2.0.11.min.js"):
        response = client.get(path, headers=GZIP)
        assert response.headers["Content-Encoding"] == "gzip", path
        assert len(gzip.decompress(body(response))) > len(body(response))


def test_pdfs_and_pictures_are_never_compressed_again(admin_client, app):
    survey = make_survey()
    link = survey.links.order_by(SurveyLink.id).first()
    pdf = admin_client.get(f"/admin/surveys/{survey.id}/summary.pdf", headers=GZIP)
    png = admin_client.get(f"/admin/surveys/links/{link.id}/qr.png", headers=GZIP)
    assert pdf.mimetype == "application/pdf" and png.mimetype == "image/png"
    assert "Content-Encoding" not in pdf.headers and "Content-Encoding" not in png.headers
    assert body(pdf).startswith(b"%PDF") and io.BytesIO(body(png)).read(4) == b"\x89PNG"


def test_the_first_screen_comes_without_htmx_and_the_questions_with_it(app):
    """The first screen is a plain page whose Start posts a form: the 17 KB of htmx wait for the
    question screens, keeping the first screen under 25 KB on the wire
    (`benchmarks/bench_surveys.py first-screen` prints the bytes)."""
    from tests.survey_fixtures import Child

    child = Child(app, make_survey().links.order_by(SurveyLink.id).first().code)
    first = child.get().get_data(as_text=True)
    assert "vendor/htmx" not in first and 'action="' in first and "surveys/respond.js" in first
    child.start()
    assert "vendor/htmx-2.0.11.min.js" in child.get("/1").get_data(as_text=True)
