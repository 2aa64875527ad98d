"""What the results pages read: figures added up by SQLite, a bounded number of queries whatever the size."""
from peewee import JOIN, fn

from qa.surveys import kinds, results
from qa.surveys.models import Answer, Flag, Question, Response, SurveyLink

TEXTS_SHOWN = 200  # free-text answers listed per question on the page; the CSV has them all


def questions_of(survey):
    return list(Question.select().where(Question.survey == survey).order_by(Question.position, Question.id))


def _responses(survey, link_id=None, age_band=None):
    query = Response.select(Response.id).where(Response.survey == survey)
    if link_id:
        query = query.where(Response.link == link_id)
    if age_band:
        query = query.where(Response.age_band == age_band)
    return query


def results_for(survey, link_id=None, age_band=None):
    """(number of responses, per-question summary) for the survey, optionally one setting or age band.

    One pass adds up the chosen answers; a second, small one counts who answered the questions that
    allow several answers or free text. Unfiltered, the survey's own question ids select its answers.
    """
    questions = questions_of(survey)
    chosen = _responses(survey, link_id, age_band)
    responses = chosen.count()
    scope = (Answer.response.in_(chosen),) if (link_id or age_band) else ()
    choice_ids = [q.id for q in questions if q.kind not in kinds.FREE_TEXT]
    other_ids = [q.id for q in questions if q.kind == "choose_many" or q.kind in kinds.FREE_TEXT]
    counts = {}
    if choice_ids:
        counts = {(qid, value): n for qid, value, n in
                  Answer.select(Answer.question, Answer.value, fn.COUNT(Answer.id)).where(Answer.question.in_(choice_ids), *scope)
                  .group_by(Answer.question, Answer.value).tuples()}
    answered = {}
    for (qid, _), n in counts.items():
        answered[qid] = answered.get(qid, 0) + n  # one answer a response, except "choose several" (counted below)
    if other_ids:
        answered.update(Answer.select(Answer.question, fn.COUNT(Answer.response.distinct())).where(Answer.question.in_(other_ids), *scope)
                        .group_by(Answer.question).tuples())
    texts = {}
    # A flagged answer is shown only to the QA officer, in the flags, never in the listing or the board's PDF.
    unflagged = Answer.id.not_in(Flag.select(Flag.answer))
    for question in questions:
        if question.kind in kinds.FREE_TEXT:
            texts[question.id] = [value for (value,) in Answer.select(Answer.value).where(Answer.question == question.id, unflagged, *scope)
                                  .order_by(Answer.id.desc()).limit(TEXTS_SHOWN).tuples()]
    plain = [{"id": q.id, "kind": q.kind, "prompt": q.prompt, "options": q.option_list} for q in questions]
    return responses, results.summarise(plain, counts, answered, texts, responses)


def responses_by_setting(survey):
    rows = (SurveyLink.select(SurveyLink.label, fn.COUNT(Response.id)).join(Response, JOIN.LEFT_OUTER)
            .where(SurveyLink.survey == survey).group_by(SurveyLink.id).order_by(SurveyLink.label).tuples())
    return results.by_setting(list(rows))


def age_bands_of(survey):
    return [band for (band,) in Response.select(Response.age_band).where((Response.survey == survey) & (Response.age_band != ""))
            .distinct().order_by(Response.age_band).tuples()]


def flags_of(survey):
    """Flagged answers, those not yet reviewed first, with the question and the setting they came from."""
    return list(Flag.select(Flag, Answer, Question, Response, SurveyLink).join(Answer).join(Question)
                .switch(Answer).join(Response).join(SurveyLink, JOIN.LEFT_OUTER)
                .where(Response.survey == survey).order_by(Flag.reviewed, Flag.id.desc()))
