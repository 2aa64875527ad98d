"""Schools test data: a few settings on the schools framework (phases and localities), with a lead
for the first, and helpers to fill in and submit a setting's return."""

import pytest

from qa.frameworks.models import Framework
from qa.people.models import Agency, Sector, User
from qa.schools.models import Setting
from qa.section11 import returns
from tests.conftest import password_hash
from tests.section11_fixtures import fill

SCHOOLS_FRAMEWORK = "Schools (Education Act 2002 s157/s175)"
# name, phase, locality
SETTINGS = [
    ("Abbey Primary School", "Primary", "North"),
    ("Brook Primary School", "Primary", "North"),
    ("Castle Primary School", "Primary", "South"),
    ("Dale Academy", "Secondary", "North"),
    ("Elm High School", "Secondary", "South"),
]


@pytest.fixture
def settings(people):
    framework = Framework.get(Framework.name == SCHOOLS_FRAMEWORK)
    sector = Sector.create(name="Schools", slug="schools")
    made = []
    for n, (name, phase, locality) in enumerate(SETTINGS):
        agency = Agency.create(name=name, sector=sector, framework=framework)
        made.append(
            Setting.create(
                agency=agency,
                urn=str(100000 + n),
                kind="school",
                phase=phase,
                locality=locality,
                head_name=f"Head {n}",
                head_email=f"head{n}@school{n}.example.org",
                chair_name=f"Chair {n}",
                chair_email=f"chair{n}@school{n}.example.org",
            )
        )
    return made


@pytest.fixture
def school_lead(settings):
    return User.create(
        email="dsl@school0.example.org",
        name="Dee Lane",
        role="agency_lead",
        agency=settings[0].agency,
        password_hash=password_hash(),
    )


def submitted_return(setting, cycle, lead):
    """The setting's return for the cycle, filled in green and submitted by its lead."""
    ret = returns.start(setting.agency, cycle, lead)
    fill(ret, lead)
    returns.submit(ret, ret.version, lead, [])
    return returns.Return.get_by_id(ret.id)
