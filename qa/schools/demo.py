"""The schools' part of the demo partnership, run after the register import's (demo_order): of the
settings this year, four in five have returned, a few signed off by the head and noted by the
chair of governors, the rest chased (reminders dated as if chasing began two weeks ago), and a
sample of six chosen for verification visits (their visits not yet proposed as challenge events:
the admin does that on the page).

Until the register's demo settings exist it enters the demo's schools, college and early-years
agencies as settings, so the pages have something to show (their returns then come from the
Section 11 demo, which ran first). Safe to run again: a setting with a return, a cycle with
sign-offs or a sample, are left alone.
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
LOCALITIES = ["North", "South", "Central"]
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
    for setting in settings:  # every setting returned last year, as every agency did
        if not _has_return(setting, last):
            _return(setting, last, rng)
    for index, setting in enumerate(settings):
        if not _has_return(setting, cycle):  # four in five have returned, the rest stopped part-way
            _return(setting, cycle, rng, submitted=index % 5 != 4)
    by_agency = {s.agency_id: s for s in settings}
    returned = [
        (ret, by_agency[ret.agency_id])
        for ret in Return.select()
        .where(
            Return.agency.in_(list(by_agency)), Return.cycle == cycle, Return.status == "submitted"
        )
        .order_by(Return.id)
    ]
    if not SignOff.select().join(Return).where(Return.cycle == cycle).exists():
        for ret, setting in returned[:4]:
            _sign_off(ret, setting, ("head", "chair"))
        for ret, setting in returned[4:7]:
            _sign_off(ret, setting, ("head",))
    done = {ret.agency_id for ret, _ in returned}
    _chase(cycle, [s for s in settings if s.agency_id not in done])
    if settings and not VisitSample.select().where(VisitSample.cycle == cycle).exists():
        visits.draw(cycle, 6, ["rag", "no_return"], 2026, admin)


def _has_return(setting, cycle):
    return (
        Return.select().where((Return.agency == setting.agency) & (Return.cycle == cycle)).exists()
    )


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
    """The demo's schools, college and early-years agencies entered as settings (no new agencies:
    the other capabilities' demos are made for the agencies they know)."""
    agencies = (
        Agency.select()
        .join(Sector)
        .where(Sector.slug.in_(["education", "early-years"]))
        .order_by(Agency.name)
    )
    for n, agency in enumerate(agencies):
        slug = "".join(c for c in agency.name.lower() if c.isalnum())[:20]
        Setting.create(
            agency=agency,
            urn=str(990100 + n),
            kind="early_years" if agency.sector.slug == "early-years" else "school",
            phase=_phase(agency),
            locality=LOCALITIES[n % len(LOCALITIES)],
            head_name=f"Head of {agency.name}",
            head_email=f"head@{slug}.example.org",
            chair_name=f"Chair of governors of {agency.name}",
            chair_email=f"chair@{slug}.example.org",
        )


def _phase(agency):
    if agency.sector.slug == "early-years":
        return "Nursery"
    for word, phase in (("Primary", "Primary"), ("Special", "Special"), ("College", "16 plus")):
        if word in agency.name:
            return phase
    return "Secondary"


def _return(setting, cycle, rng, submitted=True):
    framework = setting.agency.framework or Framework.get(Framework.name == SCHOOLS_FRAMEWORK)
    latest = min(date.today(), cycle.deadline or cycle.ends)
    when = datetime.combine(latest - timedelta(days=rng.randint(3, 40)), time(10))
    ret = Return.create(
        agency=setting.agency,
        cycle=cycle,
        framework=framework,
        status="submitted" if submitted else "draft",
        started_at=when - timedelta(days=20),
        submitted_at=when if submitted else None,
    )
    quality = rng.random()
    rows = []
    standards = list(
        Standard.select().where(Standard.framework == framework).order_by(Standard.position)
    )
    for position, standard in enumerate(standards):
        roll = rng.random() * 0.6 + quality * 0.5
        rag = "G" if roll > 0.45 else "A" if roll > 0.2 else "R"
        if not submitted and position >= len(standards) // 2:
            rag = ""  # a draft: the first half answered
        rows.append(
            {
                "return_id": ret.id,
                "standard": standard.id,
                "rag": rag,
                "evidence": EVIDENCE.get(rag, ""),
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
