"""Pure: find the safeguarding words and phrases in a free-text answer.

So a worried child is never missed. The themes (qa.surveys.disclosure) are always read; the
partnership's own words and phrases (SafeguardingTerm) are looked for as well.
"""

import re
from functools import lru_cache

from qa.surveys import disclosure

DEFAULT_PHRASES = [
    "hurt",
    "hurts me",
    "scared",
    "frightened",
    "afraid",
    "not safe",
    "unsafe",
    "hit",
    "hits me",
    "kick",
    "punch",
    "slap",
    "touched",
    "touch me",
    "abuse",
    "abused",
    "bully",
    "bullied",
    "want to die",
    "kill myself",
    "suicide",
    "self harm",
    "cut myself",
    "hurt myself",
    "run away",
    "no food",
    "hungry",
    "locked in",
    "secret",
    "groomed",
    "rape",
    "knife",
    "gang",
    "drugs",
    "don't feel safe",
    "nobody listens",
]
# A phrase also matches its common endings: "hit" finds "hits" and "hitting", never "white" or
# "history".
_ENDINGS = r"(?:s|es|ed|d|ing|ting|ping|er|ers)?"


def normalise(text: str) -> str:
    text = (text or "").lower().replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"[^a-z0-9']+", " ", text)
    return " " + re.sub(r"\s+", " ", text).strip() + " "


@lru_cache(maxsize=1024)
def _pattern(phrase: str):
    words = normalise(phrase).split()
    if not words:
        return None
    body = r"\s".join(re.escape(word) for word in words)
    return re.compile(r"(?<![a-z0-9'])" + body + _ENDINGS + r"(?![a-z0-9'])")


def matches(text: str, phrases) -> list:
    """The phrases found in `text`, in the order given; [] when none."""
    found, clean = [], normalise(text)
    for phrase in phrases:
        pattern = _pattern(phrase)
        if pattern and pattern.search(clean) and phrase not in found:
            found.append(phrase)
    return found


def describe(text: str, phrases) -> str:
    """What a flag says of an answer: each theme it raises with the child's words, then the
    partnership's own phrases found; "" when there is nothing to flag."""
    themes = disclosure.describe(disclosure.scan(text))
    return "; ".join(filter(None, [themes, ", ".join(matches(text, phrases))]))[:250]
