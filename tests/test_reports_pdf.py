"""render_pdf: real PDFs with an embedded font.

And nothing fetched from outside the app's static files.
"""

import io

from pypdf import PdfReader

from qa.pdf import html_to_pdf, link_callback

PAGE = """<html><head><meta charset="utf-8">
<style>
@font-face { font-family: "QA Sans"; src: url("/static/fonts/DejaVuSans.ttf"); }
body { font-family: "QA Sans"; }</style></head>
<body><p>Budget £1,200 ✓ agreed</p>%s</body></html>"""


def text_of(data):
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_pdf_embeds_a_font_so_pound_and_tick_survive(app_context):
    data = html_to_pdf(PAGE % "")
    assert data.startswith(b"%PDF")
    assert "£1,200 ✓ agreed" in text_of(data)
    fonts = PdfReader(io.BytesIO(data)).pages[0]["/Resources"]["/Font"]
    embedded = [
        f.get_object()["/BaseFont"]
        for f in fonts.values()
        if "/FontDescriptor" in f.get_object() or "/DescendantFonts" in f.get_object()
    ]
    assert any("DejaVuSans" in name for name in embedded)


def test_file_urls_and_remote_images_are_not_fetched(app_context, tmp_path):
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"not really a png")
    assert link_callback(f"file://{secret}", None) == ""
    assert link_callback("file:///etc/passwd", None) == ""
    assert link_callback("/static/../qa/config.py", None) == ""
    assert link_callback("http://127.0.0.1/x.png", None) == ""
    assert link_callback("/static/fonts/DejaVuSans.ttf", None).endswith("DejaVuSans.ttf")
    # And a document that asks for them still renders, without them.
    data = html_to_pdf(PAGE % '<img src="file:///etc/passwd"><img src="http://127.0.0.1:9/x.png">')
    assert "root:" not in text_of(data)
