"""What the yearly report's PDF gains after xhtml2pdf has made it, for people using screen
readers and other assistive technology: its language, its title shown in place of the file name,
and its bookmarks open beside the first page.

xhtml2pdf makes no tagged PDF (no structure tree): the headings become bookmarks and a contents
list with page numbers, the chart has its figures in words beside it, and this adds what a
reader needs to be told about the document itself. pypdf comes with xhtml2pdf.
"""

import io

LANGUAGE = "en-GB"


def accessible(data: bytes) -> bytes:
    # imported here, as qa.pdf imports xhtml2pdf: one-off flask commands never load them
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.root_object[NameObject("/Lang")] = TextStringObject(LANGUAGE)
    writer.page_mode = "/UseOutlines"
    writer.create_viewer_preferences().display_doctitle = True
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
