"""The demo's schools: 120 fictional settings imported from a register file shipped with it (in
the data set's four localities), and two leads' account requests waiting for an admin."""

from datetime import datetime, timedelta

from qa.config import ROOT
from qa.people.models import Agency
from qa.schools import importing
from qa.schools.models import AccountRequest, Setting

REGISTER = ROOT / "qa" / "schools" / "data" / "demo_register.csv"
# (URN, name, email): leads of demo settings asking for an account
REQUESTS = [
    ("190001", "Joanne Whitaker", "j.whitaker@bramblefields.sch.uk"),
    ("190029", "Kwame Mensah", "dsl@example-nursery.org.uk"),
]


def load(demo):
    """Import the demo register (again, harmlessly: a setting already here is unchanged) and add
    the two requests, inside the demo's one transaction."""
    problem, plan = importing.plan_of(REGISTER.read_bytes())
    if problem or plan.bad:
        raise ValueError(f"The demo register does not read: {problem or plan.bad[:3]}")
    importing.write(plan)
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
