"""The world the authorisation matrix runs in.

Two agencies with everything a URL can point at, and who owns what.

Agency A (the hospital trust) and agency B (the constabulary) each have a draft Section 11 return
(rated, one amber
rating with a document and an action plan), an action on the register with a document, and a
challenge event whose
findings are agreed (so its outcome and PDF exist) with a recommendation. Event A is visited by the
assigned reviewer
(Angela, a QA sub-group member) and a peer; event B by two other reviewers. The unassigned reviewer
(Olivia, a peer
reviewer, not on the sub-group) visits neither: she stands for a reviewer with no claim to any event
or return.
Everyone has a conflict, an unavailable date and a never-pair of their own; Hana (event A's peer) is
the "someone else".
One staff survey (open, with a link, a flagged answer, a you-said statement and a contact request),
a finished board
report, a safeguarding term, a kept form per person, a data-set indicator and the seeded Section 11
framework complete the world.
"""

from datetime import date, datetime, timedelta
from types import SimpleNamespace

from qa.actions.models import Action, ActionDocument
from qa.auth.models import KeptForm
from qa.builds.models import PdfBuild
from qa.case_audits.models import NamedAuditor
from qa.challenge import scheduling
from qa.challenge.models import ChallengeEvent, Finding, Recommendation, Visitor
from qa.cycles.models import Cycle
from qa.dataset.models import Indicator
from qa.documents import Document
from qa.frameworks.models import Framework, Standard
from qa.pairing.models import NeverPair
from qa.people.models import Agency, Conflict, Sector, Unavailability
from qa.reports.models import ReportBuild
from qa.reviews.models import Review, ReviewAction, Theme
from qa.scrutiny.models import DOCUMENT, ScrutinyEvidence, ScrutinyTheme
from qa.section11 import returns
from qa.section11.models import Rating
from qa.surveys.models import (
    Answer,
    ContactRequest,
    Flag,
    Response,
    SafeguardingTerm,
    SurveyBurst,
    YouSaidWeDid,
)
from tests.case_audit_fixtures import grades_of, make_audit, make_case, return_of
from tests.challenge_helpers import at
from tests.pairing_helpers import reviewer
from tests.section11_fixtures import PDF, add_action, attach, fill
from tests.staff_fixtures import make_staff_survey

ROLES = ("anonymous", "lead_a", "lead_b", "assigned", "unassigned", "admin")
# Whose agency's records are "their own" for each role; the other side is "of others".
OWN_SIDE = {
    "anonymous": "A",
    "lead_a": "A",
    "lead_b": "B",
    "assigned": "A",
    "unassigned": "A",
    "admin": "A",
}
TODAY = date.today()


def _document(name, owner=None):
    return Document.create(
        filename=name, content_type="application/pdf", size=len(PDF), data=PDF, uploaded_by=owner
    )


def _side(agency, lead, cycle, visitors):
    """One agency's records: its return, an amber rating with a document and an action plan, an
    action, an agreed event."""
    ret = returns.start(agency, cycle, lead)
    rating = fill(ret, lead, actions=False)[0]
    Rating.update(rag="A").where(Rating.id == rating.id).execute()
    plan = add_action(ret, rating)
    rating_document = attach(rating)
    action = Action.create(
        agency=agency,
        cycle=cycle,
        source="manual",
        description="Refresh the training plan",
        owner="Head of learning",
        due=TODAY + timedelta(days=60),
    )
    action_document = _document("training-plan.pdf", lead)
    ActionDocument.create(action=action, document=action_document)
    visited = TODAY - timedelta(days=10)
    event = ChallengeEvent.create(
        cycle=cycle,
        agency=agency,
        status="agreed",
        starts_at=at(visited, 10),
        ends_at=at(visited, 13),
        location="Room 4",
        selection_reason="Chosen for the matrix",
        summary="An honest self-assessment.",
        agreed_at=datetime.now(),
    )
    for role, user in zip(("lead", "peer"), visitors):
        Visitor.create(event=event, user=user, role=role, agreed_at=datetime.now())
    scheduling.lay_out_findings(event)
    Finding.update(agreed_rag="A").where(Finding.event == event).execute()
    finding = Finding.select().where(Finding.event == event).order_by(Finding.id).first()
    recommendation = Recommendation.create(
        finding=finding,
        text="Audit supervision records",
        owner="Named nurse",
        due=TODAY + timedelta(days=90),
    )
    return SimpleNamespace(
        agency=agency,
        ret=ret,
        rating=rating,
        plan=plan,
        rating_document=rating_document,
        action=action,
        action_document=action_document,
        event=event,
        finding=finding,
        recommendation=recommendation,
        visitor=Visitor.get(Visitor.event == event, Visitor.role == "lead"),
    )


def _personal(user, other_agency, partner):
    """What a person declares about themselves (and the admin about them): a conflict, a date,
    someone never to pair them with."""
    low, high = sorted((user, partner), key=lambda u: u.id)
    return SimpleNamespace(
        person=user,
        conflict=Conflict.create(
            user=user, agency=other_agency, kind="other", detail="Former employer"
        ),
        unavailable=Unavailability.create(user=user, date=TODAY + timedelta(days=40), note="Leave"),
        never_pair=NeverPair.create(user_a=low, user_b=high, reason="They line-manage each other"),
        pdf=PdfBuild.create(
            kind="matrix",
            key="1",
            title="Section 11 summary.pdf",
            requested_by=user,
            status="done",
            document=_document("summary.pdf", user),
        ),
    )


def _burst(survey, link):
    """A burst of its own (one unflagged response), so discarding it leaves the flag above."""
    sent = Response.create(survey=survey, link=link, age_band="adult")
    return SurveyBurst.create(link=link, first_response=sent.id, last_response=sent.id)


def _survey():
    survey = make_staff_survey()
    link = survey.links.first()
    question = survey.questions.order_by("position").first()
    response = Response.create(survey=survey, link=link, age_band="adult")
    answer = Answer.create(response=response, question=question, value="Never")
    return SimpleNamespace(
        survey=survey,
        link=link,
        question=question,
        flag=Flag.create(answer=answer, phrases="never"),
        burst=_burst(survey, link),
        statement=YouSaidWeDid.create(
            survey=survey,
            you_said="Supervision is rare",
            we_did="Monthly supervision",
            published=True,
        ),
        contact=ContactRequest.create(survey=survey, name="Sam", email="sam@example.org"),
        term=SafeguardingTerm.create(phrase="matrix test phrase"),
    )


def _reviews():
    """A review with a theme (the review actions are each side's)."""
    theme = Theme.create(name="Neglect")
    review = Review.create(
        kind="rapid",
        reference="RR-2026-01",
        notified_on=TODAY - timedelta(days=100),
        completed_on=TODAY - timedelta(days=60),
        recommendations="Share information sooner",
    )
    return SimpleNamespace(review=review, theme=theme)


def _review_action(side, shared):
    """A side's action agreed from the shared review."""
    return ReviewAction.create(
        action=Action.create(
            agency=side.agency,
            cycle=shared.cycle,
            source="review",
            source_id=shared.review.id,
            description="Ask children what life is like at home",
            owner="Named nurse",
            due=TODAY + timedelta(days=30),
        ),
        review=shared.review,
        theme=shared.theme,
    )


def build(people):
    """The whole world; `objects(world, role, own)` then gives what a URL is filled with."""
    cycle = Cycle.create(
        name="2026-27",
        starts=TODAY - timedelta(days=200),
        ends=TODAY + timedelta(days=165),
        deadline=TODAY + timedelta(days=60),
    )
    health = Sector.get(Sector.slug == "health")
    third = Agency.create(name="Northbrook Community Health NHS Trust", sector=health)
    hana = reviewer("hana@example.org", "Hana Hughes", third)
    sam = reviewer("sam@example.org", "Sam Patel", third, subgroup=True)
    eddie = reviewer("eddie@example.org", "Eddie Evans", third)
    users = {
        "lead_a": people["lead_a"],
        "lead_b": people["lead_b"],
        "assigned": people["reviewer"],
        "unassigned": people["peer"],
        "admin": people["admin"],
    }
    sides = {
        "A": _side(people["agency_a"], people["lead_a"], cycle, (people["reviewer"], hana)),
        "B": _side(people["agency_b"], people["lead_b"], cycle, (sam, eddie)),
    }
    personal = {user.id: _personal(user, third, eddie) for user in [*users.values(), hana]}
    framework = Framework.get(Framework.name.startswith("Section 11"))
    shared = SimpleNamespace(
        cycle=cycle,
        third_agency=third,
        sector=health,
        framework=framework,
        standard=Standard.select().where(Standard.framework == framework).first(),
        build=ReportBuild.create(
            cycle=cycle,
            requested_by=people["admin"],
            status="done",
            document=_document("board.pdf"),
        ),
        **vars(_survey()),
        **vars(_reviews()),
        indicator=Indicator.create(
            code="matrix",
            name="Matrix indicator",
            definition="Counted for the matrix",
            sector=health,
        ),
    )
    for side in sides.values():
        side.review_action = _review_action(side, shared)
    _case_audit(people, shared, sides, hana)
    _scrutiny(shared)
    return SimpleNamespace(
        users=users, sides=sides, personal=personal, someone_else=personal[hana.id], shared=shared
    )


def _case_audit(people, shared, sides, hana):
    """A case audit gathering returns: a case of each agency's (only that agency involved), with
    its return and a domain's grade, and a named auditor from the third agency."""
    found = make_audit(status="gathering")
    shared.case_audit = found
    shared.auditor = NamedAuditor.create(audit=found, user=hana)
    for name, agency in (("A", people["agency_a"]), ("B", people["agency_b"])):
        case = make_case(found, [agency], f"MACA-{name}", by=people["admin"])
        sides[name].case = case
        sides[name].case_return = return_of(case, agency)
        sides[name].case_grade = grades_of(sides[name].case_return)[0]


def _scrutiny(shared):
    """A scrutiny theme citing the indicator and an uploaded document."""
    theme = ScrutinyTheme.create(
        cycle=shared.cycle, title="Hearing children", question="Do agencies hear children?"
    )
    shared.scrutiny_theme = theme
    shared.scrutiny_evidence = ScrutinyEvidence.create(
        theme=theme, kind="indicator", source_id=shared.indicator.id
    )
    shared.scrutiny_document = _document("inspection.pdf")
    ScrutinyEvidence.create(theme=theme, kind=DOCUMENT, document=shared.scrutiny_document)


def objects(world, role, own):
    """Everything a URL of `role` may be filled with: their own side and their own declarations, or
    the others'."""
    side = OWN_SIDE[role] if own else {"A": "B", "B": "A"}[OWN_SIDE[role]]
    mine = (
        world.personal[world.users[role].id] if own and role in world.users else world.someone_else
    )
    return SimpleNamespace(**vars(world.shared), **vars(world.sides[side]), **vars(mine))


def keep_a_form(client, role):
    """A form kept when a session ended, in this client's session, so /resume has something to
    show."""
    token = f"kept-{role}"
    with client.http.session_transaction() as session:
        # theirs: a kept form is only ever offered to its owner
        owner = session["last_signed_in"]
        session["kept_form"] = token
    KeptForm.create(
        token=token, owner=owner, path="/account/unavailable", fields='[["note", "Leave"]]'
    )
