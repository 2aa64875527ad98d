"""Pure: the kinds of question, the answers each allows, and checking what was sent against them."""

TEXT_LIMIT = 1000

KINDS = {
    "smiley": "Smiley faces (3 or 5)",
    "yes_no": "Yes / No / Not sure",
    "choose_one": "Choose one",
    "choose_many": "Choose several",
    "text": "Short free text",
    "anything_else": "Anything else you want to tell us?",
}
FREE_TEXT = ("text", "anything_else")
SMILEY_LABELS = {
    3: ["Not good", "OK", "Good"],
    5: ["Very unhappy", "Unhappy", "OK", "Happy", "Very happy"],
}
# Which face picture shows each point of a 3 or 5 point scale (face-1 saddest … face-5 happiest).
FACES = {3: [1, 3, 5], 5: [1, 2, 3, 4, 5]}
YES_NO = [("yes", "Yes"), ("no", "No"), ("not-sure", "Not sure")]


class AnswerRefused(ValueError):
    """What was sent is not one of the question's answers (only a tampered form sends this)."""


def default_options(kind, points=5):
    if kind == "smiley":
        return list(SMILEY_LABELS[points])
    return []


def choices(kind, options):
    """[(value, label)] a child can pick; empty for free text."""
    if kind == "smiley":
        return [(str(i + 1), label) for i, label in enumerate(options)]
    if kind == "yes_no":
        return list(YES_NO)
    if kind in ("choose_one", "choose_many"):
        return [(label, label) for label in options]
    return []


def faces(options):
    """[(value, label, face number)] for a smiley question."""
    points = FACES.get(len(options), list(range(1, len(options) + 1)))
    return [(str(i + 1), label, points[i]) for i, label in enumerate(options)]


def clean(kind, options, sent):
    """The values to keep from what was sent (a list of strings); [] means skipped. Raises
    AnswerRefused."""
    sent = [value for value in sent if isinstance(value, str)]
    if kind in FREE_TEXT:
        text = (sent[0] if sent else "").replace("\r\n", "\n").strip()
        if len(text) > TEXT_LIMIT:
            raise AnswerRefused(f"Your answer is too long. Use {TEXT_LIMIT} characters or fewer.")
        return [text] if text else []
    sent = [value for value in sent if value != ""]
    allowed = [value for value, _ in choices(kind, options)]
    if any(value not in allowed for value in sent):
        raise AnswerRefused("Choose one of the answers shown.")
    if kind != "choose_many" and len(sent) > 1:
        raise AnswerRefused("Choose only one answer.")
    return [value for value in allowed if value in sent]  # de-duplicated, in the question's order


def label_for(kind, options, value):
    for choice, label in choices(kind, options):
        if choice == value:
            return label
    return value


def options_problem(kind, options):
    """Why these options do not suit the kind of question; None when they do."""
    if kind not in KINDS:
        return "Choose a kind of question"
    if kind == "smiley" and len(options) not in (3, 5):
        return "A smiley scale has 3 or 5 faces: write one label a line"
    if kind in ("choose_one", "choose_many"):
        if len(options) < 2:
            return "Write at least two answers, one a line"
        if len(set(options)) != len(options):
            return "Each answer must be different"
    if any(len(option) > 120 for option in options):
        return "Keep each answer to 120 characters or fewer"
    return None


# Kinds whose answers can count as positive, so a question of that kind can inform a Section 11
# standard.
TAGGABLE = ("smiley", "yes_no", "choose_one", "choose_many")


def positive_values(kind, options, marked):
    """The stored answer values that count as positive when a question informs a standard.

    Yes/no: "yes". Smiley faces: those above the middle face (the top one of three, the top two of
    five).
    Choose one or several: the answers the admin marked positive (`marked`); someone who chose
    several
    counts as positive once if any of their answers is marked. Free text never counts.
    """
    if kind == "yes_no":
        return {"yes"}
    if kind == "smiley":
        return (
            {str(i + 1) for i in range(len(options) // 2 + 1, len(options))}
            if len(options) > 1
            else set()
        )
    if kind in ("choose_one", "choose_many"):
        return {label for label in options if label in set(marked)}
    return set()


def positive_problem(kind, options, marked):
    """Why these positive answers do not suit the question; None when they do."""
    if kind not in ("choose_one", "choose_many"):
        return None
    if not marked:
        return "Choose at least one answer that counts as positive"
    if any(label not in options for label in marked):
        return "Choose positive answers from the question's own answers"
    if len(set(marked)) == len(options):
        return "Leave at least one answer that does not count as positive"
    return None
