"""Words that would identify a child where qa keeps only a pseudonymous reference.

Case audits and reviews record a case or a review by a reference such as "MACA-2026-07" or
"Child Q", never a child's name, date of birth or address. `identifying_details(text)` names what in
a piece of text looks like one of those, in plain words; `NoIdentifyingDetails` is the form
validator that refuses such text and says why. The check is deliberately simple and errs towards
refusing: a reference can always be written without a name or a date.
"""

import re
from functools import cache
from pathlib import Path

from wtforms.validators import ValidationError

NAMES_FILE = Path(__file__).with_name("data") / "first_names.txt"

MONTHS = (
    "jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t|tember)?|"
    "oct(ober)?|nov(ember)?|dec(ember)?"
)
DATE_PATTERNS = (
    re.compile(r"\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(\d{4}|\d{2})\b"),  # 03/04/2015, 3.4.15
    re.compile(r"\b(19|20)\d{2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{1,2}\b"),  # 2015-04-03
    re.compile(rf"\b\d{{1,2}}(st|nd|rd|th)?\s+({MONTHS})\.?,?\s+(19|20)\d{{2}}\b", re.I),
    re.compile(rf"\b({MONTHS})\.?\s+\d{{1,2}}(st|nd|rd|th)?,?\s+(19|20)\d{{2}}\b", re.I),
)
BIRTH = re.compile(r"\b(d\.?o\.?b\.?|date of birth|born( on| in)?)\b", re.I)
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.I)
STREET = re.compile(
    r"\b\d+[a-z]?\s+([A-Z][a-z]+\s+){1,3}"
    r"(road|rd|street|st|avenue|ave|lane|close|drive|way|crescent|grove|gardens|place|court)\b",
    re.I,
)
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
# First names that are also everyday words: counted only when written with a capital.
EVERYDAY = frozenset(
    "amber angel bailey daisy eden faith holly ivy jack jade jan jay poppy ruby sam summer "
    "taylor violet willow".split()
)


@cache
def first_names() -> frozenset[str]:
    lines = NAMES_FILE.read_text(encoding="utf-8").splitlines()
    words = (word for line in lines if not line.startswith("#") for word in line.split())
    return frozenset(word.lower() for word in words)


def looks_like_a_name(text: str) -> list[str]:
    """The first names in `text`: in a short reference (at most four words) any of them, in
    longer text a capitalised one followed by another capitalised word (a surname). A name that is
    also an everyday word counts only when capitalised."""
    words = [match.group() for match in WORD.finditer(text)]
    short = len(words) <= 4
    found = []
    for here, word in enumerate(words):
        lower = word.lower()
        capital = word[0].isupper()
        if lower not in first_names() or (lower in EVERYDAY and not capital):
            continue
        following = words[here + 1] if here + 1 < len(words) else ""
        if short or (capital and following[:1].isupper() and len(following) > 1):
            found.append(word)
    return found


def identifying_details(text: str | None) -> list[str]:
    """What in `text` looks like a child's name, date of birth or address, in plain words."""
    text = text or ""
    found = []
    names = looks_like_a_name(text)
    if names:
        found.append(f"a name (“{names[0]}”)")
    if any(pattern.search(text) for pattern in DATE_PATTERNS) or BIRTH.search(text):
        found.append("a date of birth")
    if POSTCODE.search(text) or STREET.search(text):
        found.append("an address")
    return found


class NoIdentifyingDetails:
    """Refuse text that looks like it holds a child's name, date of birth or address."""

    def __init__(self, what="This"):
        self.what = what

    def __call__(self, form, field):
        found = identifying_details(field.data if isinstance(field.data, str) else "")
        if found:
            raise ValidationError(
                f"{self.what} looks like it contains {' and '.join(found)}. Use a reference that "
                "does not identify the child, such as “MACA-2026-07” or “Child Q”."
            )
