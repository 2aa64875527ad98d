"""Pure: easy read. A picture beside each answer, and "I don't understand" on every question,
counted apart from the answers (never a point on a scale, a share or a written answer).
"""

import re

# What a visit's draft keeps for "I don't understand": no answer a child can choose or type (a
# control character starts it), so it is never mistaken for one.
NOT_UNDERSTOOD = "\x00not-understood"
# The `go` of the "I don't understand" button.
GO = "not_understood"

YES_NO = {"yes": "yes", "no": "no", "not-sure": "not-sure"}
# The picture for a "choose" answer, from the first words it contains; "other" when none do.
PICTURES = (
    ("phone", r"childline|phone|call|ring"),
    ("home", r"home|family|mum|dad|parent|carer|brother|sister"),
    ("school", r"school|teacher|college|class|lesson"),
    ("friend", r"friend|mate"),
    ("online", r"online|internet|app|apps|game|games|gaming|video|videos|social media"),
    ("other", r"else|other|nobody|no one|prefer not"),
    ("adult", r"adult|someone|worker|nan|grandad|grandma|police|doctor|nurse|coach"),
)


def picture(kind, value, label):
    """The picture (its name, static/surveys/easy-<name>.svg) shown beside an answer in easy read;
    None for smiley faces, which have their own."""
    if kind == "yes_no":
        return YES_NO.get(value, "other")
    if kind not in ("choose_one", "choose_many"):
        return None
    words = label.lower()
    for name, pattern in PICTURES:
        if re.search(rf"\b(?:{pattern})\b", words):
            return name
    return "other"


def split(rows):
    """(answers, not understood): the (question id, value) rows of a visit, and the ids of the
    questions the child did not understand."""
    answers = [(qid, value) for qid, value in rows if value != NOT_UNDERSTOOD]
    return answers, sorted({qid for qid, value in rows if value == NOT_UNDERSTOOD})


def add_counts(summary, counts, threshold=5):
    """Each item of a results summary with `not_understood`: how many said "I don't understand",
    None when hidden (fewer than `threshold`, or the question's figures are hidden)."""
    for item in summary:
        n = counts.get(item["question"]["id"], 0)
        item["not_understood"] = None if item["suppressed"] or 0 < n < threshold else n
    return summary
