"""Who may see what of a challenge event.

Per route and role. Refusals are 404s, recorded as "denied".
"""

import pytest

from qa.audit import AuditEvent
from qa.challenge import findings
from qa.challenge.models import Visitor
from qa.documents import Document
from qa.section11.models import Rating, RatingDocument
from tests.challenge_helpers import (
    agree_everything,
    cycle_fixture,  # noqa: F401
    event_fixture,  # noqa: F401
    findings_of,
    outsider_fixture,  # noqa: F401
)

ROLES = ["admin", "reviewer", "peer", "outsider", "lead_a", "lead_b"]


@pytest.fixture
def client_for(signed_in, people, outsider):
    everyone = {**people, "outsider": outsider}
    return lambda role: signed_in(everyone[role])


def agreed(event):
    agree_everything(event, None)
    for visitor in Visitor.select().where(Visitor.event == event):
        findings.agree(event, visitor, visitor.user)


# Who gets what, route by route: admin, the two visitors, a reviewer who is not visiting, the
# visited agency's lead, another agency's lead.
EXPECTED = {
    "event page": {
        "admin": 200,
        "reviewer": 200,
        "peer": 200,
        "outsider": 404,
        "lead_a": 200,
        "lead_b": 404,
    },
    "findings page": {
        "admin": 200,
        "reviewer": 200,
        "peer": 200,
        "outsider": 404,
        "lead_a": 404,
        "lead_b": 404,
    },
    "save a finding": {
        "admin": 404,
        "reviewer": 200,
        "peer": 200,
        "outsider": 404,
        "lead_a": 404,
        "lead_b": 404,
    },
    "save the summary": {
        "admin": 404,
        "reviewer": 200,
        "peer": 200,
        "outsider": 404,
        "lead_a": 404,
        "lead_b": 404,
    },
    "calendar invite": {
        "admin": 200,
        "reviewer": 200,
        "peer": 200,
        "outsider": 404,
        "lead_a": 200,
        "lead_b": 404,
    },
    "agreed outcome": {
        "admin": 200,
        "reviewer": 200,
        "peer": 200,
        "outsider": 404,
        "lead_a": 200,
        "lead_b": 404,
    },
    "event PDF": {
        "admin": 200,
        "reviewer": 200,
        "peer": 200,
        "outsider": 404,
        "lead_a": 200,
        "lead_b": 404,
    },
    "reopen": {
        "admin": 200,
        "reviewer": 403,
        "peer": 403,
        "outsider": 403,
        "lead_a": 403,
        "lead_b": 403,
    },
}


def ask(client, what, event):
    finding = findings_of(event)[0]
    if what == "save a finding":
        return client.post(
            f"/challenge/findings/{finding.id}/fields/strengths",
            {"strengths": "x", "base-strengths": "", "version": finding.version},
            htmx=True,
        )
    if what == "save the summary":
        return client.post(
            f"/challenge/events/{event.id}/summary",
            {"summary": "x", "base-summary": "", "version": 1},
            htmx=True,
        )
    paths = {
        "event page": "",
        "findings page": "/findings",
        "calendar invite": "/invite.ics",
        "agreed outcome": "/outcome",
        "event PDF": "/report.pdf",
        "reopen": "/reopen",
    }
    return client.get(f"/challenge/events/{event.id}{paths[what]}")


@pytest.mark.parametrize("role", ROLES)
def test_each_route_answers_each_role_as_expected(client_for, event, role):
    client = client_for(role)
    got = {
        what: ask(client, what, event).status_code
        for what in EXPECTED
        if what not in ("agreed outcome", "event PDF")
    }
    agreed(event)
    got.update(
        {what: ask(client, what, event).status_code for what in ("agreed outcome", "event PDF")}
    )
    assert got == {what: statuses[role] for what, statuses in EXPECTED.items()}


def test_agency_lead_cannot_see_the_outcome_before_it_is_agreed(client_for, event):
    client = client_for("lead_a")
    assert client.get(f"/challenge/events/{event.id}/outcome").status_code == 404
    assert client.get(f"/challenge/events/{event.id}/report.pdf").status_code == 404


@pytest.mark.parametrize("role", ["reviewer", "peer", "outsider", "lead_a", "lead_b"])
def test_admin_only_pages_refuse_everyone_else(client_for, event, cycle, role):
    client = client_for(role)
    for path in [
        f"/challenge/cycles/{cycle.id}",
        f"/challenge/cycles/{cycle.id}/selection",
        f"/challenge/cycles/{cycle.id}/report",
        f"/challenge/cycles/{cycle.id}/report.pdf",
        f"/challenge/events/{event.id}/schedule",
        f"/challenge/events/{event.id}/cancel",
    ]:
        assert client.get(path).status_code == 403, path


def test_a_refused_reviewer_is_recorded_as_denied(client_for, event):
    client_for("outsider").get(f"/challenge/events/{event.id}/findings")
    logged = AuditEvent.get(AuditEvent.verb == "denied")
    assert (
        logged.object_type == "ChallengeEvent"
        and logged.object_id == event.id
        and "Ben Ashworth" in logged.summary
    )


def test_an_unassigned_reviewer_saving_a_finding_is_recorded_as_denied(client_for, event):
    finding = findings_of(event)[0]
    client_for("outsider").post(
        f"/challenge/findings/{finding.id}/fields/strengths", {"strengths": "x"}, htmx=True
    )
    assert AuditEvent.get(AuditEvent.verb == "denied").object_type == "Finding"


def test_visitors_download_the_agencys_documents_but_only_through_this_event(
    client_for, event, people
):
    document = Document.create(
        filename="policy.pdf", content_type="application/pdf", size=4, data=b"%PDF"
    )
    RatingDocument.create(rating=Rating.select().first(), document=document)
    assert (
        client_for("peer").get(f"/challenge/events/{event.id}/documents/{document.id}").status_code
        == 200
    )
    assert (
        client_for("lead_b")
        .get(f"/challenge/events/{event.id}/documents/{document.id}")
        .status_code
        == 404
    )
    loose = Document.create(
        filename="other.pdf", content_type="application/pdf", size=4, data=b"%PDF"
    )
    assert (
        client_for("peer").get(f"/challenge/events/{event.id}/documents/{loose.id}").status_code
        == 404
    )


def test_each_person_lands_on_their_own_challenge_page(client_for, event, cycle):
    assert client_for("admin").get("/challenge").location.endswith(f"/challenge/cycles/{cycle.id}")
    assert "Northbrook Hospitals" in client_for("peer").get("/challenge").get_data(as_text=True)
    assert "Northbrook Hospitals" not in client_for("outsider").get("/challenge").get_data(
        as_text=True
    )
    assert "What to prepare" in client_for("lead_a").get("/challenge").get_data(as_text=True)
    assert "has not been chosen" in client_for("lead_b").get("/challenge").get_data(as_text=True)


def test_the_agency_lead_sees_what_to_prepare_but_not_the_findings_in_progress(client_for, event):
    findings.save_finding_field(
        findings_of(event)[0], "strengths", "Draft words", "", 1, event.visitors[0].user
    )
    html = client_for("lead_a").get(f"/challenge/events/{event.id}").get_data(as_text=True)
    assert "What to prepare" in html and "Who at board level is accountable" in html
    assert "Draft words" not in html and "Two learning reviews" not in html


def test_anonymous_visitors_are_sent_to_sign_in(client, event):
    assert "/sign-in" in client.get(f"/challenge/events/{event.id}/findings").location


def test_the_agency_lead_does_not_see_how_visitors_were_chosen_or_clashes_overridden(
    client_for, event, people
):
    from qa.challenge.models import ClashOverride

    ClashOverride.create(
        event=event,
        clashes="Olivia Chen has said they are not available.",
        reason="Her leave moved",
        by=people["admin"],
    )
    html = client_for("lead_a").get(f"/challenge/events/{event.id}").get_data(as_text=True)
    assert "Olivia Chen" in html and "Her leave moved" not in html and "Chosen by hand" not in html
    assert "Her leave moved" in client_for("admin").get(f"/challenge/events/{event.id}").get_data(
        as_text=True
    )
