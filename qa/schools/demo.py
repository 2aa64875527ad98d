"""The demo's schools: 120 fictional settings imported from a register file shipped with it (in
the data set's four localities) with their returns made as every agency's are, and two leads'
account requests waiting for an admin."""

from datetime import datetime, timedelta

from qa.config import ROOT
from qa.dataset.demo import LOCALITIES
from qa.dataset.models import Locality
from qa.people.models import Agency
from qa.schools import importing, returns_demo
from qa.schools.models import AccountRequest, Setting
from qa.section11 import demo as section11_demo

REGISTER = ROOT / "qa" / "schools" / "data" / "demo_register.csv"
# (URN, name, email): leads of demo settings asking for an account
REQUESTS = [
    ("190001", "Joanne Whitaker", "j.whitaker@bramblefields.sch.uk"),
    ("190029", "Kwame Mensah", "dsl@example-nursery.org.uk"),
]


def load(demo):
    """Import the demo register (again, harmlessly: a setting already here is unchanged) and add
    the two requests, inside the demo's one transaction."""
    for n, name in enumerate(LOCALITIES):  # the data set's (its demo finds them made)
        Locality.get_or_create(name=name, defaults={"position": n})
    problem, plan = importing.plan_of(REGISTER.read_bytes())
    if problem or plan.bad:
        raise ValueError(f"The demo register does not read: {problem or plan.bad[:3]}")
    importing.write(plan)
    # the settings' own section 175/157 returns, made as the demo makes every agency's
    section11_demo.load_returns()
    settings = {
        s.urn: s
        for s in Setting.select(Setting, Agency)
        .join(Agency)
        .where(Setting.urn.in_([urn for urn, _, _ in REQUESTS]))
    }
    for n, (urn, name, email) in enumerate(REQUESTS):
        AccountRequest.get_or_create(
            email=email,
            defaults={
                "setting": settings[urn].id,
                "name": name,
                "asked_at": datetime.now() - timedelta(hours=20 - n * 5),
            },
        )
    # then this year's returns as the schools' pages show them: returned, signed off, chased,
    # sampled (returns_demo)
    returns_demo.load(demo)
