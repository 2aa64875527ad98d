"""The demo's sub-group year: a work plan of eight items over the four quarters serving two board
priorities, three meetings held (one not quorate) with decisions and actions in their minutes, and
the next meeting with its agenda drawn from what is due; loading twice adds nothing."""

from datetime import datetime

from qa.actions.models import Action
from qa.cycles import demo as cycles_demo
from qa.db import db
from qa.meetings import demo as meetings_demo
from qa.meetings import queries
from qa.meetings.models import AgendaItem, Meeting
from qa.people import demo as people_demo
from qa.people.models import Agency, Sector, User
from qa.workplan import demo as workplan_demo
from qa.workplan import queries as workplan_queries
from qa.workplan.models import Priority, WorkPlanItem
from tests.conftest import password_hash


def demo_people():
    """The demo's people the meetings name, at their demo agencies (loading the whole people demo
    is slow for one test)."""
    sector = Sector.create(name="Health", slug="health")
    agencies = {}
    where = {name: agency for name, agency, _ in people_demo.REVIEWERS}
    where |= {lead: agency for agency, _, _, lead in people_demo.AGENCIES}
    for n, (name, _) in enumerate(people_demo.ADMINS):
        User.create(email=f"admin{n}@example.org", name=name, role="admin",
                    subgroup_member=True, password_hash=password_hash())  # fmt: skip
    for n, (name, agency_name) in enumerate(sorted(where.items())):
        if agency_name not in agencies:
            agencies[agency_name] = Agency.create(name=agency_name, sector=sector)
        User.create(email=f"person{n}@example.org", name=name, role="reviewer",
                    agency=agencies[agency_name], subgroup_member=True,
                    password_hash=password_hash())  # fmt: skip


def test_the_demo_has_a_complete_year_of_the_sub_groups_work(app):
    with db.atomic():  # as the demo runs: one transaction
        demo_people()
        cycles_demo.load(None)
        workplan_demo.load(None)
        meetings_demo.load(None)
    items = list(WorkPlanItem.select())
    assert len(items) == 8 and Priority.select().count() == 2
    assert {i.quarter for i in items} == {1, 2, 3, 4}
    cycle = items[0].cycle
    shown = workplan_queries.items(cycle)
    assert any(i.overdue for i in shown)
    section11 = next(i for i in shown if i.link_kind == "section11")
    assert section11.progress.endswith("returns sent in")
    held = [m for m in queries.meetings() if m.starts_at < datetime.now()]
    assert len(held) == 3
    assert [m.quorum.quorate for m in sorted(held, key=lambda m: m.starts_at)] == [
        True,
        False,
        True,
    ]
    decided = AgendaItem.select().where(AgendaItem.decisions != "")
    assert decided.count() >= 5
    assert Action.select().where(Action.source == "meeting").count() == 3
    upcoming = queries.next_meeting()
    assert upcoming is not None and queries.agenda(upcoming)
    before = (WorkPlanItem.select().count(), Meeting.select().count(), AgendaItem.select().count())
    workplan_demo.load(None)
    meetings_demo.load(None)
    after = (WorkPlanItem.select().count(), Meeting.select().count(), AgendaItem.select().count())
    assert after == before
