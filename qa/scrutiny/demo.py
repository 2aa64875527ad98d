"""The demo's scrutiny themes for the year: one reported, citing one record of every kind of
evidence the demo holds and an inspection report, with findings, recommendations and their
actions; one still gathering evidence."""

from datetime import date, timedelta

from qa.actions.models import Action
from qa.capability import evidence_kinds
from qa.cycles.models import Cycle
from qa.documents import Document
from qa.people.models import Agency, User
from qa.reviews.models import Review, Theme
from qa.scrutiny.models import (
    DOCUMENT,
    ScrutinyEvidence,
    ScrutinyFinding,
    ScrutinyFindingEvidence,
    ScrutinyRecommendation,
    ScrutinyTheme,
)
from qa.section11.demo import one_page_pdf

REPORTED = {
    "title": "Hearing disabled children",
    "question": "How well do agencies hear the voice of children with disabilities?",
    "reason": "The rapid review's learning on the voice of the child, and challenge events that "
    "found disabled children's wishes rarely recorded.",
    "status": "reported",
}
GATHERING = {
    "title": "Neglect: acting early",
    "question": "Do agencies recognise neglect early and use the graded care profile when they do?",
    "reason": "The local practice review of a neglected teenager, and the case audit of neglect.",
    "status": "gathering",
}
INSPECTION = (
    "ILACS inspection summary (demo).pdf",
    "Ofsted's inspection of local authority children's services: disabled children's views are "
    "sought in assessments, but not consistently recorded in plans.",
)
# What the reported theme cites of each kind, where the demo holds it: words its title holds
VOICE = {
    "section11_standard": ("voice", "listen", "child"),
    "section11_rating": ("voice", "listen", "child"),
    "challenge_finding": ("voice", "listen", "child"),
    "survey_question": ("listen", "heard", "say"),
    "case_audit_theme": ("voice", "own account", "wishes"),
    "indicator": ("disab", "voice", "advoca"),
    "review_action": ("own words", "voice", "day is like"),
}
FINDINGS = [
    (
        "Disabled children's wishes are sought but seldom recorded in their own words: ratings, "
        "challenge findings and the inspection agree.",
        3,
    ),
    (
        "Children tell us they are listened to more than staff say they have the training to "
        "communicate with non-verbal children.",
        2,
    ),
]
RECOMMENDATIONS = [
    (
        "Every agency's child-in-need and child-protection plan template records the child's "
        "views in their own words or by their chosen way of communicating",
        None,
        "Head of safeguarding, each agency",
        60,
    ),
    (
        "Offer multi-agency training in communicating with non-verbal children, and measure "
        "how many practitioners complete it",
        "Northbrook Council Children's Services",
        "Workforce development lead",
        120,
    ),
]


def load(demo=None, today=None):
    """Add the two themes once (loading again adds nothing)."""
    today = today or date.today()
    if ScrutinyTheme.select().exists():
        return
    cycle = Cycle.current()
    admin = User.select().where(User.role == "admin").order_by(User.id).first()
    review = Review.select().where(Review.kind == "rapid").first()
    theme = Theme.get_or_none(Theme.name == "Voice of the child")
    reported = ScrutinyTheme.create(
        cycle=cycle,
        lead=admin,
        review=review,
        review_theme=theme,
        starts_on=today - timedelta(days=150),
        reports_on=today - timedelta(days=20),
        **REPORTED,
    )
    cited = [
        _cite(reported, kind, source, cycle, admin, VOICE.get(kind, ()))
        for kind, source in evidence_kinds().items()
    ]
    cited = [e for e in cited if e is not None] + [_document(reported, admin)]
    start = 0
    for text, count in FINDINGS:
        finding = ScrutinyFinding.create(theme=reported, text=text, added_by=admin)
        for evidence in (cited[start:] + cited)[:count]:
            ScrutinyFindingEvidence.create(finding=finding, evidence=evidence)
        start += count
    findings = list(ScrutinyFinding.select().where(ScrutinyFinding.theme == reported))
    for n, row in enumerate(RECOMMENDATIONS):
        _recommend(reported, findings[n % len(findings)], row, cycle, admin, today)
    gathering = ScrutinyTheme.create(
        cycle=cycle,
        lead=admin,
        review=Review.select().where(Review.kind == "local").first(),
        review_theme=Theme.get_or_none(Theme.name == "Neglect"),
        starts_on=today - timedelta(days=30),
        reports_on=today + timedelta(days=90),
        **GATHERING,
    )
    for kind in ("case_audit_theme", "indicator", "review_action"):
        _cite(gathering, kind, evidence_kinds()[kind], cycle, admin, ("neglect", "graded care"))


def _cite(theme, kind, source, cycle, who, words):
    """Cite the first record of the kind whose title holds one of `words` (else the first of
    all); None when the demo holds none of the kind."""
    choices = source.choices_function()(cycle)
    if not choices:
        return None
    fitting = [i for i, title in choices if any(w in title.lower() for w in words)]
    record_id = (fitting or [choices[0][0]])[0]
    return ScrutinyEvidence.create(theme=theme, kind=kind, source_id=record_id, added_by=who)


def _document(theme, who):
    name, note = INSPECTION
    data = one_page_pdf("Inspection of children's services: summary (demo)")
    document = Document.create(
        filename=name, content_type="application/pdf", size=len(data), data=data, uploaded_by=who
    )
    return ScrutinyEvidence.create(
        theme=theme, kind=DOCUMENT, document=document, note=note, added_by=who
    )


def _recommend(theme, finding, row, cycle, who, today):
    text, agency_name, owner, due_in = row
    agency = Agency.get_or_none(Agency.name == agency_name) if agency_name else None
    officer = None if agency else User.select().where(User.role == "agency_lead").first()
    recommendation = ScrutinyRecommendation.create(theme=theme, finding=finding, text=text)
    action = Action.create(
        agency=agency,
        responsible_officer=officer,
        cycle=cycle,
        source="scrutiny",
        source_id=recommendation.id,
        description=text,
        owner=owner,
        due=today + timedelta(days=due_in),
        status="in_progress" if agency else "open",
    )
    ScrutinyRecommendation.update(action=action).where(
        ScrutinyRecommendation.id == recommendation.id
    ).execute()
