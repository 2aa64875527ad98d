"""The work plan: the sub-group adds, changes and removes items (versions, conflicts, audit trail);
the admin keeps the board's priorities; others are refused; the list is a bounded number of
queries."""

from qa.audit import AuditEvent
from qa.workplan.models import Priority, WorkPlanItem
from tests.workplan_fixtures import make_item, make_priority, year_fixture  # noqa: F401


def item_form(people, priority=None, **more):
    return {
        "version": "1",
        "title": "Neglect case audit",
        "kind": "audit",
        "owner": str(people["reviewer"].id),
        "quarter": "2",
        "status": "on_track",
        "priority": str(priority.id) if priority else "",
        "link": "",
        "notes": "",
    } | more


def test_a_subgroup_member_adds_an_item_to_the_years_plan(app, people, year, reviewer_client):
    priority = make_priority(year, "Neglect")
    response = reviewer_client.post(f"/work-plan/{year.id}/new", item_form(people, priority))
    assert response.status_code == 302
    item = WorkPlanItem.get()
    assert (item.title, item.kind, item.quarter, item.status) == (
        "Neglect case audit",
        "audit",
        2,
        "on_track",
    )
    assert (item.owner_id, item.priority_id, item.cycle_id) == (
        people["reviewer"].id,
        priority.id,
        year.id,
    )
    assert AuditEvent.select().where(AuditEvent.verb == "created").count() == 1
    page = reviewer_client.get(f"/work-plan?cycle={year.id}").get_data(as_text=True)
    assert "Neglect case audit" in page and "Angela Brooks" in page


def test_an_item_without_a_title_or_quarter_is_asked_again(app, people, year, admin_client):
    response = admin_client.post(
        f"/work-plan/{year.id}/new", item_form(people, title="", quarter="")
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Enter what the piece of work is" in html
    assert "Choose the quarter it is due in" in html
    assert not WorkPlanItem.select().exists()


def test_an_item_linked_to_a_record_keeps_the_link(app, people, year, admin_client):
    form = item_form(people, kind="section11", link=f"section11:{year.id}")
    assert admin_client.post(f"/work-plan/{year.id}/new", form).status_code == 302
    item = WorkPlanItem.get()
    assert (item.link_kind, item.link_id) == ("section11", year.id)


def test_changing_an_item_saves_and_a_stale_change_is_a_conflict(
    app, people, year, admin_client, reviewer_client
):
    item = make_item(year, "Staff survey", 3, kind="survey", owner=people["admin"])
    url = f"/work-plan/items/{item.id}"
    assert "Staff survey" in admin_client.get(url).get_data(as_text=True)
    first = item_form(people, title="Staff survey", quarter="3", status="at_risk")
    assert reviewer_client.post(url, first).status_code == 302
    assert WorkPlanItem.get_by_id(item.id).status == "at_risk"
    stale = admin_client.post(url, first | {"status": "done"}).get_data(as_text=True)
    assert "Someone else saved this" in stale
    assert WorkPlanItem.get_by_id(item.id).status == "at_risk"
    assert AuditEvent.select().where(AuditEvent.verb == "changed").count() == 1


def test_removing_an_item(app, people, year, admin_client):
    item = make_item(year, "Data set review", 4)
    assert admin_client.post(f"/work-plan/items/{item.id}/delete").status_code == 302
    assert not WorkPlanItem.select().exists()
    assert AuditEvent.select().where(AuditEvent.verb == "deleted").count() == 1


def test_the_admin_keeps_the_boards_priorities_and_items_outlive_them(
    app, people, year, admin_client
):
    url = f"/work-plan/{year.id}/priorities"
    assert admin_client.post(url, {"title": "Neglect"}).status_code == 302
    assert admin_client.post(url, {"title": ""}).status_code == 200
    priority = Priority.get()
    item = make_item(year, "Audit", 1, priority=priority)
    assert admin_client.post(f"/work-plan/priorities/{priority.id}/remove").status_code == 302
    assert WorkPlanItem.get_by_id(item.id).priority_id is None


def test_people_off_the_subgroup_may_not_see_the_plan(app, people, year, signed_in):
    for who in ("peer", "lead_a"):
        assert signed_in(people[who]).get(f"/work-plan?cycle={year.id}").status_code == 403


def test_the_plan_is_read_in_the_same_number_of_queries_however_long(
    app, people, year, admin_client, count_queries
):
    from tests.workplan_fixtures import survey_with

    def queries_for_page():
        with count_queries() as counter:
            assert admin_client.get(f"/work-plan?cycle={year.id}").status_code == 200
        return counter.count

    survey = survey_with(2)
    make_item(year, "One", 1, link_kind="survey", link_id=survey.id, owner=people["admin"])
    few = queries_for_page()
    for n in range(6):
        make_item(year, f"More {n}", 2, link_kind="survey", link_id=survey.id, owner=people["peer"])
    assert queries_for_page() == few
