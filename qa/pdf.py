"""render_pdf: the one way to turn a print template into PDF bytes with xhtml2pdf, safely."""

import io
import threading
from functools import cache

from flask import Response, render_template

from qa.config import ROOT
from qa.documents import safe_filename

STATIC = ROOT / "static"
# xhtml2pdf keeps per-render state in module globals: one document at a time per process.
_LOCK = threading.Lock()


@cache
def policy():
    """Nothing from the network, and from disk only the app's own static files (fonts, images)."""
    from xhtml2pdf.config.resources import ResourceAccessPolicy

    return ResourceAccessPolicy(
        allow_remote=False, base_dir=STATIC, max_resources=50, max_render_seconds=120
    )


class PdfError(RuntimeError):
    pass


def link_callback(uri, rel):
    """The file xhtml2pdf may read for a url in a PDF template: /static/... maps to the file on
    disk; everything else (file://, http://, other paths) is refused with ""."""
    if uri.startswith("/static/"):
        path = (STATIC / uri[len("/static/") :]).resolve()
        if path.is_file() and STATIC.resolve() in path.parents:
            return str(path)
    return ""


def render_pdf(template: str, **context) -> bytes:
    html = render_template(template, fonts_dir=str(STATIC / "fonts"), **context)
    return html_to_pdf(html)


def html_to_pdf(html: str) -> bytes:
    # xhtml2pdf (with reportlab and pypdf) takes most of a second to import: imported when the
    # first PDF is made, not by every one-off `flask` command that never makes one.
    from xhtml2pdf import pisa

    out = io.BytesIO()
    with _LOCK:
        result = pisa.CreatePDF(
            html, dest=out, link_callback=link_callback, resource_policy=policy(), encoding="utf-8"
        )
    if result.err:
        raise PdfError(f"The PDF could not be made ({result.err} errors)")
    return out.getvalue()


def pdf_response(data: bytes, filename: str) -> Response:
    response = Response(data, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="{safe_filename(filename)}"'
    response.headers["Cache-Control"] = "no-store"
    return response
