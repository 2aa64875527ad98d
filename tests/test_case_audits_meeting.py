"""The auditors' meeting: attendance by agency, themes across cases, and per case the agreed grade
of each domain, shown beside a single-agency grade that differs."""

from qa.audit import AuditEvent
from qa.case_audits import rules
from qa.case_audits.models import (
    AgreedGrade,
    AuditAttendance,
    AuditTheme,
    Case,
    CaseReturn,
    CaseTheme,
)
from tests.case_audit_fixtures import fill, make_case, return_of


def test_rules_differing_grades_and_counts():
    assert rules.differing("good", {"Police": "inadequate", "Health": "good", "School": ""}) == {
        "Police": "inadequate"
    }
    assert rules.differing("", {"Police": "inadequate"}) == {}
    assert rules.grade_counts(["good", "good", "inadequate", ""]) == {
        "outstanding": 0,
        "good": 2,
        "requires_improvement": 0,
        "inadequate": 1,
        "": 1,
    }
    tags = [("Drift", "concern", 1), ("Drift", "concern", 2), ("Drift", "concern", 2)]
    tags += [("Quick meetings", "strength", 3)]
    assert rules.theme_counts(tags) == [("Drift", "concern", 2), ("Quick meetings", "strength", 1)]


def test_attendance_is_recorded_by_agency(admin_client, audit_world):
    found, a = audit_world["audit"], audit_world["agency_a"]
    admin_client.post(f"/case-audits/{found.id}/attendance", {"agencies": [a.id]})
    rows = {row.agency_id: row.attended for row in AuditAttendance.select()}
    assert rows == {a.id: True, audit_world["agency_b"].id: False}


def test_a_theme_is_added_once(admin_client, audit_world):
    found = audit_world["audit"]
    data = {"name": "Fathers not seen", "kind": "concern"}
    assert admin_client.post(f"/case-audits/{found.id}/themes", data).status_code == 302
    again = admin_client.post(f"/case-audits/{found.id}/themes", data).get_data(as_text=True)
    assert "already has a theme" in again
    assert AuditTheme.select().count() == 1


def agree_data(case, **grades):
    data = {"version": str(Case.get_by_id(case.id).version), "good_practice": "Strategy in a day"}
    return {**data, **grades}


def test_the_meeting_agrees_grades_and_themes_for_a_case(admin_client, audit_world):
    case, found = audit_world["case_a"], audit_world["audit"]
    theme = AuditTheme.create(audit=found, name="Drift after step-down", kind="concern")
    data = agree_data(case, grade_0="good", grade_1="inadequate", themes=[theme.id])
    assert admin_client.post(f"/case-audits/cases/{case.id}/agree", data).status_code == 302
    agreed = {row.domain: row.grade for row in AgreedGrade.select()}
    assert agreed == {"The voice of the child": "good", "Assessment of risk": "inadequate"}
    assert [row.theme_id for row in CaseTheme.select()] == [theme.id]
    assert Case.get_by_id(case.id).good_practice == "Strategy in a day"
    assert AuditEvent.select().where(AuditEvent.verb == "agreed").exists()


def test_where_an_agencys_grade_differs_both_are_shown(admin_client, audit_world):
    case = make_case(
        audit_world["audit"], [audit_world["agency_a"], audit_world["agency_b"]], "MACA-2026-05"
    )
    ret = fill(return_of(case, audit_world["agency_a"]), grade="good")
    CaseReturn.update(status="submitted").where(CaseReturn.id == ret.id).execute()
    admin_client.post(f"/case-audits/cases/{case.id}/agree", agree_data(case, grade_1="inadequate"))
    page = admin_client.get(f"/case-audits/cases/{case.id}/combined").get_data(as_text=True)
    risk = page.split("Assessment of risk</th>")[1].split("</tr>")[0]
    assert "Good" in risk and "differs from the agreed grade" in risk and "Inadequate" in risk
    voice = page.split("The voice of the child</th>")[1].split("</tr>")[0]
    assert "differs" not in voice
    agree_page = admin_client.get(f"/case-audits/cases/{case.id}/agree").get_data(as_text=True)
    assert "(differs from the agreed grade)" in agree_page


def test_an_agreement_saved_by_someone_else_meanwhile_is_shown(admin_client, audit_world):
    case = audit_world["case_a"]
    stale = agree_data(case, good_practice="Mine")
    Case.update(good_practice="Theirs", version=Case.version + 1).where(
        Case.id == case.id
    ).execute()
    page = admin_client.post(f"/case-audits/cases/{case.id}/agree", stale).get_data(as_text=True)
    assert "Someone else saved this" in page and "Theirs" in page and "Mine" in page
    assert Case.get_by_id(case.id).good_practice == "Theirs"


def test_rules_themes_recur_year_on_year_by_their_words():
    rows = [
        ("Fathers not seen", "concern", "2025-26", 3),
        ("fathers  not seen", "concern", "2024-25", 2),
        ("Quick strategy meetings", "strength", "2025-26", 4),
    ]
    cycles, themes = rules.recurrence(rows)
    assert cycles == ["2024-25", "2025-26"]
    assert [(t["name"], t["cycles"]) for t in themes] == [
        ("Fathers not seen", {"2025-26": 3, "2024-25": 2}),
        ("Quick strategy meetings", {"2025-26": 4}),
    ]


def test_the_subgroup_sees_how_often_themes_recur(reviewer_client, audit_world, count_queries):
    found = audit_world["audit"]
    theme = AuditTheme.create(audit=found, name="Drift after step-down", kind="concern")
    CaseTheme.create(case=audit_world["case_a"], theme=theme)
    with count_queries() as counter:
        page = reviewer_client.get("/case-audits").get_data(as_text=True)
    row = page.split("Drift after step-down</th>")[1].split("</tr>")[0]
    assert "Concern" in row and ">1</td>" in row
    assert "Cases in 2026-27" in page
    assert counter.count <= 9
