"""The editing primitives every editing route uses: save a form at its version or show the
conflict, autosave one field merging with other fields, and record quietly."""

from types import SimpleNamespace

import pytest

from qa import audit, editing
from qa.audit import AuditEvent
from qa.cycles.models import Cycle
from qa.section11.models import Rating
from tests.section11_fixtures import ratings_of

LABELS = {"name": "Name", "deadline": "Deadline"}


def posted(**fields):
    """A posted form as the primitives read it: each field has `.data`."""
    return SimpleNamespace(**{name: SimpleNamespace(data=value) for name, value in fields.items()})


@pytest.fixture
def request_context(app):
    with app.test_request_context():
        yield


@pytest.fixture
def cycle(request_context, cycles):
    return Cycle.get(Cycle.name == "2026-27")


def test_save_form_saves_at_the_version_it_was_opened_with(cycle):
    form = posted(name="2026-27 (renamed)", deadline=cycle.deadline, version=str(cycle.version))
    assert editing.save_form(cycle, form, LABELS) is None
    saved = Cycle.get_by_id(cycle.id)
    assert saved.name == "2026-27 (renamed)" and saved.version == cycle.version
    assert AuditEvent.get(AuditEvent.object_type == "Cycle").verb == "changed"


def test_a_stale_form_gets_a_conflict_of_both_versions_and_sending_again_keeps_mine(cycle):
    opened = cycle.version
    Cycle.get_by_id(cycle.id).save_versioned(opened, name="Theirs")
    form = posted(name="Mine", deadline=cycle.deadline, version=str(opened))

    conflict = editing.save_form(Cycle.get_by_id(cycle.id), form, LABELS)

    assert conflict.rows == [{"label": "Name", "mine": "Mine", "theirs": "Theirs"}]
    assert conflict.version == opened + 1 and form.version.data == str(opened + 1)
    assert Cycle.get_by_id(cycle.id).name == "Theirs"
    assert editing.save_form(Cycle.get_by_id(cycle.id), form, LABELS) is None
    assert Cycle.get_by_id(cycle.id).name == "Mine"


def test_a_stale_form_that_sends_what_is_already_saved_is_no_conflict(cycle):
    opened = cycle.version
    Cycle.get_by_id(cycle.id).save_versioned(opened, name="Same words")
    form = posted(name="Same words", deadline=cycle.deadline, version=str(opened))
    assert editing.save_form(Cycle.get_by_id(cycle.id), form, LABELS) is None


def test_save_form_can_use_a_service_that_does_more(cycle):
    calls = []

    def write(obj, version, data, summary):
        calls.append(data)
        editing.update(obj, version, data, summary)

    form = posted(name="Via a service", deadline=cycle.deadline, version=str(cycle.version))
    assert editing.save_form(cycle, form, {"name": "Name"}, write=write) is None
    assert calls == [{"name": "Via a service"}]


@pytest.fixture
def rating(request_context, return_a, people):
    return ratings_of(return_a)[0]


def test_autosaving_one_field_merges_with_another_persons_save_of_a_different_field(rating, people):
    opened = rating.version
    Rating.get_by_id(rating.id).save_versioned(opened, rag="A")  # someone rates meanwhile
    saved = editing.save_field(rating, "evidence", "Our words", "", opened, people["lead_a"])
    assert (saved.rag, saved.evidence) == ("A", "Our words")
    assert saved.version == opened + 2 and saved.updated_by_id == people["lead_a"].id


def test_autosaving_a_field_someone_else_changed_is_a_conflict_until_mine_is_kept(rating, people):
    opened = rating.version
    editing.save_field(rating, "evidence", "Their words", "", opened, people["admin"])

    with pytest.raises(editing.FieldConflict) as raised:
        editing.save_field(rating, "evidence", "My words", "", opened, people["lead_a"])
    conflict = raised.value.conflict
    assert conflict.rows[0]["mine"] == "My words" and conflict.rows[0]["theirs"] == "Their words"
    assert conflict.by.id == people["admin"].id and conflict.version == opened + 1

    kept = editing.save_field(
        rating, "evidence", "My words", "", opened, people["lead_a"], overwrite=conflict.version
    )
    assert kept.evidence == "My words"


def test_a_guard_refuses_inside_the_transaction_and_nothing_is_saved(rating, people):
    class Locked(Exception):
        """The record was locked a moment ago."""

    def locked():
        raise Locked

    with pytest.raises(Locked):
        editing.save_field(
            rating, "evidence", "Late", "", rating.version, people["lead_a"], guard=locked
        )
    assert Rating.get_by_id(rating.id).evidence == rating.evidence


def test_record_quietly_writes_one_line_per_person_and_record_within_the_quiet_spell(
    rating, people
):
    for _ in range(3):
        audit.record_quietly(people["lead_a"], "changed", rating, "Edited the evidence")
    audit.record_quietly(people["admin"], "changed", rating, "Edited the evidence")
    lines = AuditEvent.select().where(AuditEvent.object_type == "Rating")
    assert sorted(line.user_id for line in lines) == sorted(
        [people["lead_a"].id, people["admin"].id]
    )
