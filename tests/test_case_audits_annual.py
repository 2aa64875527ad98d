"""The case audits' section of the board's annual report, their own retention and purge, and the
partnership settings they read (localities, years to keep)."""

from datetime import date

from qa.actions.models import Action
from qa.audit import AuditEvent
from qa.capability import purges, report_sections
from qa.case_audits import annual, retention
from qa.case_audits.models import AuditTheme, Case, CaseAudit, CaseReturn, CaseTheme
from qa.cycles.models import Cycle
from qa.partnership.models import PartnershipSettings
from qa.partnership.queries import forget
from tests.case_audit_fixtures import make_audit, make_case


def test_the_annual_report_gains_a_case_audit_section(admin_client, audit_world):
    found = audit_world["audit"]
    drift = AuditTheme.create(audit=found, name="Drift after step-down", kind="concern")
    CaseTheme.create(case=audit_world["case_a"], theme=drift)
    assert "case-audits" in [section.key for section in report_sections()]
    figures = annual.gather(found.cycle, date.today())
    assert figures["audits"][0] | {"themes": None} == {
        "topic": "Neglect",
        "status": "Gathering returns",
        "cases": 2,
        "children": 4,
        "themes": None,
        "summary": "",
        "recommendations": 0,
    }
    page = admin_client.get(f"/reports/annual?cycle={found.cycle_id}").get_data(as_text=True)
    assert 'id="case-audits">Multi-agency case audits</h2>' in page
    assert "Drift after step-down (concern, 1 of 2 cases)" in page


def test_purge_deletes_case_audits_past_the_partnerships_setting_only(app, people):
    old = Cycle.create(name="2017-18", starts=date(2017, 4, 1), ends=date(2018, 3, 31))
    gone = make_audit("Domestic abuse")
    CaseAudit.update(cycle=old).where(CaseAudit.id == gone.id).execute()
    make_case(gone, [people["agency_a"]], "MACA-2017-01")
    Action.create(
        agency=people["agency_a"], cycle=old, source="case_audit", source_id=1,
        description="Kept", owner="Lead", due=date(2018, 6, 1),
    )  # fmt: skip
    kept = make_audit("Neglect")
    make_case(kept, [people["agency_a"]], "MACA-2026-01")
    PartnershipSettings.create(name="Northbrook", case_audit_years=7)
    said = retention.purge(today=date(2026, 12, 3))
    assert said.startswith("Deleted 1 case audits")
    assert [a.topic for a in CaseAudit.select()] == ["Neglect"]
    assert [c.reference for c in Case.select()] == ["MACA-2026-01"]
    assert CaseReturn.select().count() == 1 and Action.select().count() == 1
    line = AuditEvent.get(AuditEvent.verb == "purged")
    assert "Domestic abuse" in line.summary and line.object_type == "CaseAudit"
    assert retention.purge in purges()


def test_a_longer_setting_keeps_them(app, people):
    old = Cycle.create(name="2017-18", starts=date(2017, 4, 1), ends=date(2018, 3, 31))
    found = make_audit("Domestic abuse")
    CaseAudit.update(cycle=old).execute()
    PartnershipSettings.create(name="Northbrook", case_audit_years=10)
    retention.purge(today=date(2026, 12, 3))
    assert CaseAudit.select().count() == 1
    assert found


def test_the_settings_page_saves_the_years_to_keep(admin_client):
    data = {
        "version": "1",
        "name": "Northbrook Safeguarding Children Partnership",
        "time_zone": "Europe/London",
        "case_audit_years": "5",
    }
    assert admin_client.post("/admin/settings", data).status_code == 302
    saved = PartnershipSettings.get()
    assert saved.case_audit_years == 5
    forget()
