"""Demo surveys for Northbrook.

Two open children's surveys with about a hundred answers each, and last year's, closed, with
what it made happen: "you said, we did" and the actions they raised.
"""

import json
import random
from datetime import date, timedelta

from qa.actions.demo import make_action
from qa.actions.models import Action
from qa.cycles.models import Cycle
from qa.db import db
from qa.people.models import Agency, User
from qa.surveys import demo_translation, kinds, starter, visits
from qa.surveys.models import Answer, Question, Response, Survey, SurveyLink, YouSaidWeDid

THIS_YEAR = "Feeling safe 2026: what do you think?"
TEENS = "Safe and heard 2026: your views"
LAST_YEAR = "Feeling safe 2025: what do you think?"

# (label, responses): one setting has fewer than five, to show suppression.
LINKS = {
    THIS_YEAR: [
        ("Oak Hill Primary Y6", 38),
        ("St Anne's CE Primary Y5", 31),
        ("Northbrook Youth Trust Tuesday club", 28),
        ("Ashgrove Special School", 3),
    ],
    TEENS: [
        ("Riverside High School Y10", 41),
        ("Millbrook Academy Y9", 33),
        ("Northbrook College", 22),
        ("Youth Justice drop-in", 6),
    ],
    LAST_YEAR: [("Oak Hill Primary Y6", 34), ("St Anne's CE Primary Y5", 29)],
}
KIND_WORDS = [
    "I like my teacher",
    "More people on the playground at lunch",
    "I feel safe",
    "The bus stop is dark in winter",
    "Nothing, thank you",
    "Let us have a worry box",
    "Some older kids are mean online",
    "I would talk to my nan",
    "More clubs after school",
    "I didn't know about Childline before",
    "Stop people filming in the toilets",
]
WORRYING = "My mum's boyfriend hits me when she is at work and I am scared to go home"
STATEMENTS = [
    (
        "Some of you said you did not know who to talk to at school if you were worried.",
        "Every primary school now has a poster in each classroom with photos of the adults you "
        "can talk to.",
    ),
    (
        "You told us the walk home from the bus stop feels scary when it is dark.",
        "The council has put new lights on Mill Lane and by the bus stop on Station Road.",
    ),
    (
        "Lots of you said you want to learn more about staying safe online.",
        "Youth workers now run an online safety club every Thursday at the Northbrook Youth Trust.",
    ),
]

# The actions last year's "you said, we did" raised, in the order of its statements, as rows of
# qa.actions.demo.make_action.
ACTIONS = [
    (
        "Oak Hill Primary School",
        "Put a poster in every classroom with photos of the adults children can talk to",
        "Headteacher",
        "Commitment",
        "done",
        -200,
        380,
        "Posters in all 14 classrooms; photos checked each September",
        "In the pupil survey 84% now know who to talk to, up from 61%",
    ),
    (
        "Northbrook Council Children's Services",
        "Ask highways to light Mill Lane and the Station Road bus stop",
        "Head of community safety",
        "Interagency",
        "done",
        -150,
        300,
        "Street lights fitted in March; confirmed by the highways team",
        "Young people at the youth forum say the walk home feels safer",
    ),
    (
        "Northbrook Youth Trust",
        "Run a weekly online safety club for 11 to 16 year olds",
        "Youth work manager",
        "Service",
        "in_progress",
        45,
        None,
        "",
        "",
    ),
]


def load(demo=None, today=None):
    """Create the demo surveys once; running again changes nothing. Deterministic: a fixed seed."""
    today = today or date.today()
    rng = random.Random(2026)
    with db.atomic():
        _load(today, rng)
        _actions(today)


def _load(today, rng):
    this_year = _survey(
        THIS_YEAR,
        "8-12",
        "open",
        today - timedelta(days=40),
        today + timedelta(days=50),
        rng,
        today,
        worrying=True,
    )
    demo_translation.load(this_year)
    _survey(
        TEENS, "13-17", "open", today - timedelta(days=30), today + timedelta(days=60), rng, today
    )
    last = _survey(
        LAST_YEAR,
        "8-12",
        "closed",
        today - timedelta(days=400),
        today - timedelta(days=310),
        rng,
        today,
    )
    if last and not YouSaidWeDid.select().where(YouSaidWeDid.survey == last).exists():
        for you_said, we_did in STATEMENTS:
            YouSaidWeDid.create(survey=last, you_said=you_said, we_did=we_did, published=True)


def _actions(today):
    """The actions raised by last year's statements, each pointing at its statement (once)."""
    if Action.select().where(Action.source == "survey").exists():
        return
    cycle = Cycle.current()
    agencies = {a.name: a for a in Agency.select()}
    admin = User.select().where(User.role == "admin").order_by(User.id).first()
    statements = list(YouSaidWeDid.select().order_by(YouSaidWeDid.id))
    for n, row in enumerate(ACTIONS):
        make_action(
            row,
            cycle,
            agencies,
            admin,
            today,
            source="survey",
            source_id=statements[n].id if n < len(statements) else None,
        )


def _survey(title, band, status, opens, closes, rng, today, worrying=False):
    if Survey.select().where(Survey.title == title).exists():
        return Survey.get(Survey.title == title)
    content = starter.STARTERS[band]
    survey = Survey.create(
        title=title,
        audience="children",
        age_band=band,
        status=status,
        opens_on=opens,
        closes_on=closes,
        introduction=content["introduction"],
        readers="People at Northbrook Safeguarding Children Partnership who check that children "
        "are kept safe",
    )
    questions = [
        Question.create(
            survey=survey,
            position=n,
            kind=kind,
            prompt=prompt,
            hint=hint,
            options=json.dumps(options),
            scale=kinds.scale_named(options) if kind == "smiley" else "",
        )
        for n, (kind, prompt, hint, options) in enumerate(content["questions"], start=1)
    ]
    last_day = min(today, closes)
    span = max((last_day - opens).days, 1)
    for number, (label, count) in enumerate(LINKS[title]):
        link = SurveyLink.create(survey=survey, label=label, closed=status == "closed")
        for n in range(count):
            response = Response.create(
                survey=survey,
                link=link,
                submitted_on=opens + timedelta(days=rng.randrange(span)),
                age_band=band,
            )
            rows = [
                {"response": response, "question": q, "value": value}
                for q in questions
                for value in _answer(q, rng)
            ]
            if worrying and number == 0 and n == 7:
                rows = [r for r in rows if r["question"].kind != "anything_else"]
                rows.append({"response": response, "question": questions[-1], "value": WORRYING})
            Answer.insert_many(rows).execute()
            visits.flag_answers(response, {q.id: q for q in questions})
    return survey


def _answer(question, rng):
    """Plausible, varied answers; about one in ten questions skipped."""
    if rng.random() < 0.1:
        return []
    options = question.option_list
    if question.kind == "smiley":
        weights = [1, 2, 5] if len(options) == 3 else [1, 2, 4, 7, 6]
        return [str(rng.choices(range(1, len(options) + 1), weights=weights)[0])]
    if question.kind == "yes_no":
        return [rng.choices(["yes", "no", "not-sure"], weights=[7, 1, 2])[0]]
    if question.kind == "choose_one":
        return [rng.choice(options)]
    if question.kind == "choose_many":
        return [o for o in options if rng.random() < 0.4] or [options[0]]
    if rng.random() < 0.35:
        return [rng.choice(KIND_WORDS)]
    return []
