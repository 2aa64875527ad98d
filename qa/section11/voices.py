"""What each agency's own staff said on the questions linked to each standard, in a cycle.

A fixed handful of queries. A staff answer counts for a cycle when its response was sent between
the cycle's first and last day, and for an agency when the practitioner chose that agency.
Questions asked in several surveys (copies keep their key) are added together. The interface other
features use:

- staff_voices(agency_ids, cycle) -> {(agency id, standard id): Voice}, the raw counts;
- beside(cycle, {agency id: {standard id: rag}}) -> {(agency id, standard id): Beside}, judged;
- for_rating(rating), for_event(event): one agency's Besides for its rating page and challenge
  event; for_reports(reports): the same for challenge reports;
- mismatches(cycle): every flagged Beside in the cycle, for reports to the board;
- staff_survey_page(agency, wanted): what an agency lead's staff survey page shows.
"""

from dataclasses import dataclass, field

from peewee import Case, fn

from qa.cycles.models import Cycle
from qa.frameworks.models import Standard
from qa.people.models import Agency
from qa.section11 import mismatch, queries
from qa.section11.models import Rating, Return
from qa.surveys import kinds
from qa.surveys import queries as surveys
from qa.surveys.models import Answer, Question, Response, Survey, SurveySettings


@dataclass
class Line:
    """One linked question: how many of the agency's staff answered it, and how many positively."""

    prompt: str
    key: str = ""
    positive: int = 0
    answered: int = 0

    @property
    def share(self):
        return mismatch.line_share(self.positive, self.answered)


@dataclass
class Voice:
    agency_id: int
    standard_id: int
    topic: str  # the standard's title
    code: str = ""
    lines: list = field(default_factory=list)
    respondents: int = 0

    @property
    def positive(self):
        return sum(line.positive for line in self.lines)

    @property
    def answered(self):
        return sum(line.answered for line in self.lines)


@dataclass
class Beside:
    """A self-rating with what the agency's staff said on the same standard, and the verdict."""

    rag: str
    voice: Voice
    verdict: mismatch.Verdict

    @property
    def flagged(self):
        return self.verdict.flagged


def _in_cycle(cycle):
    return Response.submitted_on.between(cycle.starts, cycle.ends)


def _linked_questions(cycle):
    """Staff questions linked to a standard, from surveys answered during the cycle."""
    answered = Response.select(Response.survey).where(_in_cycle(cycle))
    return list(
        Question.select(
            Question.id,
            Question.key,
            Question.kind,
            Question.prompt,
            Question.options,
            Question.positive,
            Question.standard,
            Standard.title.alias("topic"),
            Standard.code.alias("code"),
        )
        .join(Survey, on=(Question.survey == Survey.id))
        .switch(Question)
        .join(Standard, on=(Question.standard == Standard.id))
        .where(
            (Survey.audience == "staff")
            & Question.standard.is_null(False)
            & Survey.id.in_(answered)
        )
        .order_by(Standard.position, Question.position)
        .objects()
    )


def staff_voices(agency_ids, cycle):
    """{(agency id, standard id): Voice} for the agencies in the cycle: three queries, whatever the
    number of agencies."""
    agency_ids = list(agency_ids)
    if cycle is None or not agency_ids:
        return {}
    questions = [q for q in _linked_questions(cycle) if q.kind in kinds.TAGGABLE]
    if not questions:
        return {}
    positive = None
    for q in questions:
        values = kinds.positive_values(q.kind, q.option_list, q.positive_list)
        if values:
            test = (Answer.question == q.id) & Answer.value.in_(sorted(values))
            positive = test if positive is None else (positive | test)
    positive_response = (
        Case(None, [(positive, Answer.response)], None) if positive is not None else None
    )
    ids = [q.id for q in questions]
    scope = Answer.question.in_(ids) & Response.agency.in_(agency_ids) & _in_cycle(cycle)
    columns = [Response.agency, Answer.question, fn.COUNT(Answer.response.distinct())]
    columns.append(
        fn.COUNT(positive_response.distinct()) if positive_response is not None else fn.SUM(0)
    )
    counts = (
        Answer.select(*columns)
        .join(Response)
        .where(scope)
        .group_by(Response.agency, Answer.question)
        .tuples()
    )
    people = {
        (agency, standard): n
        for agency, standard, n in Answer.select(
            Response.agency, Question.standard, fn.COUNT(Answer.response.distinct())
        )
        .join(Response)
        .switch(Answer)
        .join(Question)
        .where(scope)
        .group_by(Response.agency, Question.standard)
        .tuples()
    }
    by_id = {q.id: q for q in questions}
    found = {}
    for agency_id, question_id, answered, good in counts:
        q = by_id[question_id]
        voice = found.setdefault(
            (agency_id, q.standard_id),
            Voice(
                agency_id,
                q.standard_id,
                q.topic,
                q.code,
                respondents=people.get((agency_id, q.standard_id), 0),
            ),
        )
        line = _line_for(voice, q)
        line.positive += int(good or 0)
        line.answered += answered
    order = {q.key: i for i, q in reversed(list(enumerate(questions)))}
    for voice in found.values():
        voice.lines.sort(key=lambda line: order[line.key])
    return found


def _line_for(voice, question):
    """The voice's line for this question; copies of one question (same key) share a line."""
    for line in voice.lines:
        if line.key == question.key:
            return line
    voice.lines.append(Line(question.prompt, question.key))
    return voice.lines[-1]


def beside(cycle, rags_by_agency, whose="its"):
    """{(agency id, standard id): Beside} for every rating given that its agency's staff spoke
    to."""
    percent = SurveySettings.current().mismatch_percent
    voices = staff_voices(rags_by_agency.keys(), cycle)
    found = {}
    for (agency_id, standard_id), voice in voices.items():
        rags = rags_by_agency.get(agency_id, {})
        if standard_id in rags:
            rag = rags[standard_id]
            verdict = mismatch.judge(
                rag,
                voice.positive,
                voice.answered,
                voice.respondents,
                voice.topic.lower(),
                percent,
                whose=whose,
            )
            found[(agency_id, standard_id)] = Beside(rag, voice, verdict)
    return found


def for_rating(rating):
    """The Beside for one rating (its return, cycle and standard loaded), or None."""
    ret = rating.return_
    return beside(ret.cycle, {ret.agency_id: {rating.standard_id: rating.rag}}).get(
        (ret.agency_id, rating.standard_id)
    )


def for_event(event):
    """{standard id: Beside} for a challenge event: the agency's own ratings for the event's
    cycle."""
    rags = dict(
        Rating.select(Rating.standard, Rating.rag)
        .join(Return)
        .where((Return.agency == event.agency_id) & (Return.cycle == event.cycle_id))
        .tuples()
    )
    return {
        standard_id: b
        for (_, standard_id), b in beside(event.cycle, {event.agency_id: rags}).items()
    }


def mismatches(cycle):
    """[(agency name, standard title, Beside)] of every flagged rating in the cycle, by agency and
    standard."""
    rags = {}
    for agency_id, standard_id, rag in (
        Rating.select(Return.agency, Rating.standard, Rating.rag)
        .join(Return)
        .where((Return.cycle == cycle) & (Rating.rag != ""))
        .tuples()
    ):
        rags.setdefault(agency_id, {})[standard_id] = rag
    found = [(key, b) for key, b in beside(cycle, rags).items() if b.flagged]
    names = dict(
        Agency.select(Agency.id, Agency.name)
        .where(Agency.id.in_([a for (a, _), _ in found] or [0]))
        .tuples()
    )
    rows = [(names.get(agency_id, ""), b.voice.topic, b) for (agency_id, _), b in found]
    return sorted(rows, key=lambda row: (row[0], row[1]))


def for_reports(reports):
    """{event id: {standard id: Beside}} for challenge reports (challenge.report.AgencyReport),
    beside the self-ratings the visitors tested."""
    by_cycle = {}
    for r in reports:
        by_cycle.setdefault(r.event.cycle_id, (r.event.cycle, []))[1].append(r)
    found = {}
    for cycle, group in by_cycle.values():
        judged = beside(
            cycle,
            {
                r.event.agency_id: {line.standard.id: line.finding.self_rag for line in r.lines}
                for r in group
            },
        )
        for r in group:
            found[r.event.id] = {
                line.standard.id: judged[(r.event.agency_id, line.standard.id)]
                for line in r.lines
                if (r.event.agency_id, line.standard.id) in judged
            }
    return found


def staff_surveys():
    """The staff surveys an agency lead may read, newest first (drafts are not shown)."""
    return list(
        Survey.select()
        .where((Survey.audience == "staff") & (Survey.status != "draft"))
        .order_by(Survey.created_at.desc())
    )


def staff_survey_page(agency, wanted=""):
    """What an agency lead's staff survey page shows: one survey's totals for their own agency
    (the survey whose id is `wanted`, else the latest), without written answers, and what their
    staff said beside their self-ratings for the current cycle."""
    choices = staff_surveys()
    survey = next((s for s in choices if str(s.id) == wanted), choices[0] if choices else None)
    context = {
        "agency": agency,
        "choices": choices,
        "survey": survey,
        "responses": 0,
        "summary": [],
        "before": None,
        "beside": [],
    }
    if survey and agency:
        responses, summary = surveys.results_for(survey, agency_id=agency.id)
        summary = [item for item in summary if item["question"]["kind"] not in kinds.FREE_TEXT]
        before, summary = surveys.last_year(survey, summary, agency_id=agency.id)
        context.update(responses=responses, summary=summary, before=before, filtered=True)
    cycle = Cycle.current()
    if agency and cycle:
        rags = {rating.standard_id: rating.rag for rating in queries.ratings_for(agency, cycle)}
        found = beside(cycle, {agency.id: rags}, whose="your")  # the lead reads it
        context.update(
            cycle=cycle, beside=sorted(found.values(), key=lambda b: (not b.flagged, b.voice.code))
        )
    return context
