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


def paper_count(survey):
    """How many of the survey's responses were typed in from paper forms."""
    return Response.select().where((Response.survey == survey) & Response.paper).count()


def contact_count(survey):
    return ContactRequest.select().where(ContactRequest.survey == survey).count()


def statements_of(survey):
    """The survey's "you said, we did" statements, published or not, oldest first."""
    return list(survey.statements.order_by(YouSaidWeDid.created_at))


def safeguarding_terms():
    return SafeguardingTerm.select().order_by(SafeguardingTerm.phrase)


def figures_of(survey, questions=None):
    """Every count of the survey by its smallest groups (setting and age band; setting, agency and
    role for staff), for `results.protected`: five queries whatever the size (four with the
    survey's `questions`)."""
    staff_survey = survey.for_staff
    about = (
        (Response.link, Response.agency, Response.agency_answer, Response.role_group)
        if staff_survey
        else (Response.link, Response.age_band)
    )

    def key(row):
        if staff_survey:
            link, agency, answer, role = row
            return (link or 0, ("agency", agency) if agency else ("answer", answer), role)
        link, band = row
        return (link or 0, band)

    responses = {}
    for *row, n in (
        Response.select(*about, fn.COUNT(Response.id))
        .where(Response.survey == survey)
        .group_by(*about)
        .tuples()
    ):
        responses[key(row)] = responses.get(key(row), 0) + n
    links = {link.id for link in links_of(survey)} | {atom[0] for atom in responses}
    width = 3 if staff_survey else 2
    dims = [sorted(links)] + [
        sorted({atom[d] for atom in responses}, key=repr) for d in range(1, width)
    ]
    trees = [{} for _ in dims]
    if staff_survey:
        agencies = [node[1] for node in dims[1] if node[0] == "agency"]
        trees[1] = {
            ("agency", agency): ("sector", sector)
            for agency, sector in Agency.select(Agency.id, Agency.sector)
            .where(Agency.id.in_(agencies))
            .tuples()
        }
    figures = results.Figures(dims, trees, responses)
    answers = (
        Answer.select(Answer.question, Answer.value, *about, fn.COUNT(Answer.id))
        .join(Response)
        .where(Response.survey == survey)
        .group_by(Answer.question, Answer.value, *about)
        .tuples()
    )
    questions = questions_of(survey) if questions is None else questions
    many = {q.id for q in questions if q.kind == "choose_many"}
    for qid, value, *row, n in answers:
        into = figures.picked if qid in many else figures.counts
        into[(qid, value, key(row))] = into.get((qid, value, key(row)), 0) + n
    for qid, *row, n in (
        Answer.select(Answer.question, *about, fn.COUNT(Answer.response.distinct()))
        .join(Response)
        .join_from(Answer, Question)
        .where(
            (Response.survey == survey)
            & ((Question.kind == "choose_many") | Question.kind.in_(tuple(kinds.FREE_TEXT)))
        )
        .group_by(Answer.question, *about)
        .tuples()
    ):
        figures.answered[(qid, key(row))] = figures.answered.get((qid, key(row)), 0) + n
    return figures


def group_of(figures, link_id=None, age_band=None, agency_id=None, sector_id=None, role_group=None):
    """The group of `figures` a filter chooses: a tuple with a leaf, a node or None (all) for each
    dimension; one that matches no response when the agency is not in the sector."""
    if len(figures.dims) == 2:
        return (link_id or None, age_band or None)
    node = ("agency", agency_id) if agency_id else None
    if sector_id:
        wanted = ("sector", sector_id)
        node = (
            wanted if node is None else (node if figures.trees[1].get(node) == wanted else "none")
        )
    return (link_id or None, node, role_group or None)


def results_for(
    survey,
    link_id=None,
    age_band=None,
    agency_id=None,
    sector_id=None,
    role_group=None,
    figures=None,
):
    """(number of responses or None when hidden, per-question summary) for the survey, optionally
    one setting, age band, agency, sector or role.

    Every figure is protected across all the survey's groups at once (`results.protected`), so
    switching filters never gives back a hidden figure. Written answers listed are those of the
    group, newest first.
    """
    questions = questions_of(survey)
    figures = figures or figures_of(survey, questions)
    chosen = _responses(survey, link_id, age_band, agency_id, sector_id, role_group)
    filtered = any((link_id, age_band, agency_id, sector_id, role_group))
    scope = (Answer.response.in_(chosen),) if filtered else ()
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
    group = group_of(figures, link_id, age_band, agency_id, sector_id, role_group)
    responses, summary = results.protected(plain, figures, group, texts)
    if survey.easy_read:
        summary = easy_read.add_counts(summary, not_understood(questions, chosen, filtered))
    return responses, summary


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


def not_understood(questions, chosen, filtered):
    """{question id: responses that said "I don't understand"} among the `chosen` responses."""
    scope = (NotUnderstood.response.in_(chosen),) if filtered else ()
    return dict(
        NotUnderstood.select(NotUnderstood.question, fn.COUNT(NotUnderstood.id))
        .where(NotUnderstood.question.in_([q.id for q in questions]), *scope)
        .group_by(NotUnderstood.question)
        .tuples()
    )


def responses_by_setting(survey, figures=None):
    """[(setting, responses or None when hidden)], every link of the survey by label."""
    figures = figures or figures_of(survey)
    labels = [(link.id, link.label) for link in links_of(survey, by_label=True)]
    return results.counts_by(figures, figures.people(), 0, labels)


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


def responses_by_agency(survey, figures=None):
    """[(agency or "Another organisation"/"Prefer not to say", count or None)], protected with
    every other figure of the survey."""
    figures = figures or figures_of(survey)
    names = dict(
        Agency.select(Agency.id, Agency.name)
        .where(Agency.id.in_([n[1] for n in figures.dims[1] if n[0] == "agency"]))
        .tuples()
    )
    # Listed agencies by name, then "another organisation", then "prefer not to say".
    order = {"listed": 0, "other": 1, "not-said": 2}

    def label(node):
        kind, value = node
        if kind == "agency":
            return staff.agency_label(names.get(value), "listed") or "Not asked"
        return staff.agency_label(None, value) or "Not asked"

    def place(node):
        answer = "listed" if node[0] == "agency" else node[1]
        return (order.get(answer, 3), label(node))

    labels = [(node, label(node)) for node in sorted(figures.dims[1], key=place)]
    return results.counts_by(figures, figures.people(), 1, labels)


def responses_by_sector(survey, figures=None):
    figures = figures or figures_of(survey)
    sectors = {node[1] for node in figures.trees[1].values()}
    labels = [
        (("sector", sector_id), name)
        for sector_id, name in Sector.select(Sector.id, Sector.name)
        .where(Sector.id.in_(list(sectors)))
        .order_by(Sector.name)
        .tuples()
    ]
    return results.counts_by(figures, figures.people(), 1, labels)


def responses_by_role(survey, figures=None):
    figures = figures or figures_of(survey)
    labels = [(key, label) for key, label in staff.ROLE_GROUPS.items() if key in figures.dims[2]]
    return results.counts_by(figures, figures.people(), 2, labels)


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
