"""How easy a question or introduction is to read, as a reading age.

Against the target for its age band.
"""

import re
import threading
from dataclasses import dataclass

import textstat

from qa.surveys.rules import target_reading_age


@dataclass
class Readability:
    reading_age: int
    target: int

    @property
    def too_hard(self):
        return self.reading_age > self.target

    @property
    def message(self):
        if self.too_hard:
            return (
                f"Reading age about {self.reading_age}: harder than the {self.target} we aim for "
                "with this age band. "
                "Try shorter sentences and everyday words."
            )
        return f"Reading age about {self.reading_age}: easy enough for this age band."


def reading_age(text: str) -> int:
    """Flesch–Kincaid grade as an English reading age (grade + 5), never below 6."""
    text = re.sub(r"\s+", " ", text or "").strip()
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


def check(text: str, age_band: str) -> Readability:
    return Readability(reading_age(text), target_reading_age(age_band))
