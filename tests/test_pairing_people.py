"""On a person's pairing page the admin records conflicts and dates on their behalf.

And keeps two people apart.
"""

from qa.audit import AuditEvent
from qa.pairing import planning
from qa.pairing.models import NeverPair
from qa.people.models import Conflict, Unavailability
from tests.challenge_helpers import SOON, cycle_fixture  # noqa: F401
from tests.conftest import dates
from tests.pairing_helpers import world_fixture  # noqa: F401


def test_admin_records_a_conflict_on_a_persons_behalf_and_pairing_respects_it(world, admin_client):
    response = admin_client.post(
        f"/admin/people/{world.hana.id}/pairing/conflicts",
        {"agency": world.hospital.id, "kind": "family", "detail": "Her brother is a ward manager"},
    )
    assert response.status_code == 302
    conflict = Conflict.get(Conflict.user == world.hana)
    assert (conflict.agency_id, conflict.kind) == (world.hospital.id, "family")
    assert AuditEvent.get(AuditEvent.verb == "declared conflict").user_id == world.admin.id
    (row,) = planning.propose(world.cycle).rows
    assert row.pairing.peer_id == world.eddie.id
    html = admin_client.get(f"/admin/people/{world.hana.id}/pairing").get_data(as_text=True)
    assert "Her brother is a ward manager" in html


def test_admin_records_a_date_they_cannot_visit(world, admin_client):
    admin_client.post(
        f"/admin/people/{world.hana.id}/pairing/unavailable",
        {**dates(day=SOON), "note": "Leave"},
    )
    assert Unavailability.get(Unavailability.user == world.hana).date == SOON


def test_never_pair_keeps_two_people_apart_with_the_reason_kept(world, admin_client):
    response = admin_client.post(
        f"/admin/people/{world.hana.id}/pairing/never",
        {"other": world.angela.id, "reason": "A grievance between them is open"},
    )
    assert response.status_code == 302
    kept = NeverPair.get()
    assert (kept.user_a_id, kept.user_b_id) == tuple(
        sorted((world.hana.id, world.angela.id))
    ) and kept.created_by_id == world.admin.id
    (row,) = planning.propose(world.cycle).rows
    assert (row.pairing.lead_id, row.pairing.peer_id) == (world.angela.id, world.eddie.id)
    html = admin_client.get(f"/admin/people/{world.angela.id}/pairing").get_data(as_text=True)
    assert "Hana Hughes" in html and "A grievance between them is open" in html


def test_never_pair_needs_a_reason_and_is_recorded_once(world, admin_client):
    html = admin_client.post(
        f"/admin/people/{world.hana.id}/pairing/never", {"other": world.angela.id, "reason": ""}
    ).get_data(as_text=True)
    assert "Say why they must never be paired" in html and not NeverPair.select().exists()
    admin_client.post(
        f"/admin/people/{world.hana.id}/pairing/never",
        {"other": world.angela.id, "reason": "Grievance"},
    )
    html = admin_client.post(
        f"/admin/people/{world.angela.id}/pairing/never",
        {"other": world.hana.id, "reason": "Again"},
    ).get_data(as_text=True)
    # no longer offered
    assert (
        NeverPair.select().count() == 1
        and "Choose the person they must never be paired with" in html
    )


def test_a_never_pair_can_be_withdrawn(world, admin_client):
    admin_client.post(
        f"/admin/people/{world.hana.id}/pairing/never",
        {"other": world.angela.id, "reason": "Grievance"},
    )
    admin_client.post(
        f"/admin/people/{world.angela.id}/pairing/never/{NeverPair.get().id}/withdraw"
    )
    assert not NeverPair.select().exists()
    assert AuditEvent.select().where(AuditEvent.verb == "withdrew never pair").count() == 1
