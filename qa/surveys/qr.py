"""QR codes for survey links, as SVG or PNG (segno: no network, no image library needed)."""

import base64
import io

import segno


def _code(url):
    return segno.make(url, error="m", micro=False)


def svg(url: str) -> bytes:
    out = io.BytesIO()
    _code(url).save(
        out, kind="svg", scale=8, border=4, xmldecl=False, title="QR code for the survey link"
    )
    return out.getvalue()


def png(url: str, scale=10) -> bytes:
    out = io.BytesIO()
    _code(url).save(out, kind="png", scale=scale, border=4)
    return out.getvalue()


def png_data_uri(url: str) -> str:
    """For the PDF poster: xhtml2pdf reads the image inline, nothing fetched."""
    return "data:image/png;base64," + base64.b64encode(png(url)).decode("ascii")
