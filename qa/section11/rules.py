"""The rules of a Section 11 return, in plain Python.

Status of a standard, what blocks submission, year-on-year change.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date

# A return's stored status (draft, submitted or reopened) and whether it may change or be reopened:
# the lifecycle every kind of return shares.
from qa.lifecycle import DRAFT, REOPENED, SUBMITTED, can_change, can_reopen  # noqa: F401

RAG = {"R": "Red", "A": "Amber", "G": "Green"}
MEANING = {
    "R": "below the minimum standard",
    "A": "meets the minimum standard, but action is needed",
    "G": "meets or exceeds the standard",
}
NEEDS_ACTIONS = ("R", "A")
# How much one rating may hold: its evidence in characters, its action plan in actions, and each
# action's description in characters (stated on the rating page's forms).
EVIDENCE_LIMIT = 10_000
ACTIONS_LIMIT = 20
ACTION_LIMIT = 2_000
_ORDER = {"R": 0, "A": 1, "G": 2}

NOT_STARTED, IN_PROGRESS, COMPLETE = "not started", "in progress", "complete"

CHANGE_TEXT = {
    "better": "better than last year",
    "worse": "worse than last year",
    "same": "the same as last year",
}
CHANGE_ARROW = {"better": "▲", "worse": "▼", "same": "="}


@dataclass(frozen=True)
class Answer:
    """One standard's answer as the rules need it: no database, no web request."""

    key: int
    label: str
    rag: str = ""
    evidence: str = ""
    actions: int = 0  # live improvement actions (not cancelled)
    documents: int = 0


# What a standard can still need: the field on its rating page that gives it, and its words.
NEEDS = {
    "rag": ("a rating", "Choose a rating for {label}"),
    "evidence": ("evidence", "Describe the evidence for {label}"),
    "description": (
        "an improvement action",
        "Add an improvement action for {label}: it is rated {rated}",
    ),
}


def missing(answer: Answer) -> list[str]:
    """What the standard still needs before it is complete, as the ids of the fields on its rating
    page that give it: a rating, evidence, and (if amber or red) an improvement action."""
    found = []
    if answer.rag not in RAG:
        found.append("rag")
    if not answer.evidence.strip():
        found.append("evidence")
    if answer.rag in NEEDS_ACTIONS and not answer.actions:
        found.append("description")
    return found


def needs_in_words(answer: Answer) -> str:
    """e.g. "evidence and an improvement action", for the task list."""
    words = [NEEDS[field][0] for field in missing(answer)]
    return " and ".join([", ".join(words[:-1]), words[-1]]) if len(words) > 1 else "".join(words)


def standard_status(answer: Answer) -> str:
    """Not started until anything is entered; complete once rated, evidenced and (if amber or red)
    planned."""
    if not (answer.rag or answer.evidence.strip() or answer.actions or answer.documents):
        return NOT_STARTED
    return IN_PROGRESS if missing(answer) else COMPLETE


def problems(answers) -> list[tuple[int, str]]:
    """What stops the return being submitted, as (standard key, message) in the order of the
    standards."""
    return [(key, message) for key, message, _ in problems_on_fields(answers)]


def problems_on_fields(answers) -> list[tuple[int, str, str]]:
    """As `problems`, each with the id of the field on the rating page that puts it right."""
    found = []
    for answer in answers:
        rated = RAG.get(answer.rag, "").lower()
        for field in missing(answer):
            message = NEEDS[field][1].format(label=answer.label, rated=rated)
            found.append((answer.key, message, field))
    return found


def return_state(status: str | None, answered: bool) -> str:
    """Where an agency's return stands: not started (no return, or nothing entered yet), in
    progress, submitted or reopened."""
    if status in (SUBMITTED, REOPENED):
        return status
    return IN_PROGRESS if status and answered else NOT_STARTED


def is_overdue(state: str, deadline: date | None, today: date) -> bool:
    return bool(deadline) and today > deadline and state != SUBMITTED


def change(before: str | None, after: str | None) -> str | None:
    """better, worse or same against last year's rating; None when either year has no rating."""
    if before not in _ORDER or after not in _ORDER:
        return None
    difference = _ORDER[after] - _ORDER[before]
    return "better" if difference > 0 else "worse" if difference < 0 else "same"


def counts(rags) -> dict:
    """How many of each rating, with '' for not rated: {'R': 2, 'A': 5, 'G': 10, '': 1}."""
    tally = Counter(rag if rag in RAG else "" for rag in rags)
    return {key: tally.get(key, 0) for key in (*RAG, "")}


def change_counts(changes) -> dict:
    tally = Counter(c for c in changes if c)
    return {key: tally.get(key, 0) for key in CHANGE_TEXT}


def cell_text(rag: str, change_: str | None, before: str | None) -> str:
    """What a heatmap cell says to someone who cannot see its colour."""
    if rag not in RAG:
        return "Not rated"
    text = RAG[rag]
    if change_ == "same":
        text += f", {CHANGE_TEXT['same']}"
    elif change_:
        text += f", {CHANGE_TEXT[change_]} (was {RAG[before].lower()})"
    return text


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value):
    """A spreadsheet cell that cannot run as a formula: text starting = + - @ tab or CR gets a
    leading quote."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def actions_full(count: int) -> bool:
    """Whether a rating's action plan of `count` actions may take no more."""
    return count >= ACTIONS_LIMIT


def actions_full_text() -> str:
    return (
        f"A standard can have at most {ACTIONS_LIMIT} actions. Remove one, or put two together, "
        "before adding another"
    )
