"""The demo's section 175/157 returns, loaded after the register's 120 settings (schools.demo calls
it last): this year four in five settings have returned (a setting's return made by the Section
11 demo is completed, or taken back to a draft, to make it so), a few are signed off by the head
and noted by the chair of governors, the rest are chased (reminders dated as if chasing began two
weeks ago), and a sample of six is chosen for verification visits (their visits not yet proposed
as challenge events: the admin does that on the page). Safe to run again: a setting with a return,
a cycle with sign-offs or a sample, are left alone.
"""

import random
from datetime import date, datetime, time, timedelta

from qa.actions.models import Action
from qa.cycles.models import Cycle
from qa.frameworks.models import Framework, Standard
from qa.people.models import Agency, User
from qa.schools import signoff, visits
from qa.schools.models import Chase, Setting, SignOff, VisitSample
from qa.section11.models import Rating, Return

LAST, THIS = "2025-26", "2026-27"
SCHOOLS_FRAMEWORK = "Schools (Education Act 2002 s157/s175)"
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
    made = {r.agency_id: r for r in Return.select().where(Return.cycle == cycle)}
    for index, setting in enumerate(settings):  # four in five returned, the rest part-way
        ret = made.get(setting.agency_id)
        if ret is None:
            _return(setting, cycle, rng, submitted=index % 5 != 4)
        elif index % 5 != 4 and ret.status != "submitted":
            _complete(ret)
        elif index % 5 == 4 and ret.status == "submitted":
            _back_to_draft(ret)
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
    """The open settings, by name."""
    return list(
        Setting.select(Setting, Agency)
        .join(Agency)
        .where((Setting.status == "open") & (Agency.active == True))  # noqa: E712
        .order_by(Agency.name)
    )


def _complete(ret):
    """A draft finished (its blank standards rated green) and submitted."""
    Rating.update(rag="G", evidence=EVIDENCE["G"]).where(
        (Rating.return_ == ret.id) & (Rating.rag == "")
    ).execute()
    when = datetime.combine(min(date.today(), ret.cycle.deadline) - timedelta(days=5), time(11))
    Return.update(status="submitted", submitted_at=when).where(Return.id == ret.id).execute()


def _back_to_draft(ret):
    """A submitted return taken back to a draft stopped part-way: its last standard unrated."""
    last = (
        Rating.select(Rating.id)
        .join(Standard)
        .where(Rating.return_ == ret.id)
        .order_by(Standard.position.desc())
        .first()
    )
    Rating.update(rag="").where(Rating.id == last.id).execute()
    Return.update(status="draft", submitted_at=None, submitted_by=None).where(
        Return.id == ret.id
    ).execute()


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
    """The `roles` the return's framework needs have signed; the next it needs is asked."""
    needs = signoff.needs_of(ret.framework_id)
    for n, role in enumerate(role for role in roles if role in needs):
        at = ret.submitted_at + timedelta(days=2 + 5 * n)
        SignOff.create(
            return_=ret,
            role=role,
            email=getattr(setting, f"{role}_email") or "-",
            asked_at=at - timedelta(days=1),
            signed_at=at,
            name=getattr(setting, f"{role}_name") or role.title(),
        )
    for role in [role for role in needs if role not in roles][:1]:
        SignOff.create(
            return_=ret,
            role=role,
            email=getattr(setting, f"{role}_email") or "-",
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
