"""The audit trail's page: newest first, fifty a page, filtered by kind of record and record."""

import pytest

from qa import audit


@pytest.fixture
def trail(app, people):
    for n in range(1, 121):
        audit.record(None, "changed", None, f"Thing {n} changed", object_type="Thing")
    audit.record(None, "changed", people["lead_a"], "Someone else changed")


def test_the_first_page_has_the_newest_fifty_and_a_link_to_older(admin_client, trail):
    page = admin_client.get("/admin/audit?type=Thing").get_data(as_text=True)
    assert "Thing 120 changed" in page and "Thing 71 changed" in page
    assert "Thing 70 changed" not in page and "Someone else changed" not in page
    assert "Older" in page and "Newer" not in page


def test_the_last_page_links_only_to_newer(admin_client, trail):
    page = admin_client.get("/admin/audit?type=Thing&page=3").get_data(as_text=True)
    assert "Thing 20 changed" in page and "Thing 21 changed" not in page
    assert "Newer" in page and "Older" not in page


@pytest.mark.parametrize("junk", ["0", "-1", "abc", "²", "1234567", "9" * 30])
def test_a_page_number_that_is_not_one_shows_the_first_page(admin_client, trail, junk):
    response = admin_client.get(f"/admin/audit?type=Thing&page={junk}")
    assert response.status_code == 200 and "Thing 120 changed" in response.get_data(as_text=True)


def test_one_record_by_its_id(admin_client, trail, people):
    lead = people["lead_a"].id
    page = admin_client.get(f"/admin/audit?type=User&id={lead}").get_data(as_text=True)
    assert "Someone else changed" in page and "Thing 120 changed" not in page
    junk = admin_client.get("/admin/audit?type=User&id=" + "9" * 30)
    assert junk.status_code == 200 and "Someone else changed" in junk.get_data(as_text=True)


def test_the_trail_names_kinds_of_record_in_words_not_class_names(admin_client, people):
    """It showed "ChallengeEvent 22" and "Visitor 22" and offered "YouSaidWeDid" as a filter."""
    audit.record(
        people["admin"], "scheduled", None, "Scheduled a visit", object_type="ChallengeEvent"
    )
    audit.record(people["admin"], "added", None, "Added a statement", object_type="YouSaidWeDid")
    html = admin_client.get("/admin/audit").get_data(as_text=True)
    assert "Challenge event" in html and "&#39;You said, we did&#39; statement" in html
    assert ">ChallengeEvent<" not in html and "ChallengeEvent " not in html
    assert ">YouSaidWeDid<" not in html
    assert audit.kind_in_words("SurveyLink") == "Survey link"
