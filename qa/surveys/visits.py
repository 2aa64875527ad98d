"""A visit to /s/<code>: a random key in the visitor's session, a draft of the answers.

One response at the end.
"""

import hashlib
import json
import random
import secrets
import time
from datetime import date, datetime, timedelta

from peewee import IntegrityError, OperationalError, Value

from qa.db import Prepared, db
from qa.ids import parse_id
from qa.people.models import Agency, Sector
from qa.surveys import easy_read, flags, rules
from qa.surveys.kinds import FREE_TEXT
from qa.surveys.models import (
    Answer,
    Flag,
    NotUnderstood,
    Question,
    Response,
    SafeguardingTerm,
    SentVisit,
    Survey,
    SurveyDraft,
    SurveyLink,
    this_hour,
)

RETRIES = 6
DRAFT_LIFETIME = timedelta(days=1)


def retry_locked(action, *args, **kwargs):
    """Run a write, trying again a few times if SQLite is still locked after busy_timeout.

    busy_timeout and IMMEDIATE transactions already queue writers; this covers the rare case that a
    burst outlasts them, so "database is locked" never reaches a child.
    """
    for attempt in range(RETRIES):
        try:
            return action(*args, **kwargs)
        except OperationalError as error:
            message = str(error).lower()
            if ("locked" not in message and "busy" not in message) or attempt == RETRIES - 1:
                raise
            if not db.in_transaction():
                time.sleep(0.05 * (2**attempt) * (1 + random.random()))


# Every screen of a visit runs these; their SQL is written once (see qa.db.Prepared).
_LINK = Prepared(lambda code: SurveyLink.select().where(SurveyLink.code == code))
_SURVEY = Prepared(lambda survey_id: Survey.select().where(Survey.id == survey_id))
_QUESTIONS = Prepared(
    lambda survey_id: (
        Question.select()
        .where(Question.survey == survey_id)
        .order_by(Question.position, Question.id)
    )
)
_DRAFT = Prepared(lambda key: SurveyDraft.select().where(SurveyDraft.visit_key == key))
_KINDS = Prepared(
    lambda survey_id: Question.select(Question.id, Question.kind).where(
        Question.survey == survey_id
    )
)
_PHRASES = Prepared(
    lambda: SafeguardingTerm.select(SafeguardingTerm.phrase).order_by(SafeguardingTerm.id), arity=0
)
_RESPONSE_FIELDS = (
    Response.survey,
    Response.link,
    Response.submitted_on,
    Response.age_band,
    Response.agency,
    Response.agency_answer,
    Response.role_group,
    Response.language,
    Response.paper,
)
_NEW_RESPONSE = Prepared(
    # paper is bound as 0 or 1 as it is (a BooleanField would turn the placeholder into True)
    lambda *values: Response.insert(
        {
            field: Value(value, converter=False) if field is Response.paper else value
            for field, value in zip(_RESPONSE_FIELDS, values, strict=True)
        }
    ),
    arity=len(_RESPONSE_FIELDS),
)
_NEW_ANSWER = Prepared(
    lambda response, question, value: Answer.insert(
        response=response, question=question, value=value
    ),
    arity=3,
)
_NOT_UNDERSTOOD = Prepared(
    lambda response, question: NotUnderstood.insert(response=response, question=question),
    arity=2,
)
_DROP_DRAFT = Prepared(lambda key: SurveyDraft.delete().where(SurveyDraft.visit_key == key))
_SENT = Prepared(lambda key_hash, hour: SentVisit.insert(key_hash=key_hash, sent_at=hour), arity=2)


def find_link(code):
    """The link and its survey for a code, or None (a junk code never reaches the database)."""
    if not rules.looks_like_code(code):
        return None
    link = _LINK.first(SurveyLink, code)
    if link is not None:
        link.survey = _SURVEY.first(Survey, link.survey_id)
    return link


def why_closed(link, today=None):
    """None when the link takes answers; else "closed" or "not-yet" for the kind message."""
    today = today or date.today()
    survey = link.survey
    if survey.accepting(today) and not link.closed:
        return None
    if link.closed and survey.status == "open":
        return "closed"
    return rules.why_not_accepting(survey.status, survey.opens_on, survey.closes_on, today)


def questions_of(survey):
    return _QUESTIONS.rows(Question, survey.id)


def new_visit_key():
    return secrets.token_urlsafe(24)


def draft_of(visit_key):
    """(answers {question id str: [values]}, age band) of a visit; empty when nothing is saved
    yet."""
    draft = _DRAFT.first(SurveyDraft, visit_key) if visit_key else None
    return (json.loads(draft.answers), draft.age_band) if draft else ({}, "")


def about_of(visit_key):
    """What a staff visit chose on the "about your work" screen: {"agency", "agency_answer",
    "role_group"} or {}."""
    draft = _DRAFT.first(SurveyDraft, visit_key) if visit_key else None
    return json.loads(draft.about) if draft else {}


def agency_choices():
    """[(sector name, [(agency id, name)])] of active agencies, for the staff survey's list."""
    groups = {}
    for agency_id, name, sector in (
        Agency.select(Agency.id, Agency.name, Sector.name)
        .join(Sector)
        .where(Agency.active == True)
        .order_by(Sector.name, Agency.name)
        .tuples()
    ):
        groups.setdefault(sector, []).append((agency_id, name))
    return list(groups.items())


def _save(link, visit_key, question_id=None, values=None, age_band=None, about=None):
    with db.atomic("IMMEDIATE"):
        draft = SurveyDraft.get_or_none(SurveyDraft.visit_key == visit_key)
        answers = json.loads(draft.answers) if draft else {}
        if question_id is not None:
            answers[str(question_id)] = values
        data = {"answers": json.dumps(answers), "updated_at": this_hour()}
        if age_band is not None:
            data["age_band"] = age_band
        if about is not None:
            data["about"] = json.dumps(about)
        if draft:
            SurveyDraft.update(**data).where(SurveyDraft.id == draft.id).execute()
        else:
            SurveyDraft.create(visit_key=visit_key, link=link, **data)


def save_answer(link, visit_key, question, values):
    retry_locked(_save, link, visit_key, question.id, values)


def save_age_band(link, visit_key, age_band):
    retry_locked(_save, link, visit_key, age_band=age_band)


def save_about(link, visit_key, about):
    retry_locked(_save, link, visit_key, about=about)


def _forget(visit_key):
    with db.atomic("IMMEDIATE"):
        _DROP_DRAFT.execute(visit_key)


def forget_draft(visit_key):
    """Drop the answers kept for a visit that is not going to be sent ("Start again with no
    answers", Quick exit): nothing is left to pick up again."""
    retry_locked(_forget, visit_key)


def _prepare(link, visit_key):
    """Everything a submission needs, read and checked before the write lock is taken."""
    answers, age_band = draft_of(visit_key)
    questions = dict(_KINDS.execute(link.survey_id).fetchall())
    rows = [
        (qid, value)
        for key, values in answers.items()
        if (qid := parse_id(key)) in questions
        for value in values
    ]
    rows, puzzled = easy_read.split(rows)
    free = [(qid, value) for qid, value in rows if questions[qid] in FREE_TEXT]
    phrases = [phrase for (phrase,) in _PHRASES.execute()] if free else []
    flagged = {
        (qid, value): found for qid, value in free if (found := flags.describe(value, phrases))
    }
    survey = link.survey
    fields = {"age_band": age_band if survey.age_band == "8-17" else survey.age_band}
    if survey.for_staff:
        about = about_of(visit_key)
        if about.get("agency") and not Agency.select().where(Agency.id == about["agency"]).exists():
            # removed since it was chosen
            about = {**about, "agency": None, "agency_answer": "not-said"}
        fields.update(
            agency=about.get("agency"),
            agency_answer=about.get("agency_answer", "not-said"),
            role_group=about.get("role_group", "not-said"),
        )
    fields["not_understood"] = puzzled
    return rows, flagged, fields


def sent_hash(visit_key):
    """What SentVisit keeps of a sent visit's key: a one-way hash, never the key itself."""
    return hashlib.sha256(f"sent-visit:{visit_key}".encode()).hexdigest()


def _submit(link, visit_key, today, language="", paper=False):
    rows, flagged, fields = _prepare(link, visit_key)
    values = (
        link.survey_id,
        link.id,
        today.isoformat(),
        fields["age_band"],
        fields.get("agency"),
        fields.get("agency_answer", ""),
        fields.get("role_group", ""),
        language,
        int(bool(paper)),
    )
    # The write lock is held only to run statements written beforehand: a hall full of children
    # queues briefly.
    with db.atomic("IMMEDIATE"):
        _SENT.execute(sent_hash(visit_key), this_hour().isoformat(sep=" "))
        response_id = _NEW_RESPONSE.execute(*values).lastrowid
        db.cursor().executemany(
            _NEW_ANSWER.sql(),
            [(response_id, qid, value) for qid, value in rows if (qid, value) not in flagged],
        )
        db.cursor().executemany(
            _NOT_UNDERSTOOD.sql(), [(response_id, qid) for qid in fields["not_understood"]]
        )
        for (qid, value), phrases in flagged.items():
            Flag.create(
                answer=_NEW_ANSWER.execute(response_id, qid, value).lastrowid, phrases=phrases
            )
        _DROP_DRAFT.execute(visit_key)
    response = Response(
        id=response_id,
        **{field.name: value for field, value in zip(_RESPONSE_FIELDS, values, strict=True)},
    )
    response.flagged = len(flagged)  # how many of its answers were flagged
    return response, True


def flag_answers(response, questions):
    """Flag the worrying free-text answers of a response made outside a visit (the demo data)."""
    free_text = [q.id for q in questions.values() if q.kind in FREE_TEXT]
    if not free_text:
        return
    phrases = [term.phrase for term in SafeguardingTerm.select().order_by(SafeguardingTerm.id)]
    found = []
    for answer in Answer.select().where(
        (Answer.response == response) & (Answer.question.in_(free_text))
    ):
        matched = flags.describe(answer.value, phrases)
        if matched:
            found.append({"answer": answer, "phrases": matched})
    if found:
        Flag.insert_many(found).execute()


def submit(link, visit_key, today=None, language="", paper=False):
    """Turn the visit's draft into one Response; a second submit of the same visit makes none.

    Returns (response, created): (None, False) for a second submit. The response keeps nothing of
    the visit key (it keeps the `language` the child chose, "" for English). The key's hash goes,
    in the same transaction, into SentVisit, unique and with no link to the response, so even two
    submissions racing in different workers make one response; purge_drafts forgets it within a
    day. `paper`: typed in from a paper form (the response says so, never by whom).
    """
    try:
        return retry_locked(_submit, link, visit_key, today or date.today(), language, paper)
    except IntegrityError:
        return None, False


def purge_drafts(now=None):
    """Delete drafts of visits abandoned more than a day ago, and the hashes of visits sent more
    than a day ago; returns how many drafts."""
    cutoff = (now or datetime.now()) - DRAFT_LIFETIME
    with db.atomic("IMMEDIATE"):
        SentVisit.delete().where(SentVisit.sent_at < cutoff).execute()
        return SurveyDraft.delete().where(SurveyDraft.updated_at < cutoff).execute()
