"""The single-agency audit tool: an agency's lead grades each domain with a reason (autosaved,
conflicts shown), writes the summary, submits and is locked; an admin reopens with a reason."""

from datetime import date

from qa.audit import AuditEvent
from qa.case_audits.models import CaseAudit, CaseReturn, DomainGrade
from tests.case_audit_fixtures import fill, grades_of, return_of


def grade_post(record, **changes):
    prefix = f"d{record.id}-"
    data = {"version": str(record.version), "grade": "good", "justification": "Seen at home"}
    return {prefix + name: value for name, value in {**data, **changes}.items()}


def test_the_lead_sees_a_form_for_each_domain(lead_client, audit_world):
    ret = return_of(audit_world["case_a"], audit_world["agency_a"])
    CaseAudit.update(returns_due=date(2027, 1, 29)).execute()
    page = lead_client.get(f"/case-audits/returns/{ret.id}").get_data(as_text=True)
    assert "Due by 29 January 2027" in page
    for grade in grades_of(ret):
        assert f'action="/case-audits/grades/{grade.id}"' in page
    assert "What worked well" in page and "Requires improvement" in page


def test_a_grade_autosaves(lead_client, audit_world):
    ret = return_of(audit_world["case_a"], audit_world["agency_a"])
    grade = grades_of(ret)[0]
    response = lead_client.post(f"/case-audits/grades/{grade.id}", grade_post(grade), htmx=True)
    assert "Saved by Amara Nwosu" in response.get_data(as_text=True)
    saved = DomainGrade.get_by_id(grade.id)
    assert (saved.grade, saved.justification, saved.version) == ("good", "Seen at home", 2)


def test_a_justification_naming_the_child_is_refused(lead_client, audit_world):
    grade = grades_of(return_of(audit_world["case_a"], audit_world["agency_a"]))[0]
    words = "Jack Smith told his teacher he was hungry"
    response = lead_client.post(
        f"/case-audits/grades/{grade.id}", grade_post(grade, justification=words)
    )
    page = response.get_data(as_text=True)
    assert "looks like it contains a name" in page
    assert words in page  # kept on the page
    assert DomainGrade.get_by_id(grade.id).justification == ""


def test_someone_elses_save_is_shown_not_overwritten(lead_client, audit_world):
    grade = grades_of(return_of(audit_world["case_a"], audit_world["agency_a"]))[0]
    DomainGrade.update(justification="Their words", version=2).where(
        DomainGrade.id == grade.id
    ).execute()
    response = lead_client.post(
        f"/case-audits/grades/{grade.id}", grade_post(grade, justification="My words"), htmx=True
    )
    page = response.get_data(as_text=True)
    assert "Someone else saved this" in page and "Their words" in page and "My words" in page
    assert DomainGrade.get_by_id(grade.id).justification == "Their words"
    kept = grade_post(grade, justification="My words", resolve="2")
    lead_client.post(f"/case-audits/grades/{grade.id}", kept)
    assert DomainGrade.get_by_id(grade.id).justification == "My words"


def test_the_summary_autosaves(lead_client, audit_world):
    ret = return_of(audit_world["case_a"], audit_world["agency_a"])
    data = {"version": "1", "worked_well": "A quick strategy meeting"}
    response = lead_client.post(f"/case-audits/returns/{ret.id}/summary", data, htmx=True)
    assert "Saved" in response.get_data(as_text=True)
    assert CaseReturn.get_by_id(ret.id).worked_well == "A quick strategy meeting"


def test_an_unfinished_return_is_not_submitted_and_says_why(lead_client, audit_world):
    ret = return_of(audit_world["case_a"], audit_world["agency_a"])
    page = lead_client.post(f"/case-audits/returns/{ret.id}/submit", {"version": "1"}).get_data(
        as_text=True
    )
    assert "Choose a grade for The voice of the child" in page
    assert f'href="#d{grades_of(ret)[0].id}-grade"' in page
    assert CaseReturn.get_by_id(ret.id).status == "draft"


def test_a_submitted_return_is_locked(lead_client, audit_world):
    ret = fill(return_of(audit_world["case_a"], audit_world["agency_a"]))
    response = lead_client.post(f"/case-audits/returns/{ret.id}/submit", {"version": "1"})
    assert response.status_code == 302
    assert CaseReturn.get_by_id(ret.id).status == "submitted"
    grade = grades_of(ret)[0]
    refused = lead_client.post(f"/case-audits/grades/{grade.id}", grade_post(grade, grade="good"))
    assert refused.status_code == 409
    quiet = lead_client.post(f"/case-audits/grades/{grade.id}", grade_post(grade), htmx=True)
    assert "Not saved: this return has been submitted" in quiet.get_data(as_text=True)
    assert DomainGrade.get_by_id(grade.id).justification == "Seen in the records"


def test_an_admin_reopens_a_submitted_return_with_a_reason(admin_client, audit_world):
    ret = fill(return_of(audit_world["case_a"], audit_world["agency_a"]))
    CaseReturn.update(status="submitted").where(CaseReturn.id == ret.id).execute()
    without = admin_client.post(f"/case-audits/returns/{ret.id}/reopen", {"version": "1"})
    assert "Say why the return is being reopened" in without.get_data(as_text=True)
    reason = "The grade for risk was entered against the wrong case"
    response = admin_client.post(
        f"/case-audits/returns/{ret.id}/reopen", {"version": "1", "reason": reason}
    )
    assert response.status_code == 302
    assert CaseReturn.get_by_id(ret.id).status == "reopened"
    line = AuditEvent.get(AuditEvent.verb == "reopened")
    assert reason in line.summary


def test_a_lead_cannot_reopen(lead_client, audit_world):
    ret = return_of(audit_world["case_a"], audit_world["agency_a"])
    CaseReturn.update(status="submitted").where(CaseReturn.id == ret.id).execute()
    data = {"version": "1", "reason": "Please"}
    assert lead_client.post(f"/case-audits/returns/{ret.id}/reopen", data).status_code == 403


def test_the_summary_autosave_moves_the_submit_form_on_to_the_saved_version(
    lead_client, audit_world
):
    ret = return_of(audit_world["case_a"], audit_world["agency_a"])
    data = {"version": "1", "worked_well": "A quick strategy meeting"}
    page = lead_client.post(f"/case-audits/returns/{ret.id}/summary", data, htmx=True)
    html = page.get_data(as_text=True)
    assert 'id="submit-version" value="2" hx-swap-oob="true"' in html
    filled = fill(ret)
    response = lead_client.post(f"/case-audits/returns/{ret.id}/submit", {"version": "2"})
    assert response.status_code == 302
    assert CaseReturn.get_by_id(filled.id).status == "submitted"


def test_a_return_not_submitted_is_not_reopened(admin_client, audit_world):
    ret = return_of(audit_world["case_a"], audit_world["agency_a"])
    data = {"version": "1", "reason": "By mistake"}
    response = admin_client.post(f"/case-audits/returns/{ret.id}/reopen", data)
    assert response.status_code == 200
    assert "It was not reopened" in response.get_data(as_text=True)
    assert CaseReturn.get_by_id(ret.id).status == "draft"
    assert not AuditEvent.select().where(AuditEvent.verb == "reopened").exists()
