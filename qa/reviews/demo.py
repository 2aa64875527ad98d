"""The demo's learning from reviews: the partnership's themes, a rapid review and a local review
completed last year with their actions, some due their twelve-month evidence now, one of them
dip-sampled, and a theme decision this quarter."""

from datetime import date, datetime, timedelta

from qa.actions.models import Action, ActionUpdate
from qa.actions.rules import quarter_of
from qa.cycles.models import Cycle
from qa.people.models import Agency, User
from qa.reviews.models import Review, ReviewAction, ReviewTheme, Theme, ThemeDecision

THEMES = [
    "Neglect",
    "Domestic abuse",
    "Information sharing",
    "Voice of the child",
    "Professional curiosity",
]
PARTNERSHIP = None  # an action of the partnership as a whole

# (reference, kind, title, completed days ago, themes, recommendations, meeting attendance)
REVIEWS = [
    (
        "RR-{year}-03",
        "rapid",
        "Injury to a baby known to health visiting",
        400,
        ("Information sharing", "Voice of the child"),
        "Health and police share information about a new partner in the household\n"
        "Practitioners record what the child's day is like, in the child's own words",
        "Independent chair\nDesignated nurse, Northbrook ICB\nDI Safeguarding, Northbrook "
        "Constabulary\nHead of service, Children's Services\nNamed nurse, Northbrook Hospitals",
    ),
    (
        "LCSPR-{year}-01",
        "local",
        "Neglect of a teenager missing from school",
        380,
        ("Neglect", "Professional curiosity"),
        "Every agency uses the graded care profile when neglect is suspected\n"
        "Schools escalate persistent absence to early help within ten days",
        "Independent reviewer\nDesignated doctor\nEducation safeguarding lead\nHead of Family Help",
    ),
]

# (review index, agency or PARTNERSHIP, officer's agency, theme, description, owner, status,
#  due days from today, completed days ago, impact, assured, dip sample outcome)
ACTIONS = [
    (
        0,
        "Northbrook Hospitals NHS Foundation Trust",
        None,
        "Information sharing",
        "Ask at every birth visit who lives in the household, and share a new partner's details "
        "with the health visitor",
        "Named nurse for safeguarding",
        "done",
        -200,
        220,
        "Household members recorded at 96% of birth visits in the March audit",
        None,
        "confirmed",
    ),
    (
        0,
        "Northbrook Constabulary",
        None,
        "Information sharing",
        "Send a notification to health for every domestic abuse call-out where a baby lives",
        "DI Safeguarding",
        "done",
        -150,
        160,
        "Notifications reach health visitors within two working days in 9 of 10 cases",
        None,
        "",
    ),
    (
        0,
        PARTNERSHIP,
        "Northbrook Council Children's Services",
        "Voice of the child",
        "Publish a partnership practice guide on recording the child's lived experience",
        "Partnership business manager",
        "in_progress",
        -30,
        None,
        "",
        None,
        "",
    ),
    (
        1,
        "Northbrook Community Health NHS Trust",
        None,
        "Neglect",
        "Train school nurses in the graded care profile",
        "Named nurse, community health",
        "done",
        -180,
        200,
        "Graded care profile used in every school-nurse neglect referral since January",
        True,
        "",
    ),
    (
        1,
        "Northbrook Council Family Help",
        None,
        "Professional curiosity",
        "Review every persistent-absence referral with the school within ten days",
        "Head of Family Help",
        "open",
        -14,
        None,
        "",
        None,
        "",
    ),
    (
        1,
        PARTNERSHIP,
        "Northbrook Integrated Care Board",
        "Neglect",
        "Launch the partnership neglect strategy with a graded care profile for every agency",
        "Designated nurse",
        "done",
        -90,
        100,
        "",
        None,
        "",
    ),
]


def _at(today, days_ago):
    return datetime.combine(today - timedelta(days=days_ago), datetime.min.time()) + timedelta(
        hours=14
    )


def load(demo=None, today=None):
    today = today or date.today()
    if Review.select().exists():
        return
    cycle = Cycle.current()
    themes = {name: Theme.create(name=name) for name in THEMES}
    agencies = {a.name: a for a in Agency.select()}
    leads = {u.agency_id: u for u in User.select().where(User.role == "agency_lead")}
    admin = User.select().where(User.role == "admin").order_by(User.id).first()
    reviews = []
    for reference, kind, title, done_ago, names, recs, attendance in REVIEWS:
        completed = today - timedelta(days=done_ago)
        review = Review.create(
            kind=kind,
            reference=reference.format(year=completed.year),
            title=title,
            notified_on=completed - timedelta(days=150),
            completed_on=completed,
            published_on=completed + timedelta(days=40) if kind == "local" else None,
            recommendations=recs,
            summary_url="https://northbrook-scp.example.org/reviews" if kind == "local" else "",
            planning_meeting_on=completed + timedelta(days=14),
            planning_attendance=attendance,
        )
        for name in names:
            ReviewTheme.create(review=review, theme=themes[name])
        reviews.append(review)
    for row in ACTIONS:
        _action(row, reviews, themes, agencies, leads, admin, cycle, today)
    start = quarter_of(today)[0]
    ThemeDecision.create(
        theme=themes["Neglect"],
        quarter_start=start,
        decision="fold_into_audit",
        note="Fold into the multi-agency neglect audit planned for the spring",
    )


def _action(row, reviews, themes, agencies, leads, admin, cycle, today):
    index, agency_name, officer_of, theme, text, owner, status, due_in, done_ago, impact = row[:10]
    assured, dip = row[10:]
    agency = agencies.get(agency_name) if agency_name else None
    officer = leads.get(agencies[officer_of].id) if officer_of in agencies else None
    if (agency_name and agency is None) or (officer_of and officer is None):
        return
    review = reviews[index]
    completed = _at(today, done_ago) if done_ago else None
    action = Action.create(
        agency=agency,
        responsible_officer=officer,
        cycle=cycle,
        source="review",
        source_id=review.id,
        description=text,
        owner=owner,
        due=today + timedelta(days=due_in),
        status=status,
        evidence_of_completion="Audit report and training records" if completed else "",
        impact=impact,
        completed_at=completed,
        created_at=datetime.combine(review.planning_meeting_on, datetime.min.time()),
    )
    if status != "open":
        ActionUpdate.create(action=action, by=admin, note="Agreed at the action-planning meeting.")
    ReviewAction.create(
        action=action,
        review=review,
        theme=themes[theme],
        recommendation=review.recommendations.splitlines()[0],
        assured=assured,
        assurance_reason="Re-audit shows the change has lasted" if assured else "",
        assured_at=_at(today, 10) if assured else None,
        dip_sampled_at=_at(today, 20) if dip else None,
        dip_outcome=dip,
        dip_note="Ten case records checked: nine show the household recorded" if dip else "",
    )
