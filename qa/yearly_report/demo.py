"""The demo's yearly report: the demo year's report drafted, with words in its sections, signed
off by two of the three lead safeguarding partners (the police still to sign)."""

from datetime import timedelta

from qa.cycles.models import Cycle
from qa.people.models import User
from qa.yearly_report import service
from qa.yearly_report.models import PartnerSignOff, YearlySection

WORDS = {
    "activity": (
        "This year the partner agencies completed their Section 11 self-assessments, the "
        "sub-group planned challenge events with a peer reviewer for seven agencies, and the "
        "partnership began a joint audit of cases of adolescents at risk of exploitation.\n\n"
        "We agreed actions from each of these and track them to the end."
    ),
    "impact": (
        "A year after the changes agreed from last year's work, most agencies showed us that "
        "they had lasted: children's own words now open their plans, and health and police "
        "share news of a new adult in a baby's home the same day.\n\nWhere a change had not "
        "lasted we asked again, and we report on those agencies to the board."
    ),
    "scrutiny": (
        "The sub-group asked how well agencies hear disabled children. It weighed agencies' own "
        "ratings, what the challenge visitors found and an inspection report, and found that "
        "children's wishes are sought but seldom written down in their own words."
    ),
    "reviews": (
        "Our rapid reviews asked agencies to share news of a new adult in a household sooner and "
        "to record the child's day in the child's own words. A year on, we asked each agency for "
        "the evidence and checked a sample of it ourselves."
    ),
    "priorities": (
        "Next year we will focus on neglect, on the voice of the child and on how agencies "
        "share information when a family moves between areas."
    ),
}
SIGNED = (
    ("local_authority", "Jo Whitfield", "Director of Children's Services"),
    ("health", "Dr Sam Iqbal", "Chief Nurse, Northbrook Integrated Care Board"),
)


def load(demo):
    cycle = Cycle.current()
    admin = User.select().where(User.role == "admin").order_by(User.id).first()
    if cycle is None or admin is None:
        return
    report = service.start(cycle, admin)
    for key, words in WORDS.items():
        YearlySection.update(narrative=words).where(
            YearlySection.report == report, YearlySection.key == key
        ).execute()
    report = type(report).get_by_id(report.id)
    signed_on = min(cycle.ends, cycle.starts + timedelta(days=200))
    for partner, name, job in SIGNED:
        PartnerSignOff.get_or_create(
            report=report,
            partner=partner,
            defaults={
                "name": name,
                "job_title": job,
                "signed_on": signed_on,
                "content_version": report.content_version,
                "recorded_by": admin,
            },
        )
