"""Fixtures for the pairing tests.

A small partnership with one event at the hospital trust needing both visitors.

Import the *_fixture names into a test module to use them (world, plus cycle and last_cycle from
challenge_helpers).
Angela Brooks (police, sub-group) is the only lead; Hana Hughes (health) the obvious peer, Eddie
Evans (early years)
a related-sector one, Olivia Chen (police) an unrelated one. The admin is not a sub-group member
here, so never a lead.
"""

from types import SimpleNamespace

import pytest

from qa.challenge import scheduling
from qa.challenge.models import ChallengeEvent
from qa.people.models import Agency, Sector, User
from tests.challenge_helpers import SOON, at
from tests.conftest import password_hash


def reviewer(email, name, agency, subgroup=False, **kw):
    return User.create(
        email=email,
        name=name,
        role="reviewer",
        agency=agency,
        subgroup_member=subgroup,
        password_hash=password_hash(),
        **kw,
    )


def dated_event(cycle, agency, day, admin, reason="Chosen for the test"):
    made = scheduling.choose(cycle, [(agency, reason)], admin)[0]
    return scheduling.schedule(made, made.version, at(day, 10), at(day, 13), "Room 4", admin)


@pytest.fixture(name="world")
def world_fixture(people, cycle):
    User.update(subgroup_member=False).where(User.id == people["admin"].id).execute()
    health = Sector.get(Sector.slug == "health")
    early = Sector.create(name="Early years", slug="early-years")
    community = Agency.create(name="Northbrook Community Health NHS Trust", sector=health)
    nursery = Agency.create(name="Little Acorns Nursery Group", sector=early)
    hana = reviewer("hana@example.org", "Hana Hughes", community)
    eddie = reviewer("eddie@example.org", "Eddie Evans", nursery)
    event = dated_event(cycle, people["agency_a"], SOON, people["admin"])
    return SimpleNamespace(
        cycle=cycle,
        event=ChallengeEvent.get_by_id(event.id),
        admin=people["admin"],
        hospital=people["agency_a"],
        police=people["agency_b"],
        community=community,
        nursery=nursery,
        angela=people["reviewer"],
        olivia=people["peer"],
        hana=hana,
        eddie=eddie,
    )
