"""Pure: the languages a survey can be translated into, the texts a translation needs, and a
translator that puts each text in the child's language (English where none is given).
"""

from dataclasses import dataclass

from markupsafe import Markup


@dataclass(frozen=True)
class Language:
    code: str  # the BCP 47 tag for <html lang>
    english: str  # its name in English, for the admin
    own: str  # its name in itself, for the child choosing it
    rtl: bool = False  # written right to left: the screen is laid out mirrored


ENGLISH = Language("en-GB", "English", "English")
# The one list of languages a survey can be translated into: those most spoken by children in
# English schools after English (census 2021, school census), and Welsh.
LANGUAGES = {
    language.code: language
    for language in (
        Language("cy", "Welsh", "Cymraeg"),
        Language("pl", "Polish", "Polski"),
        Language("ur", "Urdu", "اردو", rtl=True),
        Language("ar", "Arabic", "العربية", rtl=True),
        Language("ro", "Romanian", "Română"),
        Language("pa", "Punjabi", "ਪੰਜਾਬੀ"),
        Language("bn", "Bengali", "বাংলা"),
        Language("pt", "Portuguese", "Português"),
        Language("lt", "Lithuanian", "Lietuvių"),
        Language("so", "Somali", "Soomaali"),
        Language("uk", "Ukrainian", "Українська"),
        Language("fa", "Persian (Farsi or Dari)", "فارسی", rtl=True),
        Language("ps", "Pashto", "پښتو", rtl=True),
        Language("ti", "Tigrinya", "ትግርኛ"),
    )
}

# The words on every screen of a children's survey, in English: what each translation must also
# give. {number} and {total} stand for the figures and must stay in the translation.
WORDS = {
    "quick_exit": "Quick exit",
    "read_aloud": "Read it to me",
    "start": "Start",
    "question_of": "Question {number} of {total}",
    "choose_many": "Choose as many as you like.",
    "yes": "Yes",
    "no": "No",
    "not_sure": "Not sure",
    "next": "Next",
    "back": "Back",
    "skip": "Skip this question",
    "all_done": "That's all the questions",
    "send": "Send my answers",
    "thanks": "Thank you!",
    "sent": "Your answers have been sent",
    "help": "If you are worried",
    "close": "You can close this page now.",
}
# Only an easy-read survey shows this (qa.surveys.easy_read).
EASY_READ_WORDS = {"dont_understand": "I don't understand"}
PLACEHOLDERS = {"question_of": ("{number}", "{total}")}
YES_NO_WORDS = {"yes": "yes", "no": "no", "not-sure": "not_sure"}
# A note for other admins (who wrote the translation, whether it was checked); never shown to a
# child and not needed for the translation to be complete.
NOTE = "note"


@dataclass(frozen=True)
class Text:
    """One text a translation gives: its key, its English and where it shows, for the admin."""

    key: str
    english: str
    where: str

    @property
    def section(self):
        """The part of the survey the text belongs to, for headings on the Translations page."""
        if self.where.startswith(("Question", "Screen words")):
            return self.where.split(":")[0]
        return "First screen"


def option_texts(question):
    """The answers of a question that have words of their own to translate (yes/no uses the
    screen words)."""
    if question.kind in ("smiley", "choose_one", "choose_many"):
        return list(question.option_list)
    return []


def text_keys(survey, questions, easy_read=False):
    """Every Text a complete translation of `survey` gives, in the order the child meets them."""
    texts = [Text("title", survey.title, "Title")]
    if survey.introduction.strip():
        texts.append(Text("introduction", survey.introduction, "Introduction"))
    texts.append(Text("safety", survey.safety_text(), "Safety message"))
    for number, question in enumerate(questions, 1):
        texts.append(Text(f"q.{question.key}.prompt", question.prompt, f"Question {number}"))
        if question.hint.strip():
            texts.append(Text(f"q.{question.key}.hint", question.hint, f"Question {number}: hint"))
        for index, option in enumerate(option_texts(question)):
            texts.append(
                Text(
                    f"q.{question.key}.option.{index}",
                    option,
                    f"Question {number}: answer {index + 1}",
                )
            )
    words = {**WORDS, **(EASY_READ_WORDS if easy_read else {})}
    texts.extend(
        Text(f"word.{name}", english, f"Screen words: {english}") for name, english in words.items()
    )
    return texts


def problem(key, text):
    """Why a translated text cannot be kept as it is; None when it can."""
    name = key.removeprefix("word.")
    missing = [p for p in PLACEHOLDERS.get(name, ()) if text and p not in text]
    if missing:
        return f"Keep {' and '.join(missing)} in the translation: they stand for the figures"
    if len(text) > 2000:
        return "Keep each translation to 2,000 characters or fewer"
    return None


def missing(texts, given):
    """The keys of `texts` with no translation, or translated from English that has changed since.

    `given`: {key: (english it was translated from, translation)}.
    """
    return [
        text.key
        for text in texts
        if not (given.get(text.key) and given[text.key][1].strip())
        or given[text.key][0] != text.english
    ]


class Translator:
    """The child's language, and each text of the survey in it.

    Falls back to the English, text by text, where a translation is missing or was made from
    English that has changed since: a child never sees a blank.
    """

    def __init__(self, language=ENGLISH, given=None):
        self.language = language
        self.given = given or {}

    @property
    def lang(self):
        return self.language.code

    @property
    def rtl(self):
        return self.language.rtl

    @property
    def translated(self):
        return self.language != ENGLISH

    @property
    def english_attrs(self):
        """For words a translated screen still shows in English: read and laid out as English."""
        return Markup(' lang="en-GB" dir="ltr"') if self.translated else ""

    def text(self, key, english):
        found = self.given.get(key)
        return found[1] if found and found[0] == english and found[1].strip() else english

    def word(self, name, **figures):
        english = WORDS.get(name) or EASY_READ_WORDS[name]
        words = self.text(f"word.{name}", english)
        for figure, value in figures.items():
            words = words.replace("{" + figure + "}", str(value))
        return words

    def prompt(self, question):
        return self.text(f"q.{question.key}.prompt", question.prompt)

    def hint(self, question):
        return self.text(f"q.{question.key}.hint", question.hint) if question.hint else ""

    def label(self, question, value, label):
        """The words of the answer `value` (shown in English as `label`)."""
        if question.kind == "yes_no":
            return self.word(YES_NO_WORDS.get(value, value)) if value in YES_NO_WORDS else label
        options = option_texts(question)
        index = int(value) - 1 if question.kind == "smiley" and value.isdigit() else None
        if index is None and label in options:
            index = options.index(label)
        if index is None or not 0 <= index < len(options):
            return label
        return self.text(f"q.{question.key}.option.{index}", options[index])


def counts_shown(counts, threshold=5):
    """[(language name, responses)] for the results, or [] to show none.

    `counts`: {language code, "" for English: responses}. Shown only when the survey was answered
    in more than one language and every one of them by at least `threshold`: a child answering
    alone in their language is never picked out, and no hidden count can be worked out from the
    total.
    """
    answered = {code: n for code, n in counts.items() if n > 0}
    if len(answered) < 2 or any(n < threshold for n in answered.values()):
        return []
    names = {code: language.english for code, language in LANGUAGES.items()}
    return [
        (names.get(code, ENGLISH.english) if code else ENGLISH.english, n)
        for code, n in sorted(answered.items(), key=lambda item: (item[0] != "", item[0]))
    ]
