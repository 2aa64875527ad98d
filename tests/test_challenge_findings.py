"""Recording findings: per-field autosave, merging the other visitor's other fields.

Conflicts shown with both texts, agreeing, locking, reopening.
"""

from datetime import timedelta

import pytest

from qa.actions.models import Action
from qa.audit import AuditEvent
from qa.challenge import findings
from qa.challenge.models import ChallengeEvent, Finding, Recommendation, Visitor
from tests.challenge_helpers import (
    SOON,
    agree_everything,
    at,
    cycle_fixture,  # noqa: F401
    event_fixture,  # noqa: F401
    findings_of,
    outsider_fixture,  # noqa: F401
    reload,
    visit_happened,
)
from tests.conftest import dates


def field_post(finding, name, text, base="", version=None, **extra):
    return {
        name: text,
        f"base-{name}": base,
        "version": finding.version if version is None else version,
        **extra,
    }


@pytest.fixture
def lead(signed_in, people):
    return signed_in(people["reviewer"])


@pytest.fixture
def peer(signed_in, people):
    return signed_in(people["peer"])


def test_a_field_autosaves_and_answers_with_its_saved_state(lead, event):
    finding = findings_of(event)[0]
    response = lead.post(
        f"/challenge/findings/{finding.id}/fields/strengths",
        field_post(finding, "strengths", "Clear board ownership"),
        htmx=True,
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "Saved at" in html and "<html" not in html
    assert 'hx-swap-oob="true"' in html and response.headers["HX-Trigger"] == "findingsSaved"
    assert Finding.get_by_id(finding.id).strengths == "Clear board ownership"


def test_the_other_visitor_saving_a_different_field_is_merged_not_refused(lead, peer, event):
    finding = findings_of(event)[0]
    opened = finding.version
    lead.post(
        f"/challenge/findings/{finding.id}/fields/strengths",
        field_post(finding, "strengths", "Strong leadership", version=opened),
        htmx=True,
    )
    html = peer.post(
        f"/challenge/findings/{finding.id}/fields/development",
        field_post(finding, "development", "Audit impact", version=opened),
        htmx=True,
    ).get_data(as_text=True)
    assert "Saved at" in html
    saved = Finding.get_by_id(finding.id)
    assert (saved.strengths, saved.development) == ("Strong leadership", "Audit impact")


def test_a_stale_save_of_the_same_field_shows_both_texts_and_overwrites_nothing(lead, peer, event):
    finding = findings_of(event)[0]
    opened = finding.version
    lead.post(
        f"/challenge/findings/{finding.id}/fields/strengths",
        field_post(finding, "strengths", "Lead's words", version=opened),
        htmx=True,
    )
    html = peer.post(
        f"/challenge/findings/{finding.id}/fields/strengths",
        field_post(finding, "strengths", "Peer's words", version=opened),
        htmx=True,
    ).get_data(as_text=True)
    assert "Not saved: Angela Brooks saved different words here" in html
    assert (
        "Lead&#39;s words" in html
        and "Peer&#39;s words" in html
        and "Keep my version" in html
        and "Use their version" in html
    )
    assert "hx-swap-oob" not in html
    assert Finding.get_by_id(finding.id).strengths == "Lead's words"


def test_keep_mine_overwrites_the_version_that_was_shown(lead, peer, event):
    finding = findings_of(event)[0]
    opened = finding.version
    lead.post(
        f"/challenge/findings/{finding.id}/fields/strengths",
        field_post(finding, "strengths", "Lead's words", version=opened),
        htmx=True,
    )
    shown = Finding.get_by_id(finding.id).version
    peer.post(
        f"/challenge/findings/{finding.id}/fields/strengths",
        field_post(finding, "strengths", "Peer's words", version=opened, overwrite=shown),
        htmx=True,
    )
    assert Finding.get_by_id(finding.id).strengths == "Peer's words"


def test_keep_mine_after_a_further_save_is_a_conflict_again(lead, peer, event):
    finding = findings_of(event)[0]
    opened = finding.version
    lead.post(
        f"/challenge/findings/{finding.id}/fields/strengths",
        field_post(finding, "strengths", "First", version=opened),
        htmx=True,
    )
    shown = Finding.get_by_id(finding.id).version
    lead.post(
        f"/challenge/findings/{finding.id}/fields/strengths",
        field_post(finding, "strengths", "Second", base="First", version=shown),
        htmx=True,
    )
    html = peer.post(
        f"/challenge/findings/{finding.id}/fields/strengths",
        field_post(finding, "strengths", "Mine", version=opened, overwrite=shown),
        htmx=True,
    ).get_data(as_text=True)
    assert "Not saved" in html and Finding.get_by_id(finding.id).strengths == "Second"


def test_use_theirs_returns_the_field_as_saved_and_drops_the_local_copy(lead, peer, event):
    finding = findings_of(event)[0]
    lead.post(
        f"/challenge/findings/{finding.id}/fields/strengths",
        field_post(finding, "strengths", "Lead's words"),
        htmx=True,
    )
    html = peer.get(
        f"/challenge/findings/{finding.id}/fields/strengths", headers={"HX-Request": "true"}
    ).get_data(as_text=True)
    assert "Lead&#39;s words</textarea>" in html and 'data-discard-local="true"' in html


def test_without_javascript_use_theirs_is_a_page_of_the_field_as_saved(lead, peer, event):
    finding = findings_of(event)[0]
    lead.post(
        f"/challenge/findings/{finding.id}/fields/strengths",
        field_post(finding, "strengths", "Lead's words"),
    )
    html = peer.get(f"/challenge/findings/{finding.id}/fields/strengths").get_data(as_text=True)
    assert "<h1" in html and "Strengths for" in html and "Lead&#39;s words</textarea>" in html


def test_the_agreed_rating_accepts_only_red_amber_or_green(lead, event):
    finding = findings_of(event)[0]
    lead.post(
        f"/challenge/findings/{finding.id}/fields/agreed_rag",
        field_post(finding, "agreed_rag", "A"),
        htmx=True,
    )
    assert Finding.get_by_id(finding.id).agreed_rag == "A"
    lead.post(
        f"/challenge/findings/{finding.id}/fields/agreed_rag",
        field_post(Finding.get_by_id(finding.id), "agreed_rag", "purple", base="A"),
        htmx=True,
    )
    assert Finding.get_by_id(finding.id).agreed_rag == ""


def test_an_unknown_field_is_not_found(lead, event):
    finding = findings_of(event)[0]
    assert (
        lead.post(
            f"/challenge/findings/{finding.id}/fields/self_rag", {"self_rag": "G"}, htmx=True
        ).status_code
        == 404
    )


def test_without_javascript_the_whole_standard_saves_at_once(lead, event):
    finding = findings_of(event)[0]
    data = {
        "version": finding.version,
        "agreed_rag": "G",
        "evidence_seen": "Minutes",
        "questions_asked": "",
        "strengths": "Good",
        "development": "",
    }
    data.update({f"base-{n}": "" for n in findings.FIELDS})
    assert lead.post(f"/challenge/findings/{finding.id}", data).status_code == 302
    saved = Finding.get_by_id(finding.id)
    assert (saved.agreed_rag, saved.evidence_seen, saved.strengths) == ("G", "Minutes", "Good")


def test_without_javascript_a_second_visitor_on_the_same_standard_gets_a_conflict_not_an_overwrite(
    lead, peer, event
):
    finding = findings_of(event)[0]
    opened = {
        "version": finding.version,
        **{name: "" for name in findings.FIELDS},
        **{f"base-{name}": "" for name in findings.FIELDS},
    }
    assert (
        lead.post(
            f"/challenge/findings/{finding.id}", {**opened, "strengths": "Lead's words"}
        ).status_code
        == 302
    )
    response = peer.post(
        f"/challenge/findings/{finding.id}",
        {**opened, "strengths": "Peer's words", "development": "Audit impact"},
    )
    html = response.get_data(as_text=True)
    assert (
        response.status_code == 200
        and "Not saved: Angela Brooks saved different words here" in html
    )
    assert "Lead&#39;s words" in html and "Peer&#39;s words" in html and "Keep my version" in html
    saved = Finding.get_by_id(finding.id)
    # the other box of the standard still saves
    assert (saved.strengths, saved.development) == ("Lead's words", "Audit impact")


def test_the_summary_autosaves_with_its_own_version(lead, peer, event):
    html = lead.post(
        f"/challenge/events/{event.id}/summary",
        {"summary": "Open and honest", "base-summary": "", "version": event.summary_version},
        htmx=True,
    ).get_data(as_text=True)
    assert "Saved at" in html
    stale = peer.post(
        f"/challenge/events/{event.id}/summary",
        {"summary": "Other words", "base-summary": "", "version": event.summary_version},
        htmx=True,
    ).get_data(as_text=True)
    assert "Not saved" in stale and reload(event).summary == "Open and honest"
    assert reload(event).version == event.version  # the admin's scheduling version is untouched


def test_findings_page_shows_the_agencys_rating_evidence_and_prompts_beside_each_finding(
    lead, event
):
    html = lead.get(f"/challenge/events/{event.id}/findings").get_data(as_text=True)
    assert "Our evidence for Leadership." in html and "Who at board level is accountable" in html
    assert html.count('class="qa-standard"') == 10 and "Agree findings" not in html  # not ready yet


def test_findings_page_runs_a_bounded_number_of_queries(lead, event, count_queries):
    with count_queries() as counter:
        assert lead.get(f"/challenge/events/{event.id}/findings").status_code == 200
    assert counter.count <= 20, counter.count


def test_recommendations_are_added_and_withdrawn(lead, event):
    finding = findings_of(event)[0]
    prefix = f"rec-{finding.id}-"
    due = (SOON + timedelta(days=90)).isoformat()
    html = lead.post(
        f"/challenge/findings/{finding.id}/recommendations",
        {
            prefix + "text": "Audit supervision",
            prefix + "owner": "Head of quality",
            **dates(**{prefix + "due": due}),
        },
        htmx=True,
    ).get_data(as_text=True)
    assert "Audit supervision" in html and "<html" not in html
    rec = Recommendation.get()
    assert rec.action_id is None  # an action only once the findings are agreed
    lead.post(f"/challenge/recommendations/{rec.id}/remove", htmx=True)
    assert Recommendation.select().count() == 0


def test_a_recommendation_needs_an_owner_and_a_due_date_not_in_the_past(lead, event):
    finding = findings_of(event)[0]
    prefix = f"rec-{finding.id}-"
    html = lead.post(
        f"/challenge/findings/{finding.id}/recommendations",
        {prefix + "text": "Audit", prefix + "owner": "", **dates(**{prefix + "due": "2020-01-01"})},
        htmx=True,
    ).get_data(as_text=True)
    assert (
        "Enter who will own the action" in html
        and "The due date must be today or in the future" in html
    )
    assert Recommendation.select().count() == 0


def test_findings_cannot_be_agreed_until_every_standard_is_rated_and_summarised(app, people, event):
    visit_happened(event)
    visitor = Visitor.get((Visitor.event == event) & (Visitor.user == people["reviewer"]))
    with pytest.raises(findings.NotReady) as not_ready:
        findings.agree(event, visitor, people["reviewer"])
    assert "Give an agreed rating for Leadership" in not_ready.value.problems[0]
    assert "Write the overall summary" in not_ready.value.problems


def test_findings_cannot_be_agreed_before_the_visit_has_taken_place(app, people, event):
    """Visitors agreed the findings of a visit dated next month: the outcome then said "Visited" a
    date still to come. Agreement waits for the visit, on the page, the route and in the service."""
    agree_everything(event, None)
    ChallengeEvent.update(starts_at=at(SOON, 10), ends_at=at(SOON, 13)).where(
        ChallengeEvent.id == event.id
    ).execute()
    event = ChallengeEvent.get_by_id(event.id)
    visitor = Visitor.get((Visitor.event == event) & (Visitor.user == people["reviewer"]))
    with pytest.raises(findings.NotReady) as not_ready:
        findings.agree(event, visitor, people["reviewer"])
    assert not_ready.value.problems == [
        f"The visit is on {SOON:%-d %B %Y}: the findings can be agreed once it has taken place"
    ]
    assert Visitor.get_by_id(visitor.id).agreed_at is None
    assert ChallengeEvent.get_by_id(event.id).status == "scheduled"


def test_both_visitors_agreeing_locks_the_findings_and_turns_recommendations_into_actions(
    app, people, event
):
    finding = findings_of(event)[2]
    findings.add_recommendation(
        finding,
        "Audit supervision",
        "Head of quality",
        SOON + timedelta(days=90),
        people["reviewer"],
    )
    agree_everything(event, people["reviewer"])
    lead, peer = (
        Visitor.get((Visitor.event == event) & (Visitor.role == role)) for role in ("lead", "peer")
    )
    assert findings.agree(event, lead, people["reviewer"]) is False
    assert reload(event).status == "scheduled"
    assert findings.agree(event, peer, people["peer"]) is True
    assert reload(event).status == "agreed"
    action = Action.get()
    assert (
        action.source,
        action.source_id,
        action.agency_id,
        action.owner,
        action.standard_id,
    ) == ("challenge", finding.id, event.agency_id, "Head of quality", finding.standard_id)
    assert Recommendation.get().action_id == action.id


def test_a_change_after_one_visitor_agreed_means_agreeing_again(app, people, event):
    agree_everything(event, people["reviewer"])
    lead = Visitor.get((Visitor.event == event) & (Visitor.role == "lead"))
    findings.agree(event, lead, people["reviewer"])
    finding = findings_of(event)[0]
    findings.save_finding_field(finding, "strengths", "More", "", finding.version, people["peer"])
    assert Visitor.get_by_id(lead.id).agreed_at is None


def test_agreed_findings_refuse_changes(lead, people, event):
    agree_everything(event, people["reviewer"])
    for visitor in Visitor.select().where(Visitor.event == event):
        findings.agree(event, visitor, visitor.user)
    finding = findings_of(event)[0]
    html = lead.post(
        f"/challenge/findings/{finding.id}/fields/strengths",
        field_post(finding, "strengths", "Late change"),
        htmx=True,
    ).get_data(as_text=True)
    assert "agreed and locked" in html and Finding.get_by_id(finding.id).strengths == ""


def test_admin_reopens_agreed_findings_with_a_reason_that_is_logged(admin_client, people, event):
    agree_everything(event, people["reviewer"])
    for visitor in Visitor.select().where(Visitor.event == event):
        findings.agree(event, visitor, visitor.user)
    assert "Say why the findings need reopening" in admin_client.post(
        f"/challenge/events/{event.id}/reopen", {"reason": ""}
    ).get_data(as_text=True)
    assert (
        admin_client.post(
            f"/challenge/events/{event.id}/reopen",
            {"reason": "The peer's notes on training were missed"},
        ).status_code
        == 302
    )
    assert reload(event).status == "held"
    assert (
        not Visitor.select()
        .where((Visitor.event == event) & Visitor.agreed_at.is_null(False))
        .exists()
    )
    logged = AuditEvent.get((AuditEvent.verb == "reopened") & (AuditEvent.object_id == event.id))
    assert "The peer's notes on training were missed" in logged.summary


def test_withdrawing_a_recommendation_after_reopening_cancels_its_action(app, people, event):
    finding = findings_of(event)[0]
    findings.add_recommendation(
        finding,
        "Audit supervision",
        "Head of quality",
        SOON + timedelta(days=90),
        people["reviewer"],
    )
    agree_everything(event, people["reviewer"])
    for visitor in Visitor.select().where(Visitor.event == event):
        findings.agree(event, visitor, visitor.user)
    findings.reopen(reload(event), "Correction", people["admin"])
    findings.remove_recommendation(Recommendation.get(), people["reviewer"])
    assert Action.get().status == "cancelled"


def test_autosave_audits_edits_quietly_but_every_rating(app, people, event):
    finding = findings_of(event)[0]
    for n, words in enumerate(["a", "ab", "abc"]):
        finding = findings.save_finding_field(
            finding, "strengths", words, "", finding.version, people["reviewer"]
        )
    findings.save_finding_field(finding, "agreed_rag", "G", "", finding.version, people["reviewer"])
    verbs = [
        (e.verb, e.summary) for e in AuditEvent.select().where(AuditEvent.object_type == "Finding")
    ]
    assert len(verbs) == 2 and "Agreed rating" in verbs[1][1]


def test_agree_page_flow_for_a_visitor(lead, peer, people, event):
    agree_everything(event, people["reviewer"])
    assert "Agree findings" in lead.get(f"/challenge/events/{event.id}/findings").get_data(
        as_text=True
    )
    lead.post(f"/challenge/events/{event.id}/agree")
    html = peer.post(f"/challenge/events/{event.id}/agree", follow_redirects=True).get_data(
        as_text=True
    )
    assert (
        "The findings are agreed and locked" in html
        and ChallengeEvent.get_by_id(event.id).status == "agreed"
    )
