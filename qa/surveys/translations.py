"""A survey in other languages: reading and saving its translations, the languages a child may
choose, and the language chosen for this visit (kept in the visitor's session, never on a
response until it is sent).
"""

from flask import request, session

from qa import audit
from qa.db import Prepared, db
from qa.surveys import languages, visits
from qa.surveys.models import Translation

SESSION_KEY = "survey_language"

_GIVEN = Prepared(
    lambda survey_id, language: Translation.select(
        Translation.key, Translation.english, Translation.text
    ).where((Translation.survey == survey_id) & (Translation.language == language)),
    arity=2,
)
_ALL = Prepared(
    lambda survey_id: Translation.select(
        Translation.language, Translation.key, Translation.english, Translation.text
    ).where(Translation.survey == survey_id)
)


def given_of(survey_id, language):
    """{key: (english, text)}: what the survey's translation into `language` gives so far."""
    return {key: (english, text) for key, english, text in _GIVEN.execute(survey_id, language)}


def all_given(survey_id):
    """{language: {key: (english, text)}} for every language the survey has any translation in."""
    found = {}
    for language, key, english, text in _ALL.execute(survey_id):
        found.setdefault(language, {})[key] = (english, text)
    return found


def texts_of(survey, questions=None):
    """The texts a complete translation of the survey gives (qa.surveys.languages.text_keys)."""
    questions = visits.questions_of(survey) if questions is None else questions
    return languages.text_keys(survey, questions, easy_read=survey.easy_read)


def progress(survey, questions):
    """[(Language, texts missing)] for every language on offer, for the Translations page."""
    texts, given = texts_of(survey, questions), all_given(survey.id)
    return [
        (language, len(languages.missing(texts, given.get(code, {}))))
        for code, language in languages.LANGUAGES.items()
    ], len(texts)


def complete(survey):
    """The languages with every text translated: the ones a child may choose (children's surveys
    only: the staff screens are not translated)."""
    given = [] if survey.for_staff else all_given(survey.id)
    if not given:
        return []
    texts = texts_of(survey)
    return [
        language
        for code, language in languages.LANGUAGES.items()
        if code in given and not languages.missing(texts, given[code])
    ]


def save(survey, language, posted, texts, who):
    """Keep the translated `posted` {key: text} of `texts`, each with the English it was made
    from; a blank removes that text. One transaction, one audit line."""
    english = {text.key: text.english for text in texts}
    english[languages.NOTE] = ""
    with db.atomic("IMMEDIATE"):
        Translation.delete().where(
            (Translation.survey == survey)
            & (Translation.language == language.code)
            & Translation.key.in_(list(posted))
        ).execute()
        rows = [
            {
                "survey": survey,
                "language": language.code,
                "key": key,
                "english": english[key],
                "text": text,
            }
            for key, text in posted.items()
            if text.strip() and key in english
        ]
        if rows:
            Translation.insert_many(rows).execute()
        audit.record(
            who,
            "translated",
            survey,
            f"Saved the {language.english} translation ({len(rows)} texts)",
        )


def copy(survey, to):
    """Give the copy `to` the translations of `survey` (its questions keep their keys); a text
    whose English differs in the copy, like its title, shows as missing until translated again."""
    Translation.insert_from(
        Translation.select(
            to.id, Translation.language, Translation.key, Translation.english, Translation.text
        ).where(Translation.survey == survey),
        [
            Translation.survey,
            Translation.language,
            Translation.key,
            Translation.english,
            Translation.text,
        ],
    ).execute()


def choose(link, code, language_code):
    """The visitor chose a language on the first screen: English, or one the survey has complete."""
    offered = {language.code for language in complete(link.survey)}
    if language_code in offered:
        session[SESSION_KEY] = {"code": code, "survey": link.survey_id, "lang": language_code}
    else:
        session.pop(SESSION_KEY, None)


def chosen(code):
    """The code of the language chosen for the visit to `code`; "" for English."""
    picked = session.get(SESSION_KEY)
    return picked["lang"] if picked and picked.get("code") == code else ""


class _Lazy(languages.Translator):
    """The chosen language's texts are read only when a screen first asks for one."""

    def __init__(self, language, survey_id):
        super().__init__(language)
        self.survey_id, self.loaded = survey_id, False

    def text(self, key, english):
        if not self.loaded:
            self.given, self.loaded = given_of(self.survey_id, self.language.code), True
        return super().text(key, english)


def translator():
    """The Translator for the screen being shown: English unless this visit chose a language."""
    code = (request.view_args or {}).get("code") if request else None
    picked = session.get(SESSION_KEY) if code else None
    if not picked or picked.get("code") != code or picked.get("lang") not in languages.LANGUAGES:
        return languages.Translator()
    return _Lazy(languages.LANGUAGES[picked["lang"]], picked["survey"])
