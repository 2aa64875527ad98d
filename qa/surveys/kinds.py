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

# Answer scales for smiley questions, so a question about feeling safe is answered in words about
# feeling safe. Everyday words for 8 to 12 year olds (a survey for 8 to 17 uses them too, so the
# youngest can read them); the usual survey words for teenagers and adults. Lowest first.
SCALES = {
    "happy": "How happy (Very unhappy … Very happy)",
    "safe": "How safe (Very unsafe … Very safe)",
    "agree": "Agree or disagree (Strongly disagree … Strongly agree)",
    "often": "How often (Never … Always)",
}
SCALE_WORDS = {
    ("happy", "younger"): {
        5: ["Very sad", "Sad", "OK", "Happy", "Very happy"],
        3: ["Sad", "OK", "Happy"],
    },
    ("happy", "older"): {5: SMILEY_LABELS[5], 3: ["Unhappy", "OK", "Happy"]},
    ("safe", "younger"): {
        5: ["Not safe at all", "Not very safe", "Not sure", "Safe", "Very safe"],
        3: ["Not safe", "Not sure", "Safe"],
    },
    ("safe", "older"): {
        5: ["Very unsafe", "Unsafe", "Not sure", "Safe", "Very safe"],
        3: ["Unsafe", "Not sure", "Safe"],
    },
    ("agree", "younger"): {
        5: ["No, not at all", "No", "Not sure", "Yes", "Yes, a lot"],
        3: ["No", "Not sure", "Yes"],
    },
    ("agree", "older"): {
        5: ["Strongly disagree", "Disagree", "Not sure", "Agree", "Strongly agree"],
        3: ["Disagree", "Not sure", "Agree"],
    },
    ("often", "younger"): {
        5: ["Never", "Not often", "Sometimes", "A lot", "Always"],
        3: ["Never", "Sometimes", "Always"],
    },
    ("often", "older"): {
        5: ["Never", "Rarely", "Sometimes", "Often", "Always"],
        3: ["Never", "Sometimes", "Always"],
    },
}
# Scales whose ends are not sad and happy in themselves ("Always" may be the worrying answer): shown
# as words, not faces.
WORDS_ONLY_SCALES = ("agree", "often")


class AnswerRefused(ValueError):
    """What was sent is not one of the question's answers (only a tampered form sends this)."""


def default_options(kind, points=5):
    if kind == "smiley":
        return list(SMILEY_LABELS[points])
    return []


def scale_labels(scale, points, age_band):
    """The words of `scale` with `points` points (3 or 5) for a survey's age band."""
    reader = "younger" if age_band in ("8-12", "8-17") else "older"
    return list(SCALE_WORDS[(scale, reader)][points])


def scale_named(options):
    """The scale whose words (for any age band) `options` are, or "" for the builder's own words."""
    for (scale, _), sizes in SCALE_WORDS.items():
        if sizes.get(len(options)) == list(options):
            return scale
    return ""


SCALE_CHOICES = [
    (f"{scale}-{points}", f"{name.split(' (')[0]}, {points} answers: {words[0]} … {words[-1]}")
    for scale, name in SCALES.items()
    for points in (5, 3)
    for words in [SCALE_WORDS[(scale, "older")][points]]
]


def parse_scale_choice(value):
    """("safe", 5) from the builder's "safe-5"; None for its own words."""
    scale, _, points = (value or "").partition("-")
    if scale in SCALES and points in ("3", "5"):
        return scale, int(points)
    return None


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
