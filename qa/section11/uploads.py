"""Which evidence files are accepted: the content must be a document or image type, and the name's extension must agree."""
import io
import zipfile

import filetype

# extension -> the content types (as filetype names them) a file with that extension may have
_OLE = {"doc", "xls", "ppt"}  # old Office files share one container; filetype tells them apart only roughly
ACCEPTED = {
    "pdf": {"pdf"},
    "doc": _OLE, "xls": _OLE, "ppt": _OLE,
    "docx": {"docx"}, "xlsx": {"xlsx"}, "pptx": {"pptx"},
    "odt": {"odt"}, "ods": {"ods"}, "odp": {"odp"},
    "png": {"png"}, "jpg": {"jpg"}, "jpeg": {"jpg"}, "gif": {"gif"}, "webp": {"webp"},
}
_OOXML_FOLDER = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
KINDS_TEXT = "a PDF, Word, Excel, PowerPoint or OpenDocument file, or an image (PNG, JPG, GIF or WebP)"


class UploadRefused(ValueError):
    """The file cannot be kept; the message says why in words for the person uploading it."""


def size_text(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{max(limit // 1024, 1)} KB"


def _extension(filename: str) -> str:
    return filename.rsplit(".", 1)[-1].lower() if "." in filename else ""


def _ooxml_kind(data: bytes, extension: str):
    """A zip that filetype did not recognise may still be an Office file: look for its folder, without unpacking."""
    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, ValueError):
        return None
    folder = _OOXML_FOLDER.get(extension)
    if folder and "[Content_Types].xml" in names and any(name.startswith(folder) for name in names):
        return extension
    return None


def check_upload(filename: str, data: bytes, limit: int) -> str:
    """The content type to store the file with; raises UploadRefused when it is empty, too big, or not what its name says."""
    if not data:
        raise UploadRefused("The selected file is empty")
    if len(data) > limit:
        raise UploadRefused(f"The selected file must be smaller than {size_text(limit)}")
    extension = _extension(filename)
    if extension not in ACCEPTED:
        raise UploadRefused(f"The selected file must be {KINDS_TEXT}")
    guessed = filetype.guess(data)
    kind = guessed.extension if guessed else None
    if kind == "zip":
        kind = _ooxml_kind(data, extension)
    if kind not in ACCEPTED[extension]:
        raise UploadRefused(f"The selected file is not really a .{extension} file. Upload {KINDS_TEXT}")
    # The content agrees with the name, so the name's own type is the truest label (an .xls stays Excel).
    return filetype.get_type(ext="jpg" if extension == "jpeg" else extension).mime
