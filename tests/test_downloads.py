"""Files are links, not swaps: every link to a route that answers with a file (a PDF, CSV, image,
document or calendar invite) opts out of hx-boost and asks the browser to download it.

Site-wide hx-boost swapped a PDF's bytes into the page as text; the browser journeys click these
links and wait for the download.
"""

import inspect
import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
# What a route that answers with a file has in its source.
FILE_MARKERS = (
    "pdf_response(",
    "send_document(",
    "Content-Disposition",
    'mimetype="image/',
    'mimetype="text/csv"',
    'mimetype="text/calendar"',
)
LINK = re.compile(r"<a\b[^>]*>", re.S)


def file_endpoints(app):
    return {
        endpoint
        for endpoint, view in app.view_functions.items()
        if any(marker in inspect.getsource(inspect.unwrap(view)) for marker in FILE_MARKERS)
    }


def test_the_routes_that_answer_with_files_are_found(shared_app):
    found = file_endpoints(shared_app)
    expected = {"surveys.summary_pdf", "surveys.answers_csv", "surveys.qr_png", "builds.download"}
    assert expected <= found
    assert "challenge.invite" in found and "actions.download" in found


def test_every_link_to_a_file_downloads_outside_hx_boost(shared_app):
    files, links, wrong = file_endpoints(shared_app), 0, []
    for path in sorted(TEMPLATES.rglob("*.html")):
        for tag in LINK.findall(path.read_text()):
            target = re.search(r"url_for\('([\w.]+)'", tag)
            if target and target.group(1) in files:
                links += 1
                if "download" not in tag or 'hx-boost="false"' not in tag:
                    wrong.append(f"{path.relative_to(TEMPLATES)}: {tag[:120]}")
    assert links >= 12, links
    assert not wrong, "\n".join(wrong)
