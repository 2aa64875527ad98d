"""Record ids from URLs and forms: whole numbers SQLite can hold, or nothing (never a 500)."""

from werkzeug.routing import IntegerConverter

# SQLite's INTEGER is a signed 64-bit number: a larger id can match no row, and peewee would fail
# binding it (an OverflowError, a 500) rather than find nothing.
LARGEST = 2**63 - 1


def parse_id(value) -> int | None:
    """The id written in `value` (a query argument or form field), or None for anything else."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value if 0 < value <= LARGEST else None
    text = value.strip() if isinstance(value, str) else ""
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(LARGEST)):
        return None
    number = int(text)
    return number if 0 < number <= LARGEST else None


class IdConverter(IntegerConverter):
    """`<int:...>` in every route: a number too big for SQLite does not match, so it is a 404."""

    def __init__(self, map, *args, **kwargs):
        kwargs.setdefault("max", LARGEST)
        super().__init__(map, *args, **kwargs)


def init_app(app):
    app.url_map.converters["int"] = IdConverter
