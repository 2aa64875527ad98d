"""Importing settings: a preview before anything is saved, then one import of it all (with its
sector, framework and audit line), a re-import that changes and closes settings, and nothing
half-imported when the import fails part way."""

import re

from qa.audit import AuditEvent
from qa.people.models import Agency
from qa.schools.models import AccountRequest, RegisterUpload, Setting
from tests.schools_fixtures import register, row, upload

FIRST = register(
    row("100001", "Oak Primary School"),
    row("100002", "Grange School", kind="Other independent school", phase="Not applicable"),
    row(
        "100003",
        "Little Ducks Nursery School",
        kind="Local authority nursery school",
        phase="Nursery",
    ),
)


def _apply(client, page):
    token = re.search(r'name="token" value="([^"]+)"', page).group(1)
    fingerprint = re.search(r'name="fingerprint" value="([^"]+)"', page).group(1)
    return client.post("/schools/import/apply", {"token": token, "fingerprint": fingerprint})


def test_the_preview_saves_nothing_and_the_import_saves_it_all(admin_client):
    page = upload(admin_client, FIRST).get_data(as_text=True)
    assert "Check the import" in page and "Nothing has been saved yet" in page
    assert "Import 3 changes" in page and "Little Ducks Nursery School" in page
    assert Setting.select().count() == 0
    response = _apply(admin_client, page)
    assert response.status_code == 303
    settings = {s.urn: s for s in Setting.select()}
    assert settings["100002"].kind == "independent"
    grange = settings["100002"].agency
    assert grange.sector.name == "Independent schools"
    assert grange.framework.name == "Independent schools (Education Act 2002 s157)"
    assert settings["100001"].agency.framework.name.startswith("Schools (Education Act 2002")
    assert settings["100003"].agency.framework.name.startswith("Early years")
    line = AuditEvent.get(AuditEvent.verb == "imported")
    assert "3 new, 0 changed, 0 closed" in line.summary
    assert RegisterUpload.select().count() == 0  # the kept file goes once imported


def test_a_reimport_shows_what_changes_and_closes_then_applies_it(admin_client):
    _apply(admin_client, upload(admin_client, FIRST).get_data(as_text=True))
    second = register(
        row("100001", "Oak Primary School", head="Bea Khan"),
        row(
            "100002",
            "Grange School",
            kind="Other independent school",
            phase="Not applicable",
            status="Closed",
        ),
        row(
            "100003",
            "Little Ducks Nursery School",
            kind="Local authority nursery school",
            phase="Nursery",
        ),
        row("100004", "Brook Academy", kind="Academy converter", phase="Secondary"),
    )
    page = upload(admin_client, second).get_data(as_text=True)
    assert re.search(r"Changed</dt>\s*<dd[^>]*>1<", page)
    assert "Head" in page and "Closed on the register (1)" in page and "Brook Academy" in page
    assert _apply(admin_client, page).status_code == 303
    oak = Setting.get(Setting.urn == "100001")
    assert oak.head_name == "Mrs Bea Khan" and oak.version == 2
    grange = Setting.get(Setting.urn == "100002")
    assert grange.status == "closed" and not grange.agency.active
    assert Setting.select().count() == 4


def test_a_bad_file_lists_its_rows_and_offers_no_import(admin_client):
    page = upload(admin_client, register(row("100001", "Oak"), row("9", "Bad"))).get_data(
        as_text=True
    )
    assert "1 row is wrong: nothing can be imported" in page
    assert "Line 3: the URN \u201c9\u201d must be a number of 5 to 7 digits" in page
    assert "/schools/import/apply" not in page and RegisterUpload.select().count() == 0


def test_an_import_failing_part_way_leaves_nothing(admin_client, monkeypatch):
    page = upload(admin_client, FIRST).get_data(as_text=True)
    inserted, insert = [], Setting.insert

    def insert_then_fail(**fields):  # the second setting's row cannot be written
        inserted.append(fields)
        if len(inserted) == 2:
            raise RuntimeError("the disk is full")
        return insert(**fields)

    monkeypatch.setattr(Setting, "insert", insert_then_fail)
    assert _apply(admin_client, page).status_code == 500
    assert len(inserted) == 2  # one setting and two agencies had been written, then undone
    assert Setting.select().count() == 0 and Agency.select().count() == 2  # the fixture's two
    assert not AuditEvent.select().where(AuditEvent.verb == "imported").exists()
    assert RegisterUpload.select().count() == 1  # still there to import again


def test_an_import_that_no_longer_matches_its_preview_is_refused(admin_client):
    page = upload(admin_client, FIRST).get_data(as_text=True)
    token = re.search(r'name="token" value="([^"]+)"', page).group(1)
    response = admin_client.post("/schools/import/apply", {"token": token, "fingerprint": "x"})
    assert "Settings changed since the preview" in response.get_data(as_text=True)
    assert Setting.select().count() == 0


def test_only_the_admin_who_previewed_a_file_can_import_it(admin_client, people):
    page = upload(admin_client, FIRST).get_data(as_text=True)
    token = re.search(r'name="token" value="([^"]+)"', page).group(1)
    RegisterUpload.update(owner=people["lead_a"].id).where(RegisterUpload.token == token).execute()
    assert "expired or was already imported" in _apply(admin_client, page).get_data(as_text=True)


def test_the_settings_list_and_the_request_queue_take_the_same_queries_whatever_their_length(
    admin_client, count_queries
):
    def queries_for(path):
        with count_queries() as counter:
            assert admin_client.get(path).status_code == 200
        return counter.count

    _apply(
        admin_client, upload(admin_client, register(row("100001", "Oak"))).get_data(as_text=True)
    )
    few = queries_for("/schools/settings"), queries_for("/schools/requests")
    rows = [row(str(100100 + n), f"School {n}") for n in range(30)]
    _apply(admin_client, upload(admin_client, register(*rows)).get_data(as_text=True))
    for setting in Setting.select():
        AccountRequest.create(setting=setting, name="A Lead", email=f"l{setting.id}@x.org")
    assert (queries_for("/schools/settings"), queries_for("/schools/requests")) == few


def test_a_previewed_file_not_imported_within_a_day_is_purged(admin_client):
    from datetime import datetime, timedelta

    from qa.schools import importing

    upload(admin_client, FIRST)
    assert "Deleted 0 register files" in importing.purge()
    RegisterUpload.update(at=datetime.now() - timedelta(days=2)).execute()
    assert "Deleted 1 register files" in importing.purge()
    assert RegisterUpload.select().count() == 0
