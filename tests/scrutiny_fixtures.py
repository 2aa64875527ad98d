"""A small world holding one record of every kind a scrutiny theme can cite, and a theme."""

from datetime import date, timedelta

from qa.case_audits.models import AgreedGrade, AuditTheme, CaseTheme
from qa.challenge.models import ChallengeEvent, Finding
from qa.db import db
from qa.frameworks.models import Framework, Standard
from qa.scrutiny.models import ScrutinyTheme
from qa.section11.models import Rating, Return
from qa.surveys.models import Answer, Question, Response, SurveyLink
from tests.case_audit_fixtures import make_audit, make_case
from tests.dataset_fixtures import comparator, figures, indicator
from tests.review_fixtures import make_review, make_review_action, make_theme
from tests.survey_fixtures import make_survey


def make_scrutiny_theme(cycle, title="Hearing disabled children", **more):
    return ScrutinyTheme.create(
        cycle=cycle,
        title=title,
        question="How well do agencies hear the voice of children with disabilities?",
        **more,
    )


def evidence_world(people, cycle):
    """{kind: (record id, words its describer must say)} for every kind of evidence, written in
    one transaction (one commit: quick)."""
    with db.atomic():
        return _world(people, cycle)


def _world(people, cycle):
    framework = Framework.get(Framework.name.startswith("Section 11"))
    standard = Standard.select().where(Standard.framework == framework).first()
    ret = Return.create(
        agency=people["agency_a"], cycle=cycle, framework=framework, status="submitted"
    )
    rating = Rating.create(
        return_=ret,
        standard=standard,
        rag="A",
        moderation_status="challenged",
        moderation_comment="No sign of disabled children's views",
    )
    other = Return.create(agency=people["agency_b"], cycle=cycle, framework=framework)
    Rating.create(return_=other, standard=standard, rag="G", moderation_status="agreed")
    event = ChallengeEvent.create(cycle=cycle, agency=people["agency_b"], status="reported")
    finding = Finding.create(
        event=event,
        standard=standard,
        self_rag="G",
        agreed_rag="R",
        strengths="Leaders know the children",
        development="Record what children say",
    )
    return {
        "section11_standard": (standard.id, "2 agencies rated it: 1 Amber, 1 Green."),
        "section11_rating": (rating.id, "challenged it: No sign of disabled children"),
        "challenge_finding": (finding.id, "Self-rated Green; agreed Red."),
        "survey_question": _survey(),
        "case_audit_theme": _case_audit(people),
        "indicator": _indicator(),
        "review_action": _review_action(people, cycle),
    }


def _survey():
    """A children's survey 13 children answered: 7 yes, 6 no to having an adult to talk to, and
    one wrote something that must never be shown as evidence."""
    survey = make_survey()
    link = SurveyLink.get(SurveyLink.survey == survey)
    asked = {q.kind: q for q in Question.select().where(Question.survey == survey)}
    for n in range(13):
        response = Response.create(survey=survey, link=link, age_band="8-12")
        Answer.create(response=response, question=asked["yes_no"], value="yes" if n < 7 else "no")
        if n == 0:
            Answer.create(response=response, question=asked["text"], value="My secret words")
    return asked["yes_no"].id, "13 answered: Yes 54%, No 46%, Not sure 0%."


def _case_audit(people):
    audit = make_audit(topic="Disabled children")
    case = make_case(audit, [people["agency_a"]], "MACA-2026-01", by=people["admin"])
    make_case(audit, [people["agency_a"]], "MACA-2026-02", by=people["admin"])
    theme = AuditTheme.create(audit=audit, name="Child's wishes not recorded", kind="concern")
    CaseTheme.create(case=case, theme=theme)
    AgreedGrade.create(case=case, domain="The voice of the child", grade="requires_improvement")
    return theme.id, "A concern in 1 of 2 cases. Agreed grades across the audit: 1 Requires"


def _indicator():
    ind = indicator()
    figures(ind, [24.0, 26.0])
    comparator(ind, "england", 22.0)
    return ind.id, "26.0% in"  # and "England 22.0%: worse", checked in the test


def _review_action(people, cycle):
    theme = make_theme("Voice of the child")
    review = make_review(completed=date.today() - timedelta(days=100), themes=[theme])
    link = make_review_action(
        review, theme, cycle, people["agency_a"], recommendation="Hear the child"
    )
    return link.id, "Recommendation: Hear the child. Action open"
