"""What the results pages read.

Figures added up by SQLite, a bounded number of queries whatever the size.
"""

from peewee import JOIN, fn

from qa.frameworks.models import Standard
from qa.people.models import Agency, Sector
from qa.surveys import easy_read, kinds, languages, results, staff
from qa.surveys.models import (
    Answer,
    ContactRequest,
    Flag,
    NotUnderstood,
    Question,
    Response,
    SafeguardingTerm,
    Survey,
    SurveyBurst,
    SurveyLink,
    YouSaidWeDid,
)

TEXTS_SHOWN = 200  # free-text answers listed per question on the page; the CSV has them all


def questions_of(survey):
    return list(
        Question.select().where(Question.survey == survey).order_by(Question.position, Question.id)
    )


def surveys_with_counts():
    """Every survey, newest first, each with its `response_count` (one query)."""
    responses = fn.COUNT(Response.id.distinct())
    return (
        Survey.select(Survey, responses.alias("response_count"))
        .join(Response, JOIN.LEFT_OUTER)
        .group_by(Survey.id)
        .order_by(Survey.created_at.desc())
    )


def questions_with_standards(survey):
    """The survey's questions in order, each with the standard it informs (one query)."""
    return list(
        Question.select(Question, Standard)
        .join(Standard, JOIN.LEFT_OUTER)
        .where(Question.survey == survey)
        .order_by(Question.position, Question.id)
    )


def link_count(survey):
    return SurveyLink.select().where(SurveyLink.survey == survey).count()


def response_count(survey):
    return Response.select().where(Response.survey == survey).count()


def links_of(survey, by_label=False):
    """The survey's links, in the order they were made (or by label)."""
    order = SurveyLink.label if by_label else SurveyLink.created_at
    return list(SurveyLink.select().where(SurveyLink.survey == survey).order_by(order))


def links_with_surveys():
    """Links, each with its survey: for get_object_or_404."""
    return SurveyLink.select(SurveyLink, Survey).join(Survey)


def contact_requests_with_surveys():
    """Contact requests, each with its survey: for get_object_or_404."""
    return ContactRequest.select(ContactRequest, Survey).join(Survey)


def contact_count(survey):
    return ContactRequest.select().where(ContactRequest.survey == survey).count()


def statements_of(survey):
    """The survey's "you said, we did" statements, published or not, oldest first."""
    return list(survey.statements.order_by(YouSaidWeDid.created_at))


def safeguarding_terms():
    return SafeguardingTerm.select().order_by(SafeguardingTerm.phrase)


def _responses(
    survey, link_id=None, age_band=None, agency_id=None, sector_id=None, role_group=None
):
    query = Response.select(Response.id).where(Response.survey == survey)
    if link_id:
        query = query.where(Response.link == link_id)
    if age_band:
        query = query.where(Response.age_band == age_band)
    if agency_id:
        query = query.where(Response.agency == agency_id)
    if sector_id:
        query = query.where(
            Response.agency.in_(Agency.select(Agency.id).where(Agency.sector == sector_id))
        )
    if role_group:
        query = query.where(Response.role_group == role_group)
    return query


def results_for(
    survey, link_id=None, age_band=None, agency_id=None, sector_id=None, role_group=None
):
    """(number of responses, per-question summary) for the survey, optionally one setting, age band,
    agency, sector or role.

    One pass adds up the chosen answers; a second, small one counts who answered the questions that
    allow several answers or free text. Unfiltered, the survey's own question ids select its
    answers.
    """
    questions = questions_of(survey)
    filtered = any((link_id, age_band, agency_id, sector_id, role_group))
    chosen = _responses(survey, link_id, age_band, agency_id, sector_id, role_group)
    responses = chosen.count()
    scope = (Answer.response.in_(chosen),) if filtered else ()
    choice_ids = [q.id for q in questions if q.kind not in kinds.FREE_TEXT]
    other_ids = [q.id for q in questions if q.kind == "choose_many" or q.kind in kinds.FREE_TEXT]
    counts = {}
    if choice_ids:
        counts = {
            (qid, value): n
            for qid, value, n in Answer.select(Answer.question, Answer.value, fn.COUNT(Answer.id))
            .where(Answer.question.in_(choice_ids), *scope)
            .group_by(Answer.question, Answer.value)
            .tuples()
        }
    answered = {}
    for (qid, _), n in counts.items():
        # one answer a response, except "choose several" (counted below)
        answered[qid] = answered.get(qid, 0) + n
    if other_ids:
        answered.update(
            Answer.select(Answer.question, fn.COUNT(Answer.response.distinct()))
            .where(Answer.question.in_(other_ids), *scope)
            .group_by(Answer.question)
            .tuples()
        )
    texts = {}
    # A flagged answer is shown only to the QA officer, in the flags, never in the listing or the
    # board's PDF.
    unflagged = Answer.id.not_in(Flag.select(Flag.answer))
    for question in questions:
        if question.kind in kinds.FREE_TEXT:
            texts[question.id] = [
                value
                for (value,) in Answer.select(Answer.value)
                .where(Answer.question == question.id, unflagged, *scope)
                .order_by(Answer.id.desc())
                .limit(TEXTS_SHOWN)
                .tuples()
            ]
    plain = [
        {"id": q.id, "key": q.key, "kind": q.kind, "prompt": q.prompt, "options": q.option_list}
        for q in questions
    ]
    summary = results.summarise(plain, counts, answered, texts, responses)
    if survey.easy_read:
        summary = easy_read.add_counts(summary, not_understood(questions, chosen, filtered))
    return responses, summary


def not_understood(questions, chosen, filtered):
    """{question id: responses that said "I don't understand"} among the `chosen` responses."""
    scope = (NotUnderstood.response.in_(chosen),) if filtered else ()
    return dict(
        NotUnderstood.select(NotUnderstood.question, fn.COUNT(NotUnderstood.id))
        .where(NotUnderstood.question.in_([q.id for q in questions]), *scope)
        .group_by(NotUnderstood.question)
        .tuples()
    )


def responses_by_setting(survey):
    rows = (
        SurveyLink.select(SurveyLink.label, fn.COUNT(Response.id))
        .join(Response, JOIN.LEFT_OUTER)
        .where(SurveyLink.survey == survey)
        .group_by(SurveyLink.id)
        .order_by(SurveyLink.label)
        .tuples()
    )
    return results.by_setting(list(rows))


def age_bands_of(survey):
    return [
        band
        for (band,) in Response.select(Response.age_band)
        .where((Response.survey == survey) & (Response.age_band != ""))
        .distinct()
        .order_by(Response.age_band)
        .tuples()
    ]


def flags_of(survey):
    """Flagged answers, those not yet reviewed first, with the question and the setting they came
    from."""
    return list(
        Flag.select(Flag, Answer, Question, Response, SurveyLink)
        .join(Answer)
        .join(Question)
        .switch(Answer)
        .join(Response)
        .join(SurveyLink, JOIN.LEFT_OUTER)
        .where(Response.survey == survey)
        .order_by(Flag.reviewed, Flag.id.desc())
    )


def responses_by_agency(survey):
    """[(agency or "Another organisation"/"Prefer not to say", count or None)]: fewer than 5 shows
    "fewer than 5"."""
    rows = (
        Response.select(Agency.name, Response.agency_answer, fn.COUNT(Response.id))
        .join(Agency, JOIN.LEFT_OUTER, on=(Response.agency == Agency.id))
        .where(Response.survey == survey)
        .group_by(Agency.name, Response.agency_answer)
        .tuples()
    )
    # Listed agencies by name, then "another organisation", then "prefer not to say".
    order = {"listed": 0, "other": 1, "not-said": 2}
    rows = sorted(rows, key=lambda row: (order.get(row[1], 3), row[0] or ""))
    return results.by_setting(
        [(staff.agency_label(name, answer) or "Not asked", count) for name, answer, count in rows]
    )


def responses_by_sector(survey):
    rows = (
        Response.select(Sector.name, fn.COUNT(Response.id))
        .join(Agency, on=(Response.agency == Agency.id))
        .join(Sector)
        .where(Response.survey == survey)
        .group_by(Sector.name)
        .order_by(Sector.name)
        .tuples()
    )
    return results.by_setting(list(rows))


def responses_by_role(survey):
    counts = dict(
        Response.select(Response.role_group, fn.COUNT(Response.id))
        .where(Response.survey == survey)
        .group_by(Response.role_group)
        .tuples()
    )
    return results.by_setting(
        [(label, counts[key]) for key, label in staff.ROLE_GROUPS.items() if key in counts]
    )


def staff_filters(survey):
    """The agencies and sectors that answered a staff survey, for its results filters (two
    queries)."""
    agencies = list(
        Agency.select(Agency.id, Agency.name)
        .where(Agency.id.in_(Response.select(Response.agency).where(Response.survey == survey)))
        .order_by(Agency.name)
        .tuples()
    )
    answered = Agency.select(Agency.sector).where(
        Agency.id.in_(Response.select(Response.agency).where(Response.survey == survey))
    )
    sectors = list(
        Sector.select(Sector.id, Sector.name)
        .where(Sector.id.in_(answered))
        .order_by(Sector.name)
        .tuples()
    )
    return agencies, sectors


def previous_survey(survey):
    """The latest earlier survey for the same audience that shares questions with this one (copied:
    same keys), or None."""
    keys = Question.select(Question.key).where(Question.survey == survey)
    starts = fn.COALESCE(Survey.opens_on, fn.DATE(Survey.created_at))
    earlier = starts < (survey.opens_on or survey.created_at.date())
    return (
        Survey.select()
        .join(Question)
        .where(
            (Survey.id != survey.id)
            & (Survey.audience == survey.audience)
            & (Survey.status != "draft")
            & Question.key.in_(keys)
            & earlier
        )
        .order_by(starts.desc())
        .first()
    )


def last_year(survey, summary, agency_id=None, sector_id=None, role_group=None):
    """The previous survey and this summary with last year's figures beside each answer, matched by
    question key."""
    before = previous_survey(survey)
    if before is None:
        return None, summary
    _, then = results_for(before, agency_id=agency_id, sector_id=sector_id, role_group=role_group)
    return before, results.compare(summary, then)


def group_label(agency_id=None, sector_id=None, role_group=None):
    """ "Northbrook Constabulary · Police officer or police staff": the group a filtered summary is
    about."""
    parts = [
        Agency.get_or_none(Agency.id == agency_id) if agency_id else None,
        Sector.get_or_none(Sector.id == sector_id) if sector_id else None,
    ]
    return " · ".join(
        [str(part) for part in parts if part]
        + ([staff.ROLE_GROUPS[role_group]] if role_group else [])
    )


def bursts_of(survey):
    """The survey's bursts not yet discarded, each with its link and `sent`: how many of its
    responses are still kept."""
    sent = (
        Response.select(fn.COUNT(Response.id))
        .where(
            (Response.link == SurveyBurst.link)
            & Response.id.between(SurveyBurst.first_response, SurveyBurst.last_response)
        )
        .alias("sent")
    )
    return list(
        SurveyBurst.select(SurveyBurst, SurveyLink, sent)
        .join(SurveyLink)
        .where((SurveyLink.survey == survey) & ~SurveyBurst.discarded)
        .order_by(SurveyBurst.on.desc(), SurveyLink.label)
    )


def responses_by_language(survey):
    """[(language, responses)] when every language has 5 or more (languages.counts_shown)."""
    counts = dict(
        Response.select(Response.language, fn.COUNT(Response.id))
        .where(Response.survey == survey)
        .group_by(Response.language)
        .tuples()
    )
    return languages.counts_shown(counts)
