"""Pure: set what an agency's own staff said beside its self-rating on a standard.

And say plainly when they disagree.

The rule, in words: a green rating claims the standard works well in practice. When at least
`threshold` (5) of the agency's staff answered the questions linked to the standard, and fewer than
`percent` (the partnership's setting, 50 by default) of their answers were positive, the rating is
flagged as a mismatch. A red rating beside STRONGLY_POSITIVE per cent or more positive answers gets
a softer note (the agency may be underselling itself); amber is never flagged. What counts as a
positive answer is kinds.positive_values: yes, the faces above the middle one, or the answers the
admin marked positive.
"""

from dataclasses import dataclass

from qa.surveys.suppression import THRESHOLD
from qa.surveys.suppression import percent as share_of

DEFAULT_PERCENT = 50
STRONGLY_POSITIVE = 75
RAG_WORDS = {"R": "red", "A": "amber", "G": "green"}


@dataclass(frozen=True)
class Verdict:
    kind: str  # too_few, mismatch, more_positive, consistent, not_rated
    # per cent of answers that were positive; None when too few answered to show it
    share: int | None
    sentence: str

    @property
    def flagged(self):
        return self.kind == "mismatch"


def judge(
    rag,
    positive,
    answered,
    respondents,
    topic,
    percent=DEFAULT_PERCENT,
    threshold=THRESHOLD,
    whose="its",
):
    """The verdict on one agency's rating of one standard.

    `positive` of `answered` answers to the linked questions were positive; `respondents` is how
    many different staff gave them (what the small-number rule counts). `topic` names the standard
    in the sentence; `whose` is "its" for the sub-group and "your" for the agency's own lead.
    """
    if respondents < threshold or answered == 0:
        return Verdict(
            "too_few",
            None,
            f"Fewer than {threshold} of {whose} staff answered the questions on {topic}, so their "
            "answers are not shown.",
        )
    share = share_of(positive, answered)
    if answered == respondents:  # one answer each: say it of the staff
        said = (
            f"{share}% of {whose} staff gave a positive answer on {topic} ({positive} of "
            f"{answered})"
        )
    else:
        said = (
            f"{share}% of {whose} staff's answers on {topic} were positive "
            f"({positive} of {answered} answers, from {respondents} staff)"
        )
    word = RAG_WORDS.get(rag)
    if word is None:
        return Verdict("not_rated", share, f"Not rated yet. {said[0].upper()}{said[1:]}.")
    if rag == "G" and share < percent:
        return Verdict(
            "mismatch",
            share,
            f"Rated green, but only {said}: fewer than the {percent}% the partnership expects "
            "beside a green rating.",
        )
    if rag == "R" and share >= STRONGLY_POSITIVE:
        return Verdict(
            "more_positive",
            share,
            f"Rated red, yet {said}. "
            + (
                "You may be underselling your practice."
                if whose == "your"
                else "The agency may be underselling its practice."
            ),
        )
    return Verdict("consistent", share, f"Rated {word}; {said}.")


def line_share(positive, answered, threshold=THRESHOLD):
    """One question's share of positive answers, or None when fewer than `threshold` answered it."""
    return None if answered < threshold else share_of(positive, answered)
