"""Who sees which case and which agency's audit of it, every view recorded.

An agency lead sees only the cases their agency is in and their own agency's audits (the others'
once the auditors have met); the sub-group sees all; a peer reviewer sees nothing unless named as
an auditor. A refusal is a 404, recorded as "denied".
"""

from qa.audit import AuditEvent
from qa.case_audits import rules
from qa.case_audits.models import CaseAudit, NamedAuditor
from tests.case_audit_fixtures import make_case, return_of

SUBGROUP = rules.Viewer(True, None)
LEAD_OF_1 = rules.Viewer(False, 1)
NOBODY = rules.Viewer(False, None)


def denials():
    return AuditEvent.select().where(AuditEvent.verb == "denied").count()


def test_rules_a_case_is_seen_by_its_agencies_and_the_subgroup():
    assert rules.may_see_case(SUBGROUP, {2})
    assert rules.may_see_case(LEAD_OF_1, {1, 2})
    assert not rules.may_see_case(LEAD_OF_1, {2, 3})
    assert not rules.may_see_case(NOBODY, {1})


def test_rules_another_agencys_return_only_after_the_meeting():
    assert rules.may_see_return(LEAD_OF_1, 1, {1, 2}, "gathering")
    assert not rules.may_see_return(LEAD_OF_1, 2, {1, 2}, "meeting")
    assert rules.may_see_return(LEAD_OF_1, 2, {1, 2}, "report_drafted")
    assert not rules.may_see_return(LEAD_OF_1, 3, {2, 3}, "published")  # not their case
    assert rules.may_see_return(SUBGROUP, 3, {3}, "planned")


def test_a_lead_of_an_uninvolved_agency_is_refused_the_case_and_it_is_recorded(
    signed_in, audit_world
):
    client, case = signed_in(audit_world["lead_b"]), audit_world["case_a"]
    before = denials()
    assert client.get(f"/case-audits/cases/{case.id}").status_code == 404
    assert denials() == before + 1
    line = AuditEvent.select().where(AuditEvent.verb == "denied").order_by(AuditEvent.id).get()
    assert line.object_type == "Case" and line.object_id == case.id
    ret = return_of(case, audit_world["agency_a"])
    assert client.get(f"/case-audits/returns/{ret.id}").status_code == 404
    assert not AuditEvent.select().where(AuditEvent.verb == "viewed").exists()


def test_every_view_of_a_case_or_a_return_is_recorded(lead_client, audit_world):
    case = audit_world["case_a"]
    ret = return_of(case, audit_world["agency_a"])
    assert lead_client.get(f"/case-audits/cases/{case.id}").status_code == 200
    assert lead_client.get(f"/case-audits/returns/{ret.id}").status_code == 200
    views = AuditEvent.select().where(AuditEvent.verb == "viewed").order_by(AuditEvent.id)
    assert [(v.object_type, v.user.name) for v in views] == [
        ("Case", "Amara Nwosu"),
        ("CaseReturn", "Amara Nwosu"),
    ]


def test_an_admin_opening_a_case_to_change_it_is_recorded_too(admin_client, audit_world):
    case = audit_world["case_a"]
    assert admin_client.get(f"/case-audits/cases/{case.id}/edit").status_code == 200
    view = AuditEvent.get(AuditEvent.verb == "viewed")
    assert (view.object_type, view.object_id) == ("Case", case.id)


def test_a_lead_lists_only_the_cases_their_agency_is_in(lead_client, audit_world):
    page = lead_client.get(f"/case-audits/{audit_world['audit'].id}").get_data(as_text=True)
    assert "MACA-2026-01" in page and "MACA-2026-02" not in page
    ret = return_of(audit_world["case_a"], audit_world["agency_a"])
    assert f'href="/case-audits/returns/{ret.id}"' in page  # straight to their own audit


def test_the_other_agencys_audit_opens_only_after_the_meeting(signed_in, audit_world):
    both = make_case(
        audit_world["audit"], [audit_world["agency_a"], audit_world["agency_b"]], "MACA-2026-03"
    )
    theirs = return_of(both, audit_world["agency_b"])
    client = signed_in(audit_world["lead_a"])
    assert client.get(f"/case-audits/returns/{theirs.id}").status_code == 404
    CaseAudit.update(status="report_drafted").execute()
    page = client.get(f"/case-audits/returns/{theirs.id}")
    assert page.status_code == 200
    assert "Submit your audit" not in page.get_data(as_text=True)  # read, never completed


def test_a_peer_reviewer_sees_nothing_unless_named(signed_in, audit_world):
    client, found = signed_in(audit_world["peer"]), audit_world["audit"]
    assert client.get(f"/case-audits/{found.id}").status_code == 404
    listed = client.get("/case-audits").get_data(as_text=True)
    assert "Neglect" in listed  # the table of audits is for everyone signed in
    assert f'href="/case-audits/{found.id}"' not in listed  # but not the way in
    NamedAuditor.create(audit=found, user=audit_world["peer"])  # of agency B
    listed = client.get("/case-audits").get_data(as_text=True)
    assert 'href="/case-audits" aria-current="true"' in listed  # the menu offers it
    assert f'href="/case-audits/{found.id}"' in listed
    page = client.get(f"/case-audits/{found.id}").get_data(as_text=True)
    assert "MACA-2026-02" in page and "MACA-2026-01" not in page
    ret = return_of(audit_world["case_b"], audit_world["agency_b"])
    assert "Submit your audit" in client.get(f"/case-audits/returns/{ret.id}").get_data(
        as_text=True
    )


def test_the_subgroup_sees_every_case(reviewer_client, audit_world):
    page = reviewer_client.get(f"/case-audits/{audit_world['audit'].id}").get_data(as_text=True)
    assert "MACA-2026-01" in page and "MACA-2026-02" in page


def test_an_admin_names_and_removes_an_auditor(admin_client, audit_world):
    found, peer = audit_world["audit"], audit_world["peer"]
    response = admin_client.post(
        f"/case-audits/{found.id}/auditors", {"version": "1", "user": peer.id}
    )
    assert response.status_code == 302
    named = NamedAuditor.get(NamedAuditor.user == peer)
    admin_client.post(f"/case-audits/auditors/{named.id}/remove")
    assert not NamedAuditor.select().exists()
