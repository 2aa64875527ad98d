"""The demo's Polish translation of this year's children's survey: a demo translation, written to
show the feature, not checked by a translator.

Matched to the English it translates, so a text whose English has changed is left out and the
Translations page shows it missing.
"""

from qa.surveys import languages, translations
from qa.surveys.models import Translation

NOTE = "Demo translation, not checked by a translator."
POLISH = {
    "Feeling safe 2026: what do you think?": "Bezpieczeństwo 2026: co o tym myślisz?",
    "We want to know if you feel safe, and if adults listen to you.\nIt takes about five "
    "minutes.": "Chcemy wiedzieć, czy czujesz się bezpiecznie i czy dorośli cię słuchają.\n"
    "To zajmie około pięciu minut.",
    "If you are worried about your safety, talk to an adult you trust, or call Childline on "
    "0800 1111. It is free and they will listen.": "Jeśli martwisz się o swoje "
    "bezpieczeństwo, porozmawiaj z dorosłym, któremu ufasz, albo zadzwoń do Childline pod numer "
    "0800 1111. To nic nie kosztuje i ktoś cię wysłucha.",
    "How safe do you feel at home?": "Jak bezpiecznie czujesz się w domu?",
    "How safe do you feel at school?": "Jak bezpiecznie czujesz się w szkole?",
    "How safe do you feel when you are online?": "Jak bezpiecznie czujesz się w internecie?",
    "Like on games, apps or videos.": "Na przykład w grach, aplikacjach albo na filmikach.",
    "Do adults listen to you when you tell them something?": "Czy dorośli cię słuchają, kiedy "
    "coś im mówisz?",
    "Do you know who to talk to if you are worried?": "Czy wiesz, z kim porozmawiać, kiedy coś "
    "cię martwi?",
    "Who would you talk to if you were worried?": "Z kim możesz porozmawiać, kiedy coś cię martwi?",
    "Choose as many as you like.": "Możesz wybrać kilka odpowiedzi.",
    "Someone at home": "Ktoś w domu",
    "A teacher": "Nauczyciel lub nauczycielka",
    "Another adult at school": "Inny dorosły w szkole",
    "A friend": "Kolega lub koleżanka",
    "Childline": "Childline",
    "Someone else": "Ktoś inny",
    "If you told an adult you were worried, did they help?": "Jeśli ktoś dorosły wiedział, że "
    "coś cię martwi, czy ci pomógł?",
    "Skip this if it has not happened.": "Pomiń to pytanie, jeśli tak się nie stało.",
    "Anything else you want to tell us?": "Czy chcesz nam powiedzieć coś jeszcze?",
    "You don't have to write anything.": "Nie musisz nic pisać.",
    "Not good": "Źle",
    "OK": "W porządku",
    "Good": "Dobrze",
    "Not safe": "Niebezpiecznie",
    "Safe": "Bezpiecznie",
    # the screen words
    "Quick exit": "Szybkie wyjście",
    "Read it to me": "Przeczytaj mi to",
    "Start": "Zacznij",
    "Question {number} of {total}": "Pytanie {number} z {total}",
    "Yes": "Tak",
    "No": "Nie",
    "Not sure": "Nie wiem",
    "Next": "Dalej",
    "Back": "Wstecz",
    "Skip this question": "Pomiń to pytanie",
    "That's all the questions": "To już wszystkie pytania",
    "Send my answers": "Wyślij moje odpowiedzi",
    "Thank you!": "Dziękujemy!",
    "Your answers have been sent": "Twoje odpowiedzi zostały wysłane",
    "If you are worried": "Jeśli coś cię martwi",
    "You can close this page now.": "Możesz już zamknąć tę stronę.",
    "I don't understand": "Nie rozumiem",
}


def load(survey):
    """Give `survey` its Polish translation, once."""
    if survey is None or Translation.select().where(Translation.survey == survey).exists():
        return
    rows = [
        {"key": text.key, "english": text.english, "text": POLISH[text.english]}
        for text in translations.texts_of(survey)
        if text.english in POLISH
    ] + [{"key": languages.NOTE, "english": "", "text": NOTE}]
    Translation.insert_many([{**row, "survey": survey, "language": "pl"} for row in rows]).execute()
