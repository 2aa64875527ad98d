"""The schools' part of the demo partnership, run after the register import's (demo_order): of the
settings this year, four in five have returned, a few signed off by the head and noted by the
chair of governors, the rest chased (reminders dated as if chasing began two weeks ago), and a
sample of six chosen for verification visits (their visits not yet proposed as challenge events:
the admin does that on the page).

Until the register's demo settings exist it makes a dozen of its own, so the pages have something
to show. Safe to run again: a setting with a return, and a cycle with a sample, are left alone.
"""

import random
from datetime import date, datetime, time, timedelta

from qa.actions.models import Action
from qa.cycles.models import Cycle
from qa.frameworks.models import Framework, Standard
from qa.people.models import Agency, Sector, User
from qa.schools import visits
from qa.schools.models import Chase, Setting, SignOff, VisitSample
from qa.section11.models import Rating, Return

LAST, THIS = "2025-26", "2026-27"
SCHOOLS_FRAMEWORK = "Schools (Education Act 2002 s157/s175)"
OWN = [  # name, phase, locality: only when the register gave the demo no settings
    ("Ashdown Primary School", "Primary", "North"),
    ("Beckside Primary School", "Primary", "North"),
    ("Churchfield Infant School", "Primary", "South"),
    ("Dunmore Primary Academy", "Primary", "South"),
    ("Eastgate Primary School", "Primary", "Central"),
    ("Fernhill Primary School", "Primary", "Central"),
    ("Northbrook High School", "Secondary", "North"),
    ("Riverside Academy", "Secondary", "South"),
    ("St Anne's Church of England High School", "Secondary", "Central"),
    ("Willow Bank Special School", "Special", "North"),
    ("Little Acorns Day Nursery", "Nursery", "South"),
    ("Brookfield Sixth Form College", "16 plus", "Central"),
]
ACTION = "Close the gaps the termly audit found and report to the governors' safeguarding review"
EVIDENCE = {
    "G": "Checked at the last governors' safeguarding review; records and training logs seen.",
    "A": "Mostly in place; the termly audit found gaps we are closing this term.",
    "R": "Not yet in place; a plan is agreed with the governors.",
}


def load(demo):
    cycle, last = (Cycle.get_or_none(Cycle.name == name) for name in (THIS, LAST))
    if cycle is None or last is None:
        return
    settings = _settings()
    admin = User.select().where(User.role == "admin").order_by(User.id).first()
    rng = random.Random(THIS)
    returned = []
    for setting in settings:  # every setting returned last year, as every agency did
        if (
            not Return.select()
            .where((Return.agency == setting.agency) & (Return.cycle == last))
            .exists()
        ):
            _return(setting, last, rng)
    for index, setting in enumerate(settings):
        if (
            Return.select()
            .where((Return.agency == setting.agency) & (Return.cycle == cycle))
            .exists()
        ):
            continue
        if index % 5 != 4:  # four in five have returned
            returned.append(_return(setting, cycle, rng))
    for ret, setting in returned[:4]:
        _sign_off(ret, setting, ("head", "chair"))
    for ret, setting in returned[4:7]:
        _sign_off(ret, setting, ("head",))
    _chase(cycle, [s for i, s in enumerate(settings) if i % 5 == 4])
    if settings and not VisitSample.select().where(VisitSample.cycle == cycle).exists():
        visits.draw(cycle, 6, ["rag", "no_return"], 2026, admin)


def _settings():
    """The open settings by name (the register's, else a dozen made here)."""
    if not Setting.select().exists():
        _own_settings()
    return list(
        Setting.select(Setting, Agency)
        .join(Agency)
        .where((Setting.status == "open") & (Agency.active == True))  # noqa: E712
        .order_by(Agency.name)
    )


def _own_settings():
    framework = Framework.get_or_none(Framework.name == SCHOOLS_FRAMEWORK)
    sector = Sector.get_or_create(slug="education", defaults={"name": "Education"})[0]
    for n, (name, phase, locality) in enumerate(OWN):
        agency = Agency.get_or_create(
            name=name, defaults={"sector": sector, "framework": framework}
        )[0]
        first = name.split()[0].lower().strip("'")
        Setting.create(
            agency=agency,
            urn=str(990100 + n),
            kind="early_years" if phase == "Nursery" else "school",
            phase=phase,
            locality=locality,
            head_name=f"Head of {name}",
            head_email=f"head@{first}.example.org",
            chair_name=f"Chair of governors of {name}",
            chair_email=f"chair@{first}.example.org",
        )


def _return(setting, cycle, rng):
    framework = setting.agency.framework or Framework.get(Framework.name == SCHOOLS_FRAMEWORK)
    latest = min(date.today(), cycle.deadline or cycle.ends)
    when = datetime.combine(latest - timedelta(days=rng.randint(3, 40)), time(10))
    ret = Return.create(
        agency=setting.agency,
        cycle=cycle,
        framework=framework,
        status="submitted",
        started_at=when - timedelta(days=20),
        submitted_at=when,
    )
    quality = rng.random()
    rows = []
    for standard in (
        Standard.select().where(Standard.framework == framework).order_by(Standard.position)
    ):
        roll = rng.random() * 0.6 + quality * 0.5
        rag = "G" if roll > 0.45 else "A" if roll > 0.2 else "R"
        rows.append(
            {
                "return_id": ret.id,
                "standard": standard.id,
                "rag": rag,
                "evidence": EVIDENCE[rag],
                "updated_at": when,
            }
        )
    Rating.insert_many(rows).execute()
    concerns = Rating.select().where((Rating.return_ == ret.id) & Rating.rag.in_(["R", "A"]))
    actions = [
        {
            "agency": setting.agency_id,
            "cycle": cycle.id,
            "source": "section11",
            "source_id": rating.id,
            "standard": rating.standard_id,
            "description": ACTION,
            "owner": "Designated safeguarding lead",
            "due": cycle.ends,
        }
        for rating in concerns
    ]
    if actions:
        Action.insert_many(actions).execute()
    return ret, setting


def _sign_off(ret, setting, roles):
    for n, role in enumerate(roles):
        at = ret.submitted_at + timedelta(days=2 + 5 * n)
        SignOff.create(
            return_=ret,
            role=role,
            email=getattr(setting, f"{role}_email") or "-",
            asked_at=at - timedelta(days=1),
            signed_at=at,
            name=getattr(setting, f"{role}_name") or role.title(),
        )
    if roles == ("head",):
        SignOff.create(
            return_=ret,
            role="chair",
            email=setting.chair_email or "-",
            asked_at=ret.submitted_at + timedelta(days=3),
        )


def _chase(cycle, late):
    today = date.today()
    for setting in late:
        to = ", ".join(e for e in (setting.head_email,) if e)
        for stage, ago in ((1, 14), (2, 7)):
            Chase.get_or_create(
                setting=setting,
                cycle=cycle,
                stage=stage,
                defaults={"sent_on": today - timedelta(days=ago), "sent_to": to},
            )
