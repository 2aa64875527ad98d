"""Which evidence files are accepted.

The content must be a document or image type, the name's extension must agree, and an Office or
OpenDocument file (a zip) must not be a zip bomb.
"""

import io
import zipfile

import filetype

# extension -> the content types (as filetype names them) a file with that extension may have
# old Office files share one container; filetype tells them apart only roughly
_OLE = {"doc", "xls", "ppt"}
ACCEPTED = {
    "pdf": {"pdf"},
    "doc": _OLE,
    "xls": _OLE,
    "ppt": _OLE,
    "docx": {"docx"},
    "xlsx": {"xlsx"},
    "pptx": {"pptx"},
    "odt": {"odt"},
    "ods": {"ods"},
    "odp": {"odp"},
    "png": {"png"},
    "jpg": {"jpg"},
    "jpeg": {"jpg"},
    "gif": {"gif"},
    "webp": {"webp"},
}
_OOXML_FOLDER = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
# Office Open XML and OpenDocument files are zip archives
ZIPPED = {"docx", "xlsx", "pptx", "odt", "ods", "odp"}
# A zip bomb is refused from its table of contents alone (nothing is unpacked). Real documents sit
# far inside these:
# all members together, as declared (five times the default 20 MB upload limit)
MAX_UNPACKED = 100 * 1024 * 1024
# declared size over packed size; text-heavy XML packs 10 to 50:1, deflate cannot pass about 1,030:1
MAX_RATIO = 200
# The ratio is judged for every member whatever its size, but against at least this many packed
# bytes: a tiny member packs oddly (a 2 KB run of spaces packs to 20 bytes, 100:1, and a header
# alone can pass 200:1), so a member may declare up to MAX_RATIO x 1 KB = 200 KB before its ratio
# can refuse it. 190 members of 1 MB packed 1,000:1 are refused; so is one.
RATIO_FLOOR = 1024
MAX_MEMBERS = 10_000
# A member that is itself a zip (by its first bytes or its name) is refused: its own table of
# contents would have to be judged too, and so on down. This refuses a Word file with an embedded
# spreadsheet (a whole .xlsx inside); the person is asked to save it again, and can upload the
# spreadsheet beside it.
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
ZIP_NAMES = (".zip", ".docx", ".docm", ".xlsx", ".xlsm", ".pptx", ".pptm", ".odt", ".ods", ".odp")
# file names are kept to this many characters, extension included
MAX_NAME = 120
UNSAFE_TEXT = (
    "The selected file is damaged or unsafe to open. Save it again and upload the new copy"
)
KINDS_TEXT = (
    "a PDF, Word, Excel, PowerPoint or OpenDocument file, or an image (PNG, JPG, GIF or WebP)"
)


class UploadRefused(ValueError):
    """The file cannot be kept; the message says why in words for the person uploading it."""


def size_text(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{max(limit // 1024, 1)} KB"


def too_large_text(limit: int) -> str:
    return f"The selected file must be smaller than {size_text(limit)}"


def _extension(filename: str) -> str:
    return filename.rsplit(".", 1)[-1].lower() if "." in filename else ""


def shorten_name(filename: str, limit: int = MAX_NAME) -> str:
    """The name cut to `limit` characters, its extension kept (the stem is what is cut)."""
    if len(filename) <= limit:
        return filename
    extension = _extension(filename)
    if not extension or len(extension) >= limit // 2:
        return filename[:limit]
    stem = filename[: -len(extension) - 1][: limit - len(extension) - 1].rstrip(" ._") or "document"
    return f"{stem}.{filename[-len(extension) :]}"


def _ooxml_kind(data: bytes, extension: str):
    """A zip that filetype did not recognise may still be an Office file: look for its folder,
    without unpacking."""
    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, ValueError):
        return None
    folder = _OOXML_FOLDER.get(extension)
    if folder and "[Content_Types].xml" in names and any(name.startswith(folder) for name in names):
        return extension
    return None


def unsafe_archive(members) -> bool:
    """True when a zip's table of contents (`ZipInfo`s) describes a zip bomb: too many members, too
    much unpacked, or a member packed absurdly tight."""
    members = list(members)
    if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > MAX_UNPACKED:
        return True
    return any(m.file_size > MAX_RATIO * max(m.compress_size, RATIO_FLOOR) for m in members)


def _holds_a_zip(archive: zipfile.ZipFile) -> bool:
    """True when a member is itself a zip, by its name or its first bytes (only those are
    unpacked)."""
    for member in archive.infolist():
        if member.filename.lower().endswith(ZIP_NAMES):
            return True
        if member.file_size >= 4 and not member.is_dir():
            with archive.open(member) as opened:
                if opened.read(4) in ZIP_MAGIC:
                    return True
    return False


def _check_archive(data: bytes):
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        if unsafe_archive(archive.infolist()) or _holds_a_zip(archive):
            raise UploadRefused(UNSAFE_TEXT)
    except (zipfile.BadZipFile, ValueError, EOFError, RuntimeError, NotImplementedError, OSError):
        raise UploadRefused(UNSAFE_TEXT) from None


def check_upload(filename: str, data: bytes, limit: int) -> str:
    """The content type to store the file with; raises UploadRefused when it is empty, too big, not
    what its name says, or a zip bomb."""
    if not data:
        raise UploadRefused("The selected file is empty")
    if len(data) > limit:
        raise UploadRefused(too_large_text(limit))
    extension = _extension(filename)
    if extension not in ACCEPTED:
        raise UploadRefused(f"The selected file must be {KINDS_TEXT}")
    guessed = filetype.guess(data)
    kind = guessed.extension if guessed else None
    if kind == "zip":
        kind = _ooxml_kind(data, extension)
    if kind not in ACCEPTED[extension]:
        raise UploadRefused(
            f"The selected file is not really a .{extension} file. Upload {KINDS_TEXT}"
        )
    if extension in ZIPPED:
        _check_archive(data)
    # The content agrees with the name, so the name's own type is the truest label (an .xls stays
    # Excel).
    return filetype.get_type(ext="jpg" if extension == "jpeg" else extension).mime
