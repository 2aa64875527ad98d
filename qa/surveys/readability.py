"""How easy a question or introduction is to read, as a reading age.

Against the target for its age band.
"""

import re
import threading
from dataclasses import dataclass

import textstat

from qa.surveys.rules import target_reading_age

# Words and initials professionals use that children do not: each one found raises the reading
# age by JARGON_YEARS, however short the sentence. Any other word in capitals (2 to 6 letters) is
# taken as initials too, except the few every child knows.
JARGON = (
    "IRO",
    "LADO",
    "MASH",
    "CSE",
    "CCE",
    "CIN",
    "CP",
    "CLA",
    "LAC",
    "EHCP",
    "EHA",
    "SENCO",
    "SEND",
    "CAMHS",
    "DSL",
    "PEP",
    "TAF",
    "MARAC",
    "MAPPA",
    "ICPC",
    "RCPC",
    "safeguarding",
    "safeguard",
    "multi-agency",
    "multi agency",
    "child protection",
    "looked after",
    "designated",
    "statutory",
    "threshold",
    "early help",
    "strategy meeting",
    "referral",
    "refer",
    "intervention",
    "practitioner",
    "pathway plan",
    "care plan",
    "core group",
    "disclosure",
    "exploitation",
    "advocate",
    "advocacy",
    "independent reviewing officer",
)
KNOWN_CAPITALS = {"OK", "I", "TV", "PE", "UK", "ID", "PC", "DJ", "YouTube"}
JARGON_YEARS = 4
LONG_WORD_SYLLABLES = 4


@dataclass
class Readability:
    reading_age: int
    target: int
    words: tuple = ()  # the words that raised the reading age: jargon, initials, long words

    @property
    def too_hard(self):
        return self.reading_age > self.target

    @property
    def message(self):
        hard = f" Words that made it harder: {', '.join(self.words)}." if self.words else ""
        if self.too_hard:
            return (
                f"Reading age about {self.reading_age}: harder than the {self.target} we aim for "
                "with this age band. "
                "Try shorter sentences and everyday words." + hard
            )
        return f"Reading age about {self.reading_age}: easy enough for this age band." + hard


def reading_age(text: str) -> int:
    """Flesch–Kincaid grade as an English reading age (grade + 5), never below 6."""
    # "grown-ups" is two short words a child knows, not one long one
    text = re.sub(r"(?<=[A-Za-z])-(?=[A-Za-z])", " ", text or "")
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        return 6
    if text[-1] not in ".?!":
        text += "."
    return max(6, round(textstat.flesch_kincaid_grade(text) + 5))


# Set once the pronouncing dictionary behind the reading age is loaded (about a second, longer on
# a busy machine): the first check in a process would otherwise make someone wait for it.
WARM = threading.Event()


def _load():
    reading_age("Warm up.")
    WARM.set()


def warm_up(app=None):
    """Load the dictionary in the background when the app starts, never in a person's request."""
    if not WARM.is_set():
        threading.Thread(target=_load, name="readability-warm-up", daemon=True).start()


def jargon_in(text: str) -> list[str]:
    """The professionals' words and initials in `text`, in the order of JARGON, then other
    initials as written."""
    found = [
        term
        for term in JARGON
        if re.search(rf"\b{re.escape(term)}\b", text or "", 0 if term.isupper() else re.IGNORECASE)
    ]
    for word in re.findall(r"\b[A-Z]{2,6}s?\b", text or ""):
        word = word.rstrip("s") if word[:-1].isupper() and word.endswith("s") else word
        if word not in KNOWN_CAPITALS and word not in found:
            found.append(word)
    return found


def long_words(text: str) -> list[str]:
    """Words of LONG_WORD_SYLLABLES syllables or more, once each."""
    seen = []
    for word in re.findall(r"[A-Za-z']+", text or ""):
        if textstat.syllable_count(word) >= LONG_WORD_SYLLABLES and word.lower() not in seen:
            seen.append(word.lower())
    return seen


def check(text: str, age_band: str, options=()) -> Readability:
    """How readable a question (or introduction) is for its age band, its answers included.

    The reading age of the question's sentences (answers are too short to measure that way),
    raised JARGON_YEARS for each professional's word or set of initials (children's surveys only);
    the result names the words that raised it.
    """
    parts = [part for part in (text, *options) if part and part.strip()]
    everything = " ".join(parts)
    jargon = jargon_in(everything) if age_band != "adult" else []  # staff know their own words
    age = reading_age(text) + JARGON_YEARS * len(jargon)
    extra = [word for word in long_words(everything) if word not in {j.lower() for j in jargon}]
    return Readability(age, target_reading_age(age_band), tuple(jargon + extra))
