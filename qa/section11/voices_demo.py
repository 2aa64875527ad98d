"""Demo staff surveys for Northbrook.

This year's (open) and last year's (closed, same questions), answered by most agencies.

Two agencies' staff contradict their self-ratings, so the mismatch flag shows: the Constabulary
rates Supervision green in both cycles while most of its officers say they seldom get supervision
(the heatmap drill-down and its last challenge event), and Children's Services rates Training
green this cycle while few of its social workers say training changed their practice (its
challenge event in January).
"""

import json
import random
from datetime import date, timedelta

from peewee import JOIN

from qa.frameworks.models import Standard
from qa.people.models import Agency, Sector
from qa.surveys import builder, starter
from qa.surveys.models import Answer, Question, Response, Survey, SurveyLink

THIS_YEAR = "Working together to keep children safe: staff survey 2026"
LAST_YEAR = "Working together to keep children safe: staff survey 2025"
LINKS = ["Partnership newsletter", "Multi-agency training days", "Team meetings"]
# Fewer than five answered from these, so their figures stay hidden.
FEW = {
    "Bright Start Childminding Network": 3,
    "Kinship Carers Northbrook": 2,
    "Greenfields Scout District": 4,
    "St Michael's Church Youth Group": 1,
}
NONE = {"Northbrook Sports Partnership", "Northbrook Council Housing Options"}
# (agency, standard code): the share of its staff who answer that standard's questions positively.
CONTRADICT = {
    ("Northbrook Constabulary", "6"): 0.3,
    ("Northbrook Council Children's Services", "5"): 0.3,
}
ROLES = {
    "police": "police",
    "health": "health",
    "childrens-social-care": "social-care",
    "education": "education",
    "youth-justice": "youth",
    "voluntary": "youth",
    "early-years": "early-years",
}
ONE_THING = [
    "More time for supervision that is about the children, not just caseloads",
    "Feedback when I make a referral",
    "A single number for advice out of hours",
    "Joint training with schools and the police",
    "Less duplication of paperwork",
    "Knowing who the named lead is in each health team",
    "Shorter waits for early help",
    "Case review learning in ten-minute briefings",
    "Being invited to strategy meetings earlier",
    "Clear contacts for escalation in each agency",
]


def load(demo=None, today=None):
    """Create the demo staff surveys once; running again changes nothing. Deterministic: fixed
    seeds."""
    today = today or date.today()
    if Survey.select().where(Survey.title.in_([THIS_YEAR, LAST_YEAR])).exists():
        return
    agencies = list(
        Agency.select(Agency, Sector)
        .join(Sector)
        .where(Agency.active == True)
        .order_by(Agency.name)
    )
    last = _survey(LAST_YEAR, "closed", today - timedelta(days=410), today - timedelta(days=350))
    this = _copy(last, THIS_YEAR, "open", today - timedelta(days=50), today + timedelta(days=40))
    for survey, seed, span in ((last, 2025, 60), (this, 2026, 50)):
        _answer(survey, agencies, random.Random(seed), min(survey.closes_on, today), span)


def _survey(title, status, opens, closes):
    content = starter.STARTERS["staff"]
    standards = builder.section11_standards()
    survey = Survey.create(
        title=title,
        audience="staff",
        age_band="adult",
        status=status,
        opens_on=opens,
        closes_on=closes,
        introduction=content["introduction"],
        readers="The quality assurance sub-group of Northbrook Safeguarding Children Partnership",
    )
    for n, (kind, prompt, hint, options, code, positive) in enumerate(
        content["questions"], start=1
    ):
        Question.create(
            survey=survey,
            position=n,
            kind=kind,
            prompt=prompt,
            hint=hint,
            options=json.dumps(options),
            standard=standards.get(code),
            positive=json.dumps(positive),
        )
    return survey


def _copy(survey, title, status, opens, closes):
    """This year's survey with last year's questions and keys, as "Copy for next year" makes it."""
    copy = Survey.create(
        title=title,
        audience="staff",
        age_band="adult",
        status=status,
        opens_on=opens,
        closes_on=closes,
        introduction=survey.introduction,
        readers=survey.readers,
    )
    builder.copy_questions(survey, copy)
    return copy


def _answer(survey, agencies, rng, last_day, span):
    links = [
        SurveyLink.create(survey=survey, label=label, closed=survey.status == "closed")
        for label in LINKS
    ]
    questions = list(
        Question.select(Question, Standard)
        .join(Standard, JOIN.LEFT_OUTER)
        .where(Question.survey == survey)
        .order_by(Question.position)
    )
    codes = {q.id: q.standard.code if q.standard else None for q in questions}
    who = [(a, FEW.get(a.name, rng.randint(6, 18))) for a in agencies if a.name not in NONE]
    who += [(None, 5), (None, 4)]  # "another organisation", "prefer not to say"
    number = 0
    for agency, count in who:
        mood = rng.uniform(0.7, 0.92)
        for _ in range(count):
            number += 1
            role = (
                ROLES.get(agency.sector.slug, "other")
                if agency
                else rng.choice(["other", "not-said"])
            )
            response = Response.create(
                survey=survey,
                link=rng.choice(links),
                submitted_on=last_day - timedelta(days=rng.randrange(span)),
                age_band="adult",
                agency=agency,
                agency_answer="listed" if agency else ("other" if number % 2 else "not-said"),
                role_group="not-said" if rng.random() < 0.08 else role,
            )
            rows = []
            for q in questions:
                odds = CONTRADICT.get((agency.name if agency else "", codes[q.id]), mood)
                rows += [
                    {"response": response, "question": q, "value": value}
                    for value in _value(q, odds, rng)
                ]
            Answer.insert_many(rows).execute()


def _value(question, odds, rng):
    """A positive answer with probability `odds`; about one question in twelve skipped."""
    if rng.random() < 0.08:
        return []
    options, good = question.option_list, rng.random() < odds
    if question.kind == "yes_no":
        return ["yes"] if good else [rng.choice(["no", "not-sure"])]
    if question.kind == "smiley":
        return [str(rng.choice([4, 5]) if good else rng.choice([1, 2, 3]))]
    if question.kind == "choose_one":
        positive = question.positive_list
        return [rng.choice(positive if good else [o for o in options if o not in positive])]
    return [rng.choice(ONE_THING)] if rng.random() < 0.4 else []
